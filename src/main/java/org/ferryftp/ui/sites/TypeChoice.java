package org.ferryftp.ui.sites;

/** The TYPE a site's form offers: auto (binary, ASCII for listed extensions) or a fixed RFC 959 type. */
public enum TypeChoice {
    AUTO, ASCII, IMAGE, EBCDIC, LOCAL
}
