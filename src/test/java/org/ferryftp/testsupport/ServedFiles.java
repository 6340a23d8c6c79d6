package org.ferryftp.testsupport;

import java.time.Instant;
import java.util.List;

/**
 * The files a {@link ScriptedFtpServer} serves: in memory ({@link VirtualFileSystem}) or a real directory on
 * disk ({@link DiskFileSystem}). Paths are normalized absolute Unix paths; contents are wire bytes.
 */
interface ServedFiles {

    /** Stores a file, creating missing parent directories (test set-up, not FTP semantics). */
    void putFile(String path, byte[] content);

    /** Creates a directory and its missing parents (test set-up, like {@code mkdir -p}). */
    void mkdirs(String path);

    /** MKD semantics: the parent must exist and the name must be free. */
    boolean mkdir(String path);

    boolean exists(String path);

    boolean isDirectory(String path);

    /** A copy of the file's bytes, or null if there is no such file. */
    byte[] read(String path);

    /**
     * Writes {@code data} at {@code offset}, keeping the first {@code offset} bytes of the old content (REST +
     * STOR); offset 0 replaces the file. False if the parent is missing, the path is a directory or the offset
     * lies beyond the end of the existing file.
     */
    boolean write(String path, long offset, byte[] data);

    boolean append(String path, byte[] data);

    boolean deleteFile(String path);

    boolean removeEmptyDirectory(String path);

    /** Unix rename: moves a whole subtree; may replace a file but never a directory. */
    boolean rename(String from, String to);

    /** A name in {@code dir} that is not taken yet, derived from {@code base} (STOU). */
    String uniqueName(String dir, String base);

    /** The entry, or null when nothing is there. */
    VirtualFileSystem.Entry entry(String path);

    /** Direct children of a directory, sorted by name. */
    List<VirtualFileSystem.Entry> children(String dir);

    boolean setModified(String path, Instant modified);

    boolean setMode(String path, String mode);
}
