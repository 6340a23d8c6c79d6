package org.ferryftp.ftp.repr;

/** The page types of RFC 959 3.1.2.3, as sent in the fourth byte of a STRU P page header. */
enum PageType {
    /** Ends the file; carries no data. */
    LAST,
    /** Ordinary page of file content. */
    SIMPLE,
    /** Describes the file (TOPS-20 style); its data is not file content. */
    DESCRIPTOR,
    /** File content protected by access-control optional fields in the header. */
    ACCESS_CONTROLLED;

    /** The type for a header byte, or {@code null} when RFC 959 does not define it. */
    static PageType of(int code) {
        PageType[] all = values();
        return code >= 0 && code < all.length ? all[code] : null;
    }

    boolean carriesContent() {
        return this == SIMPLE || this == ACCESS_CONTROLLED;
    }
}
