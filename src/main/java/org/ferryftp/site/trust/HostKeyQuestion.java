package org.ferryftp.site.trust;

import org.ferryftp.sftp.HostKeyVerdict;

/**
 * An SSH host key to decide about.
 *
 * @param host        the host as the site names it
 * @param port        its SSH port
 * @param keyType     the key's algorithm as OpenSSH names it (e.g. {@code ssh-ed25519})
 * @param fingerprint {@code SHA256:…}, as {@code ssh-keygen -lf} prints it
 * @param verdict     {@link HostKeyVerdict.Unknown} or {@link HostKeyVerdict.Changed}
 */
public record HostKeyQuestion(String host, int port, String keyType, String fingerprint, HostKeyVerdict verdict) {

    /** True when another key of this type was recorded for the host: a reason for an alarm. */
    public boolean changed() {
        return verdict instanceof HostKeyVerdict.Changed;
    }

    /** The fingerprint recorded before, or null when the host was unknown. */
    public String recordedFingerprint() {
        return verdict instanceof HostKeyVerdict.Changed c ? c.recordedFingerprint() : null;
    }

    /** Where the recorded key is (file and host pattern), or null when the host was unknown. */
    public String recordedIn() {
        return verdict instanceof HostKeyVerdict.Changed c ? c.recordedIn() : null;
    }

    /** {@code host} for port 22, else {@code host:port}. */
    public String where() {
        return port == 22 ? host : host + ":" + port;
    }
}
