package org.ferryftp.site.vault;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passwords in memory only, for this run: nothing is written anywhere. For tests; the app always keeps
 * passwords in the OS keyring or the encrypted vault (see {@link CredentialStores}).
 */
public final class MemoryCredentialStore implements CredentialStore {

    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(secrets.get(name));
    }

    @Override
    public void put(String name, String secret) {
        secrets.put(name, secret);
    }

    @Override
    public void remove(String name) {
        secrets.remove(name);
    }
}
