package org.ferryftp.site;

/**
 * The protocol a site speaks. FTP comes plain or with TLS as the profile's {@link TlsMode} says; SFTP (SSH) has
 * no TLS and uses the profile's {@link SshKeys}.
 */
public enum SiteProtocol {
    FTP,
    SFTP;

    /** The port a new site of this protocol starts with: 22 for SFTP, 990 for implicit FTPS, else 21. */
    public int defaultPort(TlsMode tls) {
        if (this == SFTP) {
            return 22;
        }
        return tls == TlsMode.IMPLICIT ? 990 : 21;
    }
}
