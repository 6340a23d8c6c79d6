package org.ferryftp.ui.support;

import org.ferryftp.fs.DirectoryListing;
import org.ferryftp.fs.FileBrowser;
import org.ferryftp.fs.FileEntry;
import org.ferryftp.ftp.FtpException;
import org.ferryftp.session.RemotePaths;
import org.ferryftp.session.EntryKind;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory remote-style {@link FileBrowser} for view-model tests. */
public final class FakeBrowser implements FileBrowser {

    private final Map<String, List<FileEntry>> dirs = new LinkedHashMap<>();
    private final Map<String, List<String>> unparsed = new LinkedHashMap<>();
    public final List<String> operations = new CopyOnWriteArrayList<>();
    public final AtomicInteger listCalls = new AtomicInteger();
    public volatile boolean down;
    private final String home;

    public FakeBrowser(String home) {
        this.home = home;
    }

    public static FileEntry file(String name, long size) {
        return new FileEntry(name, EntryKind.FILE, size, Instant.parse("2026-01-02T03:04:05Z"), "rw-r--r--", "ann",
                "staff", null);
    }

    public static FileEntry dir(String name) {
        return new FileEntry(name, EntryKind.DIRECTORY, -1, Instant.parse("2026-01-02T03:04:05Z"), "rwxr-xr-x", "ann",
                "staff", null);
    }

    public FakeBrowser with(String dir, FileEntry... entries) {
        dirs.put(dir, new ArrayList<>(List.of(entries)));
        return this;
    }

    public FakeBrowser withUnparsed(String dir, String... lines) {
        unparsed.put(dir, List.of(lines));
        return this;
    }

    @Override
    public String displayName() {
        return "fake";
    }

    @Override
    public boolean isLocal() {
        return false;
    }

    @Override
    public String home() throws IOException {
        check();
        return home;
    }

    @Override
    public DirectoryListing list(String path) throws IOException {
        check();
        listCalls.incrementAndGet();
        List<FileEntry> entries = dirs.get(path);
        if (entries == null) {
            throw new FtpRefusedLike("550 " + path + ": no such directory");
        }
        return new DirectoryListing(path, entries, unparsed.getOrDefault(path, List.of()));
    }

    private void check() throws FtpException {
        if (down) {
            throw new FtpException("connection refused");
        }
    }

    /** A refusal that leaves the connection usable. */
    static final class FtpRefusedLike extends FtpException {
        FtpRefusedLike(String message) {
            super(message);
        }

        @Override
        public boolean isConnectionBroken() {
            return false;
        }
    }

    @Override
    public void makeDirectories(String path) {
        operations.add("mkdir " + path);
    }

    @Override
    public void rename(String from, String to) {
        operations.add("rename " + from + " " + to);
    }

    @Override
    public void delete(String path, boolean directory, boolean recursive) {
        operations.add("delete " + path + (directory ? " dir" : "") + (recursive ? " recursive" : ""));
    }

    @Override
    public void chmod(String path, String octalMode) {
        operations.add("chmod " + octalMode + " " + path);
    }

    @Override
    public String join(String dir, String name) {
        return RemotePaths.join(dir, name);
    }

    @Override
    public String parent(String path) {
        String p = RemotePaths.normalize(path);
        return p.equals("/") ? null : RemotePaths.parent(p);
    }

    @Override
    public String describe(String path) {
        return "ftp://ann@fake" + path;
    }

    @Override
    public void close() {
        operations.add("close");
    }
}
