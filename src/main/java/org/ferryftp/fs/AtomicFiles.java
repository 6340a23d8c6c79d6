package org.ferryftp.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Saves a settings file so that a failed save never destroys the previous one: the new content
 * goes to a temporary file in the same directory, is forced to disk, the previous version is kept
 * as {@code name.bak}, and the new file replaces the old one in a single rename.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static void replace(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, content);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            if (Files.exists(file)) {
                Files.copy(file, file.resolveSibling(file.getFileName() + ".bak"), StandardCopyOption.REPLACE_EXISTING);
            }
            move(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads a whole file that Ferry parses in memory (settings, site files, imports), refusing one larger than
     * {@code limit} bytes: a damaged or hostile file must get a one-line reason, not exhaust the heap.
     *
     * @param what the kind of file, for the message ("a settings file")
     */
    public static byte[] readAtMost(Path file, int limit, String what) throws IOException {
        long size = Files.size(file);
        if (size <= limit) {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes(limit + 1);
                if (bytes.length <= limit) {
                    return bytes;
                }
                size = Math.max(size, bytes.length);
            }
        }
        throw tooLarge(file, size, limit, what);
    }

    /** An input stream's content, or the same refusal as {@link #readAtMost} once it passes {@code limit}. */
    public static byte[] readAtMost(InputStream in, String name, int limit, String what) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new IOException(name + " is more than the " + mib(limit) + " Ferry reads from " + what);
        }
        return bytes;
    }

    private static IOException tooLarge(Path file, long size, int limit, String what) {
        return new IOException(file + " is " + mib(size) + ", more than the " + mib(limit) + " Ferry reads from "
                + what);
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }

    /** Renames {@code from} onto {@code to} in one step where the file system can, else replaces it. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
