package org.ferryftp.site.vault;

/** The credential store chosen for this run, and which one it is ({@link #backend()}). Close it at shutdown. */
public final class SelectedCredentialStore extends DelegatingCredentialStore implements AutoCloseable {

    private final CredentialStore store;
    private final CredentialBackend backend;

    SelectedCredentialStore(CredentialStore store, CredentialBackend backend) {
        this.store = store;
        this.backend = backend;
    }

    public CredentialBackend backend() {
        return backend;
    }

    @Override
    protected CredentialStore target() {
        return store;
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
