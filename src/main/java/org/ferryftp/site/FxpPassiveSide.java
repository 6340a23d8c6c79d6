package org.ferryftp.site;

/** In a server-to-server (FXP) copy, which server is sent PASV; the other is sent PORT. */
public enum FxpPassiveSide {
    /** Ferry decides, and swaps sides when the first try is refused. */
    AUTO,
    /** The server the files come from listens. */
    SOURCE,
    /** The server the files go to listens. */
    TARGET
}
