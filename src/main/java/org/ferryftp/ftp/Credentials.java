package org.ferryftp.ftp;

import java.util.Objects;

/**
 * Login data for RFC 959's USER/PASS/ACCT sequence. {@link #toString()} never shows secrets.
 *
 * @param user     user name
 * @param password password, or null when none is configured
 * @param account  account for ACCT, or null
 */
public record Credentials(String user, String password, String account) {

    public Credentials {
        Objects.requireNonNull(user, "user");
    }

    public static Credentials anonymous() {
        return new Credentials("anonymous", "ferry@", null);
    }

    public static Credentials of(String user, String password) {
        return new Credentials(user, password, null);
    }

    public boolean isAnonymous() {
        return user.equalsIgnoreCase("anonymous") || user.equalsIgnoreCase("ftp");
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=" + (password == null ? "none" : "****")
                + ", account=" + (account == null ? "none" : "****") + "]";
    }
}
