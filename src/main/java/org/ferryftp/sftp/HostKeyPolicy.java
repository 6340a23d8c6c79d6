package org.ferryftp.sftp;

import java.security.PublicKey;

/**
 * Decides about a server key the known-hosts files do not vouch for: the window asks the user, the command line
 * accepts only the fingerprint given with {@code --trust-fingerprint}.
 */
@FunctionalInterface
public interface HostKeyPolicy {

    /** Refuses every key that is not already known. */
    HostKeyPolicy KNOWN_ONLY = (host, port, key, verdict) -> false;

    /**
     * @param verdict {@link HostKeyVerdict.Unknown} or {@link HostKeyVerdict.Changed}
     * @return true to go on with this key
     */
    boolean accept(String host, int port, PublicKey key, HostKeyVerdict verdict);

    /** Accepts the one key whose fingerprint is {@code fingerprint} ({@code SHA256:…}), unknown or changed. */
    static HostKeyPolicy fingerprint(String fingerprint) {
        return (host, port, key, verdict) -> KnownHosts.fingerprint(key).equals(fingerprint);
    }
}
