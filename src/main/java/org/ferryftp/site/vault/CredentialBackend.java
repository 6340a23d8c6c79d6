package org.ferryftp.site.vault;

/**
 * Which store holds the passwords in this run, for the log and the status bar.
 *
 * @param kind      the OS keyring or Ferry's own vault
 * @param where     e.g. "the Secret Service keyring" or "Ferry's encrypted vault (/home/ann/.config/ferry/vault.properties)"
 * @param note      one line for the log, or null: with the vault, why the keyring is not used; with the keyring,
 *                  that a vault from earlier runs exists and is not read
 */
public record CredentialBackend(Kind kind, String where, String note) {

    public enum Kind { KEYRING, VAULT }

    public CredentialBackend {
        if (kind == null || where == null) {
            throw new IllegalArgumentException("kind and place required");
        }
    }

    /** One sentence for the user: "passwords are kept in the Secret Service keyring". */
    public String summary() {
        return "passwords are kept in " + where;
    }
}
