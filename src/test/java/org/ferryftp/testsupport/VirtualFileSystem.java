package org.ferryftp.testsupport;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * In-memory Unix-like file tree of the scripted server. File contents are kept exactly as they travelled on the
 * wire; nothing here knows about representation types. Every method is synchronized because control sessions,
 * transfer threads and the test thread all use it at once.
 */
final class VirtualFileSystem implements ServedFiles {

    /** One file or directory; {@code content} is null for directories. */
    private static final class Node {
        byte[] content;
        Instant modified;
        String mode;

        Node(byte[] content, Instant modified) {
            this.content = content;
            this.modified = modified;
        }

        boolean isDirectory() {
            return content == null;
        }
    }

    /** Immutable view of a node handed to listings and to tests. */
    record Entry(String path, String name, boolean directory, long size, Instant modified, String mode) {
    }

    /** Keyed by normalized absolute path; sorted so that a directory's descendants follow it. */
    private final Map<String, Node> nodes = new TreeMap<>();

    VirtualFileSystem() {
        nodes.put("/", new Node(null, now()));
    }

    /**
     * Resolves {@code path} against {@code cwd} the way a Unix server would: absolute paths win, "." is dropped,
     * ".." climbs (but never above the root), repeated and trailing slashes are ignored.
     */
    static String resolve(String cwd, String path) {
        String joined = path.startsWith("/") ? path : cwd + "/" + path;
        List<String> parts = new ArrayList<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    static String nameOf(String path) {
        return path.equals("/") ? "/" : path.substring(path.lastIndexOf('/') + 1);
    }

    /** Stores a file, creating missing parent directories (test set-up, not FTP semantics). */
    public synchronized void putFile(String path, byte[] content) {
        mkdirs(parentOf(path));
        Node existing = nodes.get(path);
        if (existing != null && existing.isDirectory()) {
            throw new IllegalArgumentException("is a directory: " + path);
        }
        nodes.put(path, new Node(content.clone(), now()));
    }

    /** Creates a directory and its missing parents (test set-up, like {@code mkdir -p}). */
    public synchronized void mkdirs(String path) {
        String current = "/";
        for (String part : path.substring(1).split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            current = current.equals("/") ? "/" + part : current + "/" + part;
            Node node = nodes.get(current);
            if (node == null) {
                nodes.put(current, new Node(null, now()));
            } else if (!node.isDirectory()) {
                throw new IllegalArgumentException("not a directory: " + current);
            }
        }
    }

    /** MKD semantics: the parent must exist and the name must be free. */
    public synchronized boolean mkdir(String path) {
        if (nodes.containsKey(path) || !isDirectory(parentOf(path))) {
            return false;
        }
        nodes.put(path, new Node(null, now()));
        return true;
    }

    public synchronized boolean exists(String path) {
        return nodes.containsKey(path);
    }

    public synchronized boolean isDirectory(String path) {
        Node node = nodes.get(path);
        return node != null && node.isDirectory();
    }

    public synchronized boolean isFile(String path) {
        Node node = nodes.get(path);
        return node != null && !node.isDirectory();
    }

    /** A copy of the file's bytes, or null if there is no such file. */
    public synchronized byte[] read(String path) {
        Node node = nodes.get(path);
        return node == null || node.isDirectory() ? null : node.content.clone();
    }

    /**
     * Writes {@code data} at {@code offset}, keeping the first {@code offset} bytes of the old content (REST + STOR);
     * offset 0 replaces the file. Returns false if the parent is missing, the path is a directory or the offset lies
     * beyond the end of the existing file.
     */
    public synchronized boolean write(String path, long offset, byte[] data) {
        Node existing = nodes.get(path);
        if (!isDirectory(parentOf(path)) || existing != null && existing.isDirectory()) {
            return false;
        }
        byte[] old = existing == null ? new byte[0] : existing.content;
        if (offset > old.length) {
            return false;
        }
        byte[] merged = Arrays.copyOf(old, (int) offset + data.length);
        System.arraycopy(data, 0, merged, (int) offset, data.length);
        Node node = new Node(merged, now());
        node.mode = existing == null ? null : existing.mode;
        nodes.put(path, node);
        return true;
    }

    public synchronized boolean append(String path, byte[] data) {
        byte[] old = read(path);
        return write(path, old == null ? 0 : old.length, data);
    }

    public synchronized boolean deleteFile(String path) {
        return isFile(path) && nodes.remove(path) != null;
    }

    public synchronized boolean removeEmptyDirectory(String path) {
        if (path.equals("/") || !isDirectory(path) || !children(path).isEmpty()) {
            return false;
        }
        nodes.remove(path);
        return true;
    }

    /** Unix rename: moves a whole subtree; may replace a file but never a directory. */
    public synchronized boolean rename(String from, String to) {
        if (from.equals("/") || !nodes.containsKey(from) || isDirectory(to) || !isDirectory(parentOf(to))
                || to.startsWith(from + "/")) {
            return false;
        }
        Map<String, Node> moved = new TreeMap<>();
        nodes.entrySet().removeIf(e -> {
            boolean inside = e.getKey().equals(from) || e.getKey().startsWith(from + "/");
            if (inside) {
                moved.put(to + e.getKey().substring(from.length()), e.getValue());
            }
            return inside;
        });
        nodes.putAll(moved);
        return true;
    }

    /** A name in {@code dir} that is not taken yet, derived from {@code base} (STOU). */
    public synchronized String uniqueName(String dir, String base) {
        String prefix = dir.equals("/") ? "/" : dir + "/";
        if (!nodes.containsKey(prefix + base)) {
            return base;
        }
        for (int i = 1; ; i++) {
            if (!nodes.containsKey(prefix + base + "." + i)) {
                return base + "." + i;
            }
        }
    }

    public synchronized Entry entry(String path) {
        Node node = nodes.get(path);
        if (node == null) {
            return null;
        }
        long size = node.isDirectory() ? 0 : node.content.length;
        return new Entry(path, nameOf(path), node.isDirectory(), size, node.modified, node.mode);
    }

    /** Direct children of a directory, sorted by name. */
    public synchronized List<Entry> children(String dir) {
        String prefix = dir.equals("/") ? "/" : dir + "/";
        List<Entry> result = new ArrayList<>();
        for (String path : nodes.keySet()) {
            if (path.startsWith(prefix) && path.length() > prefix.length()
                    && path.indexOf('/', prefix.length()) < 0) {
                result.add(entry(path));
            }
        }
        return result;
    }

    public synchronized boolean setModified(String path, Instant modified) {
        Node node = nodes.get(path);
        if (node == null) {
            return false;
        }
        node.modified = modified.truncatedTo(ChronoUnit.SECONDS);
        return true;
    }

    public synchronized boolean setMode(String path, String mode) {
        Node node = nodes.get(path);
        if (node == null) {
            return false;
        }
        node.mode = mode;
        return true;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
