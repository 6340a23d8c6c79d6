package org.ferryftp.fs;

import org.ferryftp.session.EntryKind;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The local disk as a {@link FileBrowser}. */
public final class LocalBrowser implements FileBrowser {

    private final boolean posix = Files.getFileStore(Path.of(System.getProperty("user.home")))
            .supportsFileAttributeView("posix");

    public LocalBrowser() throws IOException {
        // The file store check above may fail on exotic systems; the constructor reports it.
    }

    @Override
    public String displayName() {
        return "Local";
    }

    @Override
    public boolean isLocal() {
        return true;
    }

    @Override
    public String home() {
        return Path.of(System.getProperty("user.home")).toAbsolutePath().toString();
    }

    @Override
    public DirectoryListing list(String path) throws IOException {
        Path dir = Path.of(path);
        List<FileEntry> entries = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        // Permissions, owners and groups repeat across a folder: one copy each, not one per entry.
        Map<String, String> repeated = new HashMap<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                try {
                    entries.add(entry(p, repeated));
                } catch (IOException e) {
                    // A file can vanish or be unreadable between listing and stat: report, don't fail.
                    unreadable.add(p.getFileName() + ": " + e.getMessage());
                }
            }
        }
        return new DirectoryListing(dir.toAbsolutePath().toString(), entries, unreadable);
    }

    private FileEntry entry(Path p, Map<String, String> repeated) throws IOException {
        BasicFileAttributes a = posix
                ? Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                : Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        EntryKind kind = a.isSymbolicLink() ? EntryKind.SYMLINK : a.isDirectory() ? EntryKind.DIRECTORY
                : a.isRegularFile() ? EntryKind.FILE : EntryKind.OTHER;
        String perms = "";
        String owner = "";
        String group = "";
        if (a instanceof PosixFileAttributes px) {
            perms = repeated.computeIfAbsent(PosixFilePermissions.toString(px.permissions()), k -> k);
            owner = repeated.computeIfAbsent(px.owner().getName(), k -> k);
            group = repeated.computeIfAbsent(px.group().getName(), k -> k);
        }
        String link = kind == EntryKind.SYMLINK ? Files.readSymbolicLink(p).toString() : null;
        if (kind == EntryKind.SYMLINK && Files.isDirectory(p)) {
            // Browse into links to directories like into directories.
            kind = EntryKind.DIRECTORY;
        }
        return new FileEntry(p.getFileName().toString(), kind, a.isDirectory() ? -1 : a.size(),
                a.lastModifiedTime().toInstant(), perms, owner, group, link);
    }

    @Override
    public void makeDirectories(String path) throws IOException {
        Files.createDirectories(Path.of(path));
    }

    @Override
    public java.util.Optional<org.ferryftp.session.RemoteChecksum> checksum(String path, String algorithm)
            throws IOException {
        return algorithm == null ? java.util.Optional.empty() : java.util.Optional.of(
                new org.ferryftp.session.RemoteChecksum(algorithm, LocalChecksums.compute(Path.of(path), algorithm)));
    }

    @Override
    public boolean setDirectoryTime(String path, java.time.Instant time) throws IOException {
        Files.setLastModifiedTime(Path.of(path), java.nio.file.attribute.FileTime.from(time));
        return true;
    }

    @Override
    public void rename(String from, String to) throws IOException {
        Files.move(Path.of(from), Path.of(to));
    }

    @Override
    public void delete(String path, boolean directory, boolean recursive) throws IOException {
        Path p = Path.of(path);
        if (directory && recursive && !Files.isSymbolicLink(p)) {
            Files.walkFileTree(p, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } else {
            Files.delete(p);
        }
    }

    @Override
    public void chmod(String path, String octalMode) throws IOException {
        if (!posix) {
            throw new IOException("this file system has no Unix permissions");
        }
        int mode = Integer.parseInt(octalMode, 8);
        Set<PosixFilePermission> perms = java.util.EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < 9; bit++) {
            if ((mode & (1 << bit)) != 0) {
                perms.add(order[bit]);
            }
        }
        Files.setPosixFilePermissions(Path.of(path), perms);
    }

    @Override
    public String join(String dir, String name) {
        return Path.of(dir).resolve(name).toString();
    }

    @Override
    public String parent(String path) {
        Path parent = Path.of(path).toAbsolutePath().getParent();
        return parent == null ? null : parent.toString();
    }

    @Override
    public String describe(String path) {
        return Path.of(path).toAbsolutePath().toUri().toString();
    }

    @Override
    public void close() {
        // Nothing held open.
    }
}
