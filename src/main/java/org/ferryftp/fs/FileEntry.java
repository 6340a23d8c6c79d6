package org.ferryftp.fs;

import org.ferryftp.session.EntryKind;
import org.ferryftp.session.RemoteEntry;
import org.ferryftp.session.TimePrecision;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a directory on either side, local or remote, as the panes, the queue and sync use it: vetted (its
 * name is safe to use as a path element) and without the listing line a remote one came from, so a shown directory
 * does not keep its listing's text alive. A {@link RemoteEntry} is the unchecked entry as the wire gave it; the two
 * stay separate records for that difference, converted once by {@link #of(RemoteEntry)}.
 *
 * @param name        the plain name (never a path)
 * @param kind        file, directory, link or other
 * @param size        size in bytes, or -1 when unknown
 * @param modified    modification time, or null when unknown
 * @param permissions Unix-style permissions such as {@code rwxr-xr-x}, or ""
 * @param owner       owner, or ""
 * @param group       group, or ""
 * @param linkTarget  target of a symbolic link, or null
 * @param precision   how much of {@code modified} is known: a listing may give only a date (then shown as a date)
 */
public record FileEntry(String name, EntryKind kind, long size, Instant modified, String permissions,
                        String owner, String group, String linkTarget, TimePrecision precision) {

    public FileEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        permissions = permissions == null ? "" : permissions;
        owner = owner == null ? "" : owner;
        group = group == null ? "" : group;
        precision = modified == null ? TimePrecision.UNKNOWN : precision == null ? TimePrecision.SECOND : precision;
    }

    /** An entry whose time, when known, is exact (local files, MLSD). */
    public FileEntry(String name, EntryKind kind, long size, Instant modified, String permissions,
                     String owner, String group, String linkTarget) {
        this(name, kind, size, modified, permissions, owner, group, linkTarget, TimePrecision.SECOND);
    }

    /**
     * The entry of a remote listing, without its listing line.
     *
     * @throws IllegalArgumentException when its name could escape its directory ({@link RemoteEntry#hasSafeName()}):
     *                                  callers report such entries instead
     */
    public static FileEntry of(RemoteEntry e) {
        if (!e.hasSafeName()) {
            throw new IllegalArgumentException("unsafe name from the server: " + e.name());
        }
        return new FileEntry(e.name(), e.kind(), e.size(), e.modified(), e.permissions(), e.owner(), e.group(),
                e.linkTarget(), e.precision());
    }

    public boolean isDirectory() {
        return kind == EntryKind.DIRECTORY;
    }

    /** Names starting with a dot are hidden by Unix convention. */
    public boolean isHidden() {
        return name.startsWith(".");
    }
}
