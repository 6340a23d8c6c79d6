package org.ferryftp.ftp;

import java.security.KeyStore;
import java.util.List;
import java.util.Objects;

/**
 * How a session uses TLS (RFC 4217).
 *
 * @param mode         none, explicit (AUTH TLS, required or only when offered) or implicit
 * @param protectData  PROT P (the default) or PROT C for data connections
 * @param protocols    TLS versions to allow, e.g. {@code TLSv1.3}; empty means the JDK's defaults
 * @param trust        decides about certificates the trust anchors do not vouch for
 * @param trustAnchors the CA certificates to trust, or null for the JDK's trust store
 */
public record TlsPolicy(Mode mode, boolean protectData, List<String> protocols, CertificateTrust trust,
                        KeyStore trustAnchors) {

    /** Plain FTP. */
    public static final TlsPolicy NONE = new TlsPolicy(Mode.NONE, true, List.of(), CertificateTrust.REJECT, null);

    public enum Mode {
        /** Plain FTP. */
        NONE,
        /** AUTH TLS when the server offers it; plain (with a note in the log) when it does not. */
        IF_OFFERED,
        /** AUTH TLS, required. */
        EXPLICIT,
        /** TLS from the first byte (port 990 by convention). */
        IMPLICIT
    }

    public TlsPolicy {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(trust, "trust");
        protocols = List.copyOf(protocols == null ? List.of() : protocols);
    }

    public static TlsPolicy of(Mode mode, CertificateTrust trust) {
        return new TlsPolicy(mode, true, List.of(), trust, null);
    }

    public boolean enabled() {
        return mode != Mode.NONE;
    }

    public TlsPolicy withProtectData(boolean p) {
        return new TlsPolicy(mode, p, protocols, trust, trustAnchors);
    }

    public TlsPolicy withProtocols(String... versions) {
        return new TlsPolicy(mode, protectData, List.of(versions), trust, trustAnchors);
    }

    public TlsPolicy withTrust(CertificateTrust t) {
        return new TlsPolicy(mode, protectData, protocols, t, trustAnchors);
    }

    public TlsPolicy withTrustAnchors(KeyStore anchors) {
        return new TlsPolicy(mode, protectData, protocols, trust, anchors);
    }
}
