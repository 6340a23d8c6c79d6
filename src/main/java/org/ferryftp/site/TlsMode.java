package org.ferryftp.site;

/** How a site uses TLS (the TLS handling itself belongs to the engine). */
public enum TlsMode {
    /** Plain FTP. */
    NONE,
    /** FTP, upgraded with AUTH TLS when the server offers it. */
    IF_OFFERED,
    /** FTPS explicit: AUTH TLS is required. */
    EXPLICIT,
    /** FTPS implicit: TLS from the first byte (usually port 990). */
    IMPLICIT
}
