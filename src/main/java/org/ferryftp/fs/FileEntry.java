package org.ferryftp.fs;

import org.ferryftp.ftp.listing.EntryKind;
import org.ferryftp.ftp.listing.RemoteEntry;

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
 */
public record FileEntry(String name, EntryKind kind, long size, Instant modified, String permissions,
                        String owner, String group, String linkTarget) {

    public FileEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        permissions = permissions == null ? "" : permissions;
        owner = owner == null ? "" : owner;
        group = group == null ? "" : group;
    }

    public static FileEntry of(RemoteEntry e) {
        return new FileEntry(e.name(), e.kind(), e.size(), e.modified(), e.permissions(), e.owner(), e.group(),
                e.linkTarget());
    }

    public boolean isDirectory() {
        return kind == EntryKind.DIRECTORY;
    }

    /** Names starting with a dot are hidden by Unix convention. */
    public boolean isHidden() {
        return name.startsWith(".");
    }
}
