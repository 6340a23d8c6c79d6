package org.ferryftp.testsupport;

/** The login dialogue a {@link ScriptedFtpServer} conducts; each is one a real server family is known to use. */
public enum LoginScript {
    /** USER → 331, PASS → 230: the common case. */
    PASSWORD,
    /** USER → 230 at once, no password asked. */
    NO_PASSWORD,
    /** USER → 331, PASS → 332, ACCT → 230 (RFC 959 account after the password). */
    ACCOUNT,
    /** USER → 332, ACCT → 230 (account instead of a password). */
    ACCOUNT_AFTER_USER
}
