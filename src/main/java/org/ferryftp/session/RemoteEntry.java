package org.ferryftp.session;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a remote directory listing as the server gave it: not yet checked (its name may be unsafe as a path)
 * and with the line it came from, for reporting what could not be used. What the panes and the queue keep is a
 * vetted {@code fs.FileEntry} without that line; this record stays separate for that difference.
 *
 * @param name        the name as the server sent it (not yet checked for safety; see {@link #hasSafeName()})
 * @param kind        file, directory, link or other
 * @param size        size in bytes, or -1 when unknown
 * @param modified    modification time, or null when unknown
 * @param permissions Unix-style permissions such as {@code rwxr-xr-x}, or "" when unknown
 * @param owner       owner, or ""
 * @param group       group, or ""
 * @param linkTarget  target of a symbolic link, or null
 * @param rawLine     the listing line it came from
 * @param precision   how much of {@code modified} the server gave ({@link TimePrecision#UNKNOWN} when it is null);
 *                    a date-only entry has its time at 00:00 UTC and must be shown as a date
 */
public record RemoteEntry(String name, EntryKind kind, long size, Instant modified, String permissions,
                          String owner, String group, String linkTarget, String rawLine, TimePrecision precision) {

    public RemoteEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        permissions = permissions == null ? "" : permissions;
        owner = owner == null ? "" : owner;
        group = group == null ? "" : group;
        precision = modified == null ? TimePrecision.UNKNOWN : precision == null ? TimePrecision.SECOND : precision;
    }

    /** An entry whose time, when known, is exact to the second (MLSD, MDTM and the like). */
    public RemoteEntry(String name, EntryKind kind, long size, Instant modified, String permissions,
                       String owner, String group, String linkTarget, String rawLine) {
        this(name, kind, size, modified, permissions, owner, group, linkTarget, rawLine, TimePrecision.SECOND);
    }

    public boolean isDirectory() {
        return kind == EntryKind.DIRECTORY;
    }

    /**
     * False for names that could escape the directory they are listed in when used as a path:
     * empty, {@code .} or {@code ..}, or containing {@code /}, {@code \} or NUL.
     */
    public boolean hasSafeName() {
        return isSafeName(name);
    }

    public static boolean isSafeName(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || c == '\0' || c == '\r' || c == '\n') {
                return false;
            }
        }
        return true;
    }
}
