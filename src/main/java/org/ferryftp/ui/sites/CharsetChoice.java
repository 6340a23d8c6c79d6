package org.ferryftp.ui.sites;

/** Charset of names in a site's form: auto, UTF-8, or a named charset typed by the user. */
public enum CharsetChoice {
    AUTO, UTF8, NAMED
}
