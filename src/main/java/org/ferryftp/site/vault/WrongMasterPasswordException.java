package org.ferryftp.site.vault;

/** The master password does not open the vault; the vault file was not touched. */
public final class WrongMasterPasswordException extends VaultException {

    public WrongMasterPasswordException() {
        super("the master password is not correct");
    }
}
