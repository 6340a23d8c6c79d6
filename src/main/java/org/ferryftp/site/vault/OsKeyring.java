package org.ferryftp.site.vault;

import java.io.IOException;
import java.util.Optional;

/** The operating system's password store, reduced to what Ferry needs. Entries are found by service and account. */
public interface OsKeyring extends AutoCloseable {

    /** For the log and the status bar, e.g. "the Secret Service keyring". */
    String name();

    Optional<String> read(String service, String account) throws IOException;

    void write(String service, String account, String secret) throws IOException;

    /** Removes the entry; nothing happens when there is none. */
    void delete(String service, String account) throws IOException;

    /** Releases the connection to the keyring (a D-Bus connection on Linux). */
    @Override
    void close();
}
