package org.ferryftp.transfer.edit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The private folder of one run where remote files are opened: readable by this user only (0700 where the file
 * system has permissions), one numbered subfolder per opened file so two files of the same name never meet and
 * the file keeps its own name (the operating system picks the application by it). Deleted by {@link #close()}.
 */
public final class EditFolder implements AutoCloseable {

    private final Path root;
    private final AtomicInteger numbers = new AtomicInteger();

    private EditFolder(Path root) {
        this.root = root;
    }

    /** A new private folder under the system's temporary directory. */
    public static EditFolder create() throws IOException {
        return create(Path.of(System.getProperty("java.io.tmpdir")));
    }

    public static EditFolder create(Path parent) throws IOException {
        Path root = posix()
                ? Files.createTempDirectory(parent, "ferry-edit-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                : Files.createTempDirectory(parent, "ferry-edit-");
        return new EditFolder(root);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    public Path root() {
        return root;
    }

    /** A fresh place for a remote file called {@code remoteName}; its name made safe for the local disk. */
    public Path placeFor(String remoteName) throws IOException {
        Path dir = Files.createDirectory(root.resolve(Integer.toString(numbers.incrementAndGet())));
        return dir.resolve(safeName(remoteName));
    }

    /**
     * A remote name as a local file name: no separators, control characters or characters Windows refuses, not
     * "." or "..", not empty, at most 200 characters (keeping the extension).
     */
    public static String safeName(String remoteName) {
        String base = remoteName.substring(remoteName.lastIndexOf('/') + 1);
        StringBuilder b = new StringBuilder(base.length());
        base.codePoints().forEach(c -> b.appendCodePoint(c < 0x20 || c == 0x7f || "\\/:*?\"<>|".indexOf(c) >= 0
                ? '_' : c));
        String name = b.toString().strip();
        while (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty()) {
            return "file";
        }
        if (name.length() > 200) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
            name = name.substring(0, 200 - ext.length()) + ext;
        }
        return name;
    }

    @Override
    public void close() {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
