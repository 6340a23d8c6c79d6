package org.ferryftp.site.vault;

import java.io.IOException;
import java.util.Optional;

/** Where passwords live: the OS keyring or Ferry's encrypted vault, never a profile file. */
public interface CredentialStore {

    Optional<String> get(String name) throws IOException;

    void put(String name, String secret) throws IOException;

    void remove(String name) throws IOException;
}
