package org.ferryftp.ftp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What a person needs to decide whether to trust a server's certificate.
 *
 * @param host      the host Ferry connected to
 * @param port      the control port
 * @param subject   the certificate's subject
 * @param issuer    its issuer
 * @param notBefore start of validity
 * @param notAfter  end of validity
 * @param names     subject alternative names (DNS names and IP addresses)
 * @param sha256    SHA-256 fingerprint, colon-separated upper-case hex
 * @param problem   why the trust anchors did not vouch for it
 * @param chain     the chain as sent, leaf first
 */
public record ServerCertificate(String host, int port, String subject, String issuer, Instant notBefore,
                                Instant notAfter, List<String> names, String sha256, String problem,
                                List<X509Certificate> chain) {

    public ServerCertificate {
        names = List.copyOf(names);
        chain = List.copyOf(chain);
    }

    static ServerCertificate of(X509Certificate[] chain, String host, int port, String problem) {
        X509Certificate leaf = chain[0];
        return new ServerCertificate(host, port, leaf.getSubjectX500Principal().getName(),
                leaf.getIssuerX500Principal().getName(), leaf.getNotBefore().toInstant(),
                leaf.getNotAfter().toInstant(), alternativeNames(leaf), fingerprint(leaf), problem, List.of(chain));
    }

    public boolean isSelfSigned() {
        return subject.equals(issuer);
    }

    /** SHA-256 of the DER encoding, as {@code AB:CD:...}. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint the certificate: " + e.getMessage(), e);
        }
    }

    /** Upper-case hex without separators, so fingerprints typed or pasted in any style compare equal. */
    public static String normalizeFingerprint(String fingerprint) {
        String f = fingerprint.strip().toUpperCase(Locale.ROOT);
        if (f.startsWith("SHA256:")) {
            f = f.substring("SHA256:".length());
        }
        return f.replaceAll("[^0-9A-F]", "");
    }

    private static List<String> alternativeNames(X509Certificate leaf) {
        List<String> names = new ArrayList<>();
        try {
            if (leaf.getSubjectAlternativeNames() != null) {
                for (List<?> entry : leaf.getSubjectAlternativeNames()) {
                    int type = (Integer) entry.get(0);
                    if (type == 2 || type == 7) { // dNSName, iPAddress
                        names.add(String.valueOf(entry.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            names.add("(unreadable: " + e.getMessage() + ")");
        }
        return names;
    }
}
