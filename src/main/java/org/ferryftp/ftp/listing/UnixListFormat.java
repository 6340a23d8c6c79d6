package org.ferryftp.ftp.listing;

import org.ferryftp.session.EntryKind;
import org.ferryftp.session.RemoteEntry;
import org.ferryftp.session.TimePrecision;

/**
 * Unix-style LIST lines in the shapes {@link FastUnixListParser} declines: any date {@link ListDates#unixDate}
 * reads, sizes with units, a missing group or an extra (domain) column, NetPresenz's fork sizes or
 * {@code folder} in place of owner and group, Connect:Enterprise's long permission field; and two relatives:
 * NetWare ({@code d [RWCEAFMS] owner size date name}) and the numerical form
 * ({@code 0100644 owner group size epoch-seconds name}).
 */
final class UnixListFormat {

    private final ListDates dates;

    UnixListFormat(ListDates dates) {
        this.dates = dates;
    }

    RemoteEntry parse(ListTokens t) {
        if (t.count() < 4) {
            return null;
        }
        String first = t.get(0);
        if (first.length() == 1 && t.get(1).startsWith("[") && t.get(1).endsWith("]")) {
            return netware(t);
        }
        if (isOctalMode(first)) {
            return numerical(t);
        }
        EntryKind kind = kind(first.charAt(0));
        if (kind == null || !isPermissions(first)) {
            return null;
        }
        // The date is the first run of tokens that reads as one right after a size; the name follows it.
        for (int i = 2; i < t.count() - 1; i++) {
            long size = ListSizes.withUnit(t.get(i - 1));
            int glued = size < 0 && i >= 3 ? gluedSize(t.get(i - 1)) : -1;
            if (glued > 0) {
                size = ListSizes.digits(t.get(i - 1).substring(glued));
            }
            if (size < 0) {
                continue;
            }
            ListDates.Match date = dates.unixDate(t, i);
            if (date == null || date.next() >= t.count()) {
                continue;
            }
            // Servers that align odd date shapes pad before the name: the name starts at the next non-blank.
            return entry(t, kind, first, size, i - 1, glued, date.stamp(), t.from(date.next()));
        }
        return null;
    }

    /**
     * Where the size starts in a token that is a group name with the size glued on ({@code longgroup123456}: a
     * server aligning columns ran out of room), or -1.
     */
    private static int gluedSize(String s) {
        int at = s.length();
        while (at > 0 && Character.isDigit(s.charAt(at - 1)) && s.charAt(at - 1) < 0x80) {
            at--;
        }
        // Only a wide size overflows its column; a short number on a name is more likely part of the name.
        int digits = s.length() - at;
        return at > 0 && digits >= 4 && digits <= 18 && !Character.isDigit(s.charAt(0)) ? at : -1;
    }

    private static RemoteEntry entry(ListTokens t, EntryKind kind, String perms, long size, int sizeAt, int glued,
                                     ListDates.Stamp stamp, String name) {
        String owner = "";
        String group = "";
        if (sizeAt == 2 && t.get(1).equals("folder")) {
            kind = EntryKind.DIRECTORY; // NetPresenz: "folder" and an item count stand where owner and size go
            size = -1;
        } else if (sizeAt == 3 && isNetPresenzForks(t, size)) {
            owner = ""; // NetPresenz: resource fork, data fork, then the total
        } else {
            int from = ListSizes.digits(t.get(1)) >= 0 ? 2 : 1; // skip the link count
            String gluedGroup = glued > 0 ? t.get(sizeAt).substring(0, glued) : "";
            if (from < sizeAt) {
                owner = t.get(from);
                group = (t.join(from + 1, sizeAt) + " " + gluedGroup).trim();
            } else {
                owner = gluedGroup;
            }
        }
        return entry(name, kind, size, stamp.instant(), perms.substring(1, Math.min(10, perms.length())), owner, group,
                t.line(), stamp.precision());
    }

    /** An entry whose name, for a link, ends in {@code " -> target"}. */
    static RemoteEntry entry(String name, EntryKind kind, long size, java.time.Instant modified, String permissions,
                             String owner, String group, String raw, TimePrecision precision) {
        String link = null;
        if (kind == EntryKind.SYMLINK) {
            int arrow = name.indexOf(" -> ");
            if (arrow > 0) {
                link = name.substring(arrow + 4);
                name = name.substring(0, arrow);
            }
        }
        return new RemoteEntry(name, kind, size, modified, permissions, owner, group, link, raw, precision);
    }

    /**
     * VShell's older form: {@code size Mon DD, YYYY HH:MM name}, a trailing {@code /} marking a directory.
     */
    RemoteEntry sizeFirst(ListTokens t) {
        long size = ListSizes.digits(t.get(0));
        if (size < 0 || t.count() < 5 || !t.get(2).endsWith(",")) {
            return null;
        }
        ListDates.Match date = dates.unixDate(t, 1);
        if (date == null || date.next() >= t.count()) {
            return null;
        }
        String name = t.from(date.next());
        boolean dir = name.endsWith("/") && name.length() > 1;
        return new RemoteEntry(dir ? name.substring(0, name.length() - 1) : name, dir ? EntryKind.DIRECTORY
                : EntryKind.FILE, size, date.stamp().instant(), "", "", "", null, t.line(), date.stamp().precision());
    }

    private static boolean isNetPresenzForks(ListTokens t, long total) {
        long resource = ListSizes.digits(t.get(1));
        long data = ListSizes.digits(t.get(2));
        return resource >= 0 && data >= 0 && resource + data == total;
    }

    static EntryKind kind(char type) {
        return switch (type) {
            case '-', 'f' -> EntryKind.FILE;
            case 'd' -> EntryKind.DIRECTORY;
            case 'l' -> EntryKind.SYMLINK;
            case 'b', 'c', 'p', 's', 'D', 'n' -> EntryKind.OTHER;
            default -> null;
        };
    }

    /**
     * {@code rwxr-xr-x}-style (with a trailing {@code +}, {@code @} or {@code .} for ACLs and the like), or
     * a longer field of letters and dashes as Connect:Enterprise sends ({@code -C--E-----FTP}).
     */
    private static boolean isPermissions(String s) {
        int n = s.length();
        if (n < 10 || n > 14) {
            return false;
        }
        boolean classic = true;
        for (int i = 1; i < 10; i++) {
            char c = s.charAt(i);
            classic &= "rwxsStTlL-".indexOf(c) >= 0;
            if (c != '-' && !(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        if (classic) {
            return n == 10 || n == 11 && "+@.*".indexOf(s.charAt(10)) >= 0;
        }
        for (int i = 10; i < n; i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private RemoteEntry netware(ListTokens t) {
        EntryKind kind = switch (t.get(0)) {
            case "d" -> EntryKind.DIRECTORY;
            case "-" -> EntryKind.FILE;
            default -> null;
        };
        long size = ListSizes.digits(t.get(3));
        if (kind == null || size < 0 || t.count() < 7) {
            return null;
        }
        ListDates.Match date = dates.unixDate(t, 4);
        if (date == null || date.next() >= t.count()) {
            return null;
        }
        String rights = t.get(1);
        ListDates.Stamp stamp = date.stamp();
        return new RemoteEntry(t.from(date.next()), kind, size, stamp.instant(), rights.substring(1, rights.length() - 1),
                t.get(2), "", null, t.line(), stamp.precision());
    }

    private static boolean isOctalMode(String s) {
        if (s.length() < 5 || s.length() > 7) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }

    private static RemoteEntry numerical(ListTokens t) {
        if (t.count() < 6) {
            return null;
        }
        long size = ListSizes.digits(t.get(3));
        long epoch = ListSizes.digits(t.get(4));
        if (size < 0 || epoch < 0 || epoch > 253_402_300_799L) {
            return null;
        }
        int mode = Integer.parseInt(t.get(0), 8);
        EntryKind kind = switch (mode & 0170000) {
            case 0040000 -> EntryKind.DIRECTORY;
            case 0100000 -> EntryKind.FILE;
            case 0120000 -> EntryKind.SYMLINK;
            default -> EntryKind.OTHER;
        };
        return new RemoteEntry(t.from(5), kind, size, java.time.Instant.ofEpochSecond(epoch),
                MlsxParser.permissions(t.get(0)), t.get(1), t.get(2), null, t.line(), TimePrecision.SECOND);
    }
}
