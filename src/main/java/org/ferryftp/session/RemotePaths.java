package org.ferryftp.session;

/** Unix-style remote path helpers. */
public final class RemotePaths {

    private RemotePaths() {
    }

    /** Joins a directory and a child name with exactly one slash. */
    public static String join(String dir, String name) {
        if (dir == null || dir.isEmpty()) {
            return name;
        }
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    /** Collapses repeated slashes and drops a trailing one (except for the root). */
    public static String normalize(String path) {
        String p = path.replaceAll("/{2,}", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** The parent directory, "/" for top-level paths, "" for a relative single name. */
    public static String parent(String path) {
        String p = normalize(path);
        int slash = p.lastIndexOf('/');
        if (slash < 0) {
            return "";
        }
        return slash == 0 ? "/" : p.substring(0, slash);
    }

    /** The last path element. */
    public static String name(String path) {
        String p = normalize(path);
        int slash = p.lastIndexOf('/');
        return slash < 0 ? p : p.substring(slash + 1);
    }
}
