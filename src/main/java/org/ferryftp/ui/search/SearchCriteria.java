package org.ferryftp.ui.search;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a remote search looks for under {@code root}: names matching {@code names}, and when given a size range
 * (bytes, inclusive; -1 for no bound) and a modification-time range ({@code from} inclusive, {@code until}
 * exclusive; null for no bound). A size or time bound excludes directories and entries whose size or time the
 * server does not tell. The search goes at most {@code maxDepth} levels below the root (1: the root's own
 * entries) and looks at no more than {@code maxEntries} entries in all.
 */
public record SearchCriteria(String root, Pattern names, long minSize, long maxSize, Instant from, Instant until,
                             int maxDepth, int maxEntries) {

    public static final int DEFAULT_MAX_DEPTH = 20;
    public static final int DEFAULT_MAX_ENTRIES = 20_000;

    public SearchCriteria {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(names, "names");
        if (maxDepth < 1 || maxEntries < 1) {
            throw new IllegalArgumentException("depth and entry limits must be at least 1");
        }
        if (minSize >= 0 && maxSize >= 0 && minSize > maxSize) {
            throw new IllegalArgumentException("the smallest size is above the largest");
        }
        if (from != null && until != null && !from.isBefore(until)) {
            throw new IllegalArgumentException("the date range is empty");
        }
    }

    /** Every entry whose name matches, with the default limits. */
    public static SearchCriteria byName(String root, Pattern names) {
        return new SearchCriteria(root, names, -1, -1, null, null, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ENTRIES);
    }

    private boolean hasSizeOrTimeBound() {
        return minSize >= 0 || maxSize >= 0 || from != null || until != null;
    }

    /** True when an entry with this name, kind, size (-1 unknown) and time (null unknown) is a hit. */
    public boolean matches(String name, boolean directory, long size, Instant modified) {
        if (!names.matcher(name).matches()) {
            return false;
        }
        if (directory) {
            return !hasSizeOrTimeBound();
        }
        if ((minSize >= 0 || maxSize >= 0) && size < 0) {
            return false;
        }
        if (minSize >= 0 && size < minSize || maxSize >= 0 && size > maxSize) {
            return false;
        }
        if ((from != null || until != null) && modified == null) {
            return false;
        }
        return (from == null || !modified.isBefore(from)) && (until == null || modified.isBefore(until));
    }
}
