package org.ferryftp.site.vault;

/**
 * Supplies the master password of Ferry's encrypted vault. Ferry asks at most once per run, when a password is
 * first needed (see {@link VaultCredentialStore}). Implementations: {@link EnvironmentMasterPassword} for
 * scripts, a console prompt for the command line, a dialog for the window.
 */
public interface MasterPasswordSource {

    /**
     * Returns the master password. When {@link MasterPasswordRequest#creating()} is true the vault does not exist
     * yet and the answer creates it, so an interactive source asks twice and only returns a confirmed password.
     * The caller clears the returned array after use.
     *
     * @throws VaultException when no password can be had: no console, the user cancelled, and so on; the message
     *                        says so in plain words
     */
    char[] masterPassword(MasterPasswordRequest request) throws VaultException;

    /**
     * Whether asking again after a wrong password can give a different answer (a dialog can; an environment
     * variable or a one-shot command line cannot, so a wrong password there ends with an error).
     */
    default boolean canAskAgain() {
        return false;
    }

    /**
     * Where the password comes from when that helps the message, as in "FERRY_MASTER_PASSWORD: the master
     * password is not correct"; empty for a person who typed it.
     */
    default String origin() {
        return "";
    }
}
