package org.ferryftp.ui.sites;

import org.ferryftp.site.SiteProfile;

import java.util.ArrayList;
import java.util.List;

/** Folder paths (outermost first) as the site manager moves, renames and names things in them. */
final class FolderPaths {

    private FolderPaths() {
    }

    static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    /** {@code path} with its leading {@code from} replaced by {@code to}. */
    static List<String> rebase(List<String> path, List<String> from, List<String> to) {
        List<String> out = new ArrayList<>(to);
        out.addAll(path.subList(from.size(), path.size()));
        return List.copyOf(out);
    }

    /** {@code base}, or "base 2", "base 3"… so that no site in {@code folder} has the name already. */
    static String unique(String base, List<String> folder, List<SiteProfile> sites) {
        return org.ferryftp.site.SiteMerge.uniqueName(base, folder, sites);
    }
}
