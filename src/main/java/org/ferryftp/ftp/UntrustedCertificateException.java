package org.ferryftp.ftp;

/** The server's certificate was not trusted: the trust anchors did not vouch for it and nobody accepted it. */
public final class UntrustedCertificateException extends FtpException {

    private final transient ServerCertificate certificate;

    UntrustedCertificateException(ServerCertificate certificate, Throwable cause) {
        super("the TLS certificate of " + certificate.host() + ":" + certificate.port() + " is not trusted ("
                + certificate.problem() + "); subject " + certificate.subject() + ", SHA-256 fingerprint "
                + certificate.sha256(), cause);
        this.certificate = certificate;
    }

    public ServerCertificate certificate() {
        return certificate;
    }
}
