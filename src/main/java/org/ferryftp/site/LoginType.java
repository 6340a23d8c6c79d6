package org.ferryftp.site;

/** How a site logs in. */
public enum LoginType {
    ANONYMOUS,
    /** User and password (the password lives in the credential vault, never in the profile). */
    NORMAL,
    /** User only; the password is asked for each time and never stored. */
    ASK,
    /** User, password and an RFC 959 account (ACCT). */
    ACCOUNT
}
