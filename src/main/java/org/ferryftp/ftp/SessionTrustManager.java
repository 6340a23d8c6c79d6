package org.ferryftp.ftp;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One session's trust decisions: the trust anchors (JDK trust store by default, with host name
 * verification) first; a certificate they do not vouch for goes to the {@link CertificateTrust}.
 * A certificate accepted once is accepted for the rest of the session, so the data connections of
 * a trusted session are not asked about again.
 */
final class SessionTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager anchors;
    private final CertificateTrust trust;
    private final String host;
    private final int port;
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private volatile ServerCertificate rejected;

    SessionTrustManager(KeyStore trustAnchors, CertificateTrust trust, String host, int port)
            throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(trustAnchors);
        X509ExtendedTrustManager found = null;
        for (TrustManager tm : f.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                found = x;
            }
        }
        if (found == null) {
            throw new GeneralSecurityException("the JDK offers no X.509 trust manager");
        }
        this.anchors = found;
        this.trust = trust;
        this.host = host;
        this.port = port;
    }

    /** The certificate refused last, for the error message; null when none was. */
    ServerCertificate rejected() {
        return rejected;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        try {
            anchors.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            decide(chain, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        try {
            anchors.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            decide(chain, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            anchors.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            decide(chain, e);
        }
    }

    private void decide(X509Certificate[] chain, CertificateException refusal) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw refusal;
        }
        ServerCertificate certificate = ServerCertificate.of(chain, host, port, describe(refusal));
        if (accepted.contains(certificate.sha256())) {
            return;
        }
        if (trust.accept(certificate)) {
            accepted.add(certificate.sha256());
            rejected = null;
            return;
        }
        rejected = certificate;
        throw refusal;
    }

    private String describe(CertificateException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return "it has expired";
            }
            if (t instanceof CertificateNotYetValidException) {
                return "it is not valid yet";
            }
        }
        String m = String.valueOf(e.getMessage());
        if (m.contains("No subject alternative") || m.contains("No name matching")) {
            return "it was issued for other names than " + host;
        }
        if (m.contains("PKIX path") || m.contains("certification path")) {
            return "it is not signed by a trusted authority (self-signed or unknown CA)";
        }
        return m;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("Ferry is a TLS client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("Ferry is a TLS client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("Ferry is a TLS client only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return anchors.getAcceptedIssuers();
    }
}
