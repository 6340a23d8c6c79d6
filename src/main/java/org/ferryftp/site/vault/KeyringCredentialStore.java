package org.ferryftp.site.vault;

import java.io.IOException;
import java.util.Optional;

/**
 * Passwords in the OS keyring, namespaced so they never clash with other programs' entries: service
 * {@value #SERVICE}, account = the site id.
 */
public final class KeyringCredentialStore implements CredentialStore, AutoCloseable {

    public static final String SERVICE = "Ferry";

    private final OsKeyring keyring;

    public KeyringCredentialStore(OsKeyring keyring) {
        this.keyring = keyring;
    }

    public String keyringName() {
        return keyring.name();
    }

    @Override
    public Optional<String> get(String name) throws IOException {
        return keyring.read(SERVICE, checked(name));
    }

    @Override
    public void put(String name, String secret) throws IOException {
        if (secret == null) {
            throw new IllegalArgumentException("no password to store for " + name);
        }
        keyring.write(SERVICE, checked(name), secret);
    }

    @Override
    public void remove(String name) throws IOException {
        keyring.delete(SERVICE, checked(name));
    }

    @Override
    public void close() {
        keyring.close();
    }

    private static String checked(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a credential needs a site id");
        }
        return name;
    }
}
