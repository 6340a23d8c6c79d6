package org.ferryftp.ftp;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides about a server certificate that the trust anchors do not vouch for (self-signed, unknown
 * CA, or a name that does not match the host). Called on the thread that connects; an
 * implementation may ask the user and block until they answer.
 */
@FunctionalInterface
public interface CertificateTrust {

    /** Trusts only what the trust anchors vouch for. */
    CertificateTrust REJECT = certificate -> false;

    /** True to accept the certificate for this connection. */
    boolean accept(ServerCertificate certificate);

    /** Accepts certificates with one of these SHA-256 fingerprints (any case, colons optional). */
    static CertificateTrust fingerprints(Collection<String> sha256) {
        Set<String> wanted = sha256.stream().map(ServerCertificate::normalizeFingerprint).collect(Collectors.toSet());
        return certificate -> wanted.contains(normalize(certificate));
    }

    private static String normalize(ServerCertificate c) {
        return ServerCertificate.normalizeFingerprint(c.sha256());
    }
}
