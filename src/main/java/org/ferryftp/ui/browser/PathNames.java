package org.ferryftp.ui.browser;

/** Display names of paths, for either side's syntax. */
final class PathNames {

    private PathNames() {
    }

    /** "/home/ann/" → "ann"; a root stays as it is ("/", "C:\"). */
    static String lastSegment(String path) {
        String p = path;
        while (p.length() > 1 && (p.endsWith("/") || p.endsWith("\\"))) {
            p = p.substring(0, p.length() - 1);
        }
        int cut = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
        String name = cut >= 0 ? p.substring(cut + 1) : p;
        return name.isEmpty() || name.endsWith(":") ? path : name;
    }
}
