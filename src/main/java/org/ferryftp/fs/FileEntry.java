package org.ferryftp.fs;

import org.ferryftp.session.EntryKind;
import org.ferryftp.session.RemoteEntry;
import org.ferryftp.session.TimePrecision;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a directory on either side, local or remote.
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

    public static FileEntry of(RemoteEntry e) {
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
