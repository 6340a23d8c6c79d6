package org.ferryftp.site.vault;

import java.io.IOException;
import java.util.Optional;

/** The credential store chosen for this run, and which one it is ({@link #backend()}). Close it at shutdown. */
public final class Credentials implements CredentialStore, AutoCloseable {

    private final CredentialStore store;
    private final CredentialBackend backend;

    Credentials(CredentialStore store, CredentialBackend backend) {
        this.store = store;
        this.backend = backend;
    }

    public CredentialBackend backend() {
        return backend;
    }

    @Override
    public Optional<String> get(String name) throws IOException {
        return store.get(name);
    }

    @Override
    public void put(String name, String secret) throws IOException {
        store.put(name, secret);
    }

    @Override
    public void remove(String name) throws IOException {
        store.remove(name);
    }

    @Override
    public void close() {
        if (store instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Only the keyring's connection is closed here; there is nothing unsaved to lose.
            }
        }
    }
}
