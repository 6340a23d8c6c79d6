package org.ferryftp.fs;

import java.io.IOException;

/**
 * One side of the file view: the local disk or a remote site. Paths are strings in the side's own
 * syntax; {@link #join} and {@link #parent} build them. Implementations are not thread-safe: callers
 * run one operation at a time, off the UI thread.
 */
public interface FileBrowser extends AutoCloseable {

    /** Short name for titles and messages, e.g. "Local" or "demo@127.0.0.1:2121". */
    String displayName();

    /** True for the local disk. */
    boolean isLocal();

    /** Where browsing starts: the user's home or the login directory. */
    String home() throws IOException;

    DirectoryListing list(String path) throws IOException;

    /**
     * Lists {@code path}, handing its entries to {@code batches} while they arrive, and returns the whole
     * listing (equal to {@link #list(String)}). Sides that cannot stream hand over one batch. When
     * {@code batches} returns false the listing stops and an {@link IOException} is thrown; the browser
     * stays usable.
     */
    default DirectoryListing list(String path, ListingBatches batches) throws IOException {
        DirectoryListing whole = list(path);
        batches.accept(whole);
        return whole;
    }

    /** Creates the directory and any missing parents. */
    void makeDirectories(String path) throws IOException;

    void rename(String from, String to) throws IOException;

    /** Deletes a file, or a directory with everything in it when {@code recursive}. */
    void delete(String path, boolean directory, boolean recursive) throws IOException;

    /**
     * Sets a directory's modification time where the side allows it; returns false where it cannot (a server
     * without MFMT or SITE UTIME, vsftpd among them).
     */
    default boolean setDirectoryTime(String path, java.time.Instant time) throws IOException {
        return false;
    }

    /**
     * A checksum of a file: a server's by the strongest method it offers (HASH, XSHA256, XSHA1, XMD5, XCRC), or the
     * local disk's computed by {@code algorithm}. Empty where the side offers none (or no algorithm is given for the
     * local disk).
     */
    default java.util.Optional<org.ferryftp.session.RemoteChecksum> checksum(String path, String algorithm)
            throws IOException {
        return java.util.Optional.empty();
    }

    /** Sets Unix permissions as octal (e.g. 755). */
    void chmod(String path, String octalMode) throws IOException;

    String join(String dir, String name);

    /** The parent directory, or null at the root. */
    String parent(String path);

    /** A URL or path the user can copy, without any password. */
    String describe(String path);

    @Override
    void close();
}
