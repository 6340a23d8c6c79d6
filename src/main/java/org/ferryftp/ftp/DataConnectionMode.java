package org.ferryftp.ftp;

/** How the data connection is set up. */
public enum DataConnectionMode {
    /** Client connects to the server: EPSV when advertised, else PASV. */
    PASSIVE,
    /** Server connects to the client: EPRT (IPv6, or when preferred) or PORT. */
    ACTIVE,
    /**
     * RFC 959's default: no PORT or PASV is sent, and the server connects from its port L-1 to the
     * client's control-connection port. Advanced; rarely allowed through firewalls.
     */
    DEFAULT_PORT
}
