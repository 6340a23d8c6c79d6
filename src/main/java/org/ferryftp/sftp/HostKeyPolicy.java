package org.ferryftp.sftp;

import java.security.PublicKey;
import java.util.Optional;

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

    /**
     * The answer {@link #accept} would give, where it needs nobody to be asked (a fingerprint given beforehand, a key
     * trusted once already): asked during the key exchange, on MINA's network thread, so such a key costs no second
     * connection. Empty, the default, when a person must answer; then {@link #accept} is asked between connections.
     */
    default Optional<Boolean> answerWithoutAsking(String host, int port, PublicKey key, HostKeyVerdict verdict) {
        return Optional.empty();
    }

    /** Accepts the one key whose fingerprint is {@code fingerprint} ({@code SHA256:…}), unknown or changed. */
    static HostKeyPolicy fingerprint(String fingerprint) {
        return new HostKeyPolicy() {
            @Override
            public boolean accept(String host, int port, PublicKey key, HostKeyVerdict verdict) {
                return KnownHosts.fingerprint(key).equals(fingerprint);
            }

            @Override
            public Optional<Boolean> answerWithoutAsking(String host, int port, PublicKey key, HostKeyVerdict verdict) {
                return Optional.of(accept(host, port, key, verdict));
            }
        };
    }
}
