package org.ferryftp.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A real directory served by the scripted server, so that tests (and the interop matrix) can check and prepare
 * files on disk. Server paths map below the root and never leave it ({@link VirtualFileSystem#resolve} stops
 * at "/"). Symbolic links are not followed out of the root: they are served as what they point to. Modes set by
 * SITE CHMOD are recorded, not applied.
 */
final class DiskFileSystem implements ServedFiles {

    private final Path root;
    private final Map<String, String> modes = new ConcurrentHashMap<>();

    DiskFileSystem(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("not a directory: " + root);
        }
        this.root = root.toAbsolutePath().normalize();
    }

    private Path local(String path) {
        return path.equals("/") ? root : root.resolve(path.substring(1));
    }

    @Override
    public synchronized void putFile(String path, byte[] content) {
        mkdirs(VirtualFileSystem.parentOf(path));
        try {
            Files.write(local(path), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void mkdirs(String path) {
        try {
            Files.createDirectories(local(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized boolean mkdir(String path) {
        try {
            Files.createDirectory(local(path));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized boolean exists(String path) {
        return Files.exists(local(path));
    }

    @Override
    public synchronized boolean isDirectory(String path) {
        return Files.isDirectory(local(path));
    }

    @Override
    public synchronized byte[] read(String path) {
        Path file = local(path);
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public synchronized boolean write(String path, long offset, byte[] data) {
        Path file = local(path);
        if (!Files.isDirectory(file.getParent()) || Files.isDirectory(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            if (offset > channel.size()) {
                return false;
            }
            channel.truncate(offset);
            ByteBuffer buffer = ByteBuffer.wrap(data);
            long position = offset;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized boolean append(String path, byte[] data) {
        byte[] old = read(path);
        return write(path, old == null ? 0 : old.length, data);
    }

    @Override
    public synchronized boolean deleteFile(String path) {
        try {
            return Files.isRegularFile(local(path)) && Files.deleteIfExists(local(path));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized boolean removeEmptyDirectory(String path) {
        try {
            return !path.equals("/") && Files.isDirectory(local(path)) && Files.deleteIfExists(local(path));
        } catch (IOException e) {
            return false; // not empty
        }
    }

    @Override
    public synchronized boolean rename(String from, String to) {
        if (from.equals("/") || !exists(from) || isDirectory(to) || !isDirectory(VirtualFileSystem.parentOf(to))
                || to.startsWith(from + "/")) {
            return false;
        }
        try {
            Files.move(local(from), local(to), StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized String uniqueName(String dir, String base) {
        String prefix = dir.equals("/") ? "/" : dir + "/";
        if (!exists(prefix + base)) {
            return base;
        }
        for (int i = 1; ; i++) {
            if (!exists(prefix + base + "." + i)) {
                return base + "." + i;
            }
        }
    }

    @Override
    public synchronized VirtualFileSystem.Entry entry(String path) {
        Path file = local(path);
        try {
            boolean directory = Files.isDirectory(file);
            if (!directory && !Files.isRegularFile(file)) {
                return null;
            }
            Instant modified = Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS);
            return new VirtualFileSystem.Entry(path, VirtualFileSystem.nameOf(path), directory,
                    directory ? 0 : Files.size(file), modified, modes.get(path));
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public synchronized List<VirtualFileSystem.Entry> children(String dir) {
        List<VirtualFileSystem.Entry> result = new ArrayList<>();
        if (!Files.isDirectory(local(dir), LinkOption.NOFOLLOW_LINKS) && !dir.equals("/")) {
            return result;
        }
        try (Stream<Path> list = Files.list(local(dir))) {
            list.map(p -> p.getFileName().toString()).sorted().forEach(name -> {
                VirtualFileSystem.Entry e = entry(VirtualFileSystem.resolve(dir, name));
                if (e != null) {
                    result.add(e);
                }
            });
        } catch (IOException e) {
            return result;
        }
        return result;
    }

    @Override
    public synchronized boolean setModified(String path, Instant modified) {
        try {
            Files.setLastModifiedTime(local(path), FileTime.from(modified.truncatedTo(ChronoUnit.SECONDS)));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized boolean setMode(String path, String mode) {
        if (!exists(path)) {
            return false;
        }
        modes.put(path, mode);
        return true;
    }
}
