package org.ferryftp.site.vault;

import java.io.IOException;

/** The vault cannot be opened or read; the message says why in plain words. */
public class VaultException extends IOException {

    public VaultException(String message) {
        super(message);
    }
}
