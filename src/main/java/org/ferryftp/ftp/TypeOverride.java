package org.ferryftp.ftp;

import org.ferryftp.ftp.repr.Representation;

/**
 * FileZilla's Transfer → Transfer type: each site's own representation (auto), or every FTP transfer in ASCII
 * (TYPE A N) or binary (TYPE I) until switched back. The site's MODE is kept.
 */
public enum TypeOverride {
    AUTO, ASCII, BINARY;

    /** The representation a transfer uses, given what the site chose for the file. */
    public Representation apply(Representation siteChoice) {
        return switch (this) {
            case AUTO -> siteChoice;
            case ASCII -> Representation.ASCII.withMode(siteChoice.mode());
            case BINARY -> Representation.BINARY.withMode(siteChoice.mode());
        };
    }
}
