package org.ferryftp.site.vault;

import java.io.IOException;
import java.util.Optional;

/** A credential store that passes every call to another one, found when needed (unlocked, chosen, opened). */
public abstract class DelegatingCredentialStore implements CredentialStore {

    /** The store that does the work; may ask for a password or wait for a choice the first time. */
    protected abstract CredentialStore target() throws IOException;

    @Override
    public final Optional<String> get(String name) throws IOException {
        return target().get(name);
    }

    @Override
    public final void put(String name, String secret) throws IOException {
        target().put(name, secret);
    }

    @Override
    public final void remove(String name) throws IOException {
        target().remove(name);
    }
}
