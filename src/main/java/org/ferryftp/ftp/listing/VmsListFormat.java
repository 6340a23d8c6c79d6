package org.ferryftp.ftp.listing;

import org.ferryftp.session.EntryKind;
import org.ferryftp.session.RemoteEntry;
import org.ferryftp.session.TimePrecision;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * OpenVMS lines: {@code NAME.EXT;version} then, in whatever order the server chose, a size in blocks
 * ({@code used} or {@code used/allocated}, 512 bytes each) or with a unit ({@code 2KB}), a date
 * {@code DD-MMM-YYYY}, a time, an owner in brackets and the protection in parentheses. Every version is
 * its own entry, named with its version; {@code NAME.DIR;1} is the directory {@code NAME}. A long name may
 * push the rest onto the next line: {@link ListLineParser} joins the two.
 */
final class VmsListFormat {

    private static final int BLOCK = 512;

    private VmsListFormat() {
    }

    /** True for a token that is a versioned VMS file name. */
    static boolean isVersionedName(String s) {
        int semi = s.lastIndexOf(';');
        if (semi < 1 || semi == s.length() - 1 || s.length() - semi > 10) {
            return false;
        }
        for (int i = semi + 1; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return s.indexOf('/') < 0;
    }

    static RemoteEntry parse(ListTokens t, String raw) {
        String name = t.get(0);
        if (t.count() < 2 || !isVersionedName(name)) {
            return null;
        }
        long size = -1;
        LocalDate date = null;
        ListDates.TimeOfDay time = null;
        String owner = "";
        String protection = "";
        for (int i = 1; i < t.count(); i++) {
            String s = t.get(i);
            if (s.startsWith("[")) {
                int end = i;
                while (!t.get(end).endsWith("]") && end + 1 < t.count()) {
                    end++;
                }
                if (!t.get(end).endsWith("]") || !owner.isEmpty()) {
                    return null;
                }
                String joined = t.join(i, end + 1);
                owner = joined.substring(1, joined.length() - 1);
                i = end;
            } else if (s.startsWith("(") && s.endsWith(")") && protection.isEmpty()) {
                protection = s.substring(1, s.length() - 1);
            } else if (date == null && vmsDate(s) != null) {
                date = vmsDate(s);
            } else if (time == null && date != null && ListDates.timeOfDay(s) != null) {
                time = ListDates.timeOfDay(s);
            } else if (size < 0 && blocksOrBytes(s) >= 0) {
                size = blocksOrBytes(s);
            } else if (owner.isEmpty() && isIdentifier(s)) {
                owner = s; // some servers print the owner without brackets
            } else {
                return null;
            }
        }
        if (date == null) {
            return null;
        }
        EntryKind kind = EntryKind.FILE;
        String upper = name.toUpperCase(Locale.ROOT);
        int dir = upper.lastIndexOf(".DIR;");
        if (dir > 0) {
            kind = EntryKind.DIRECTORY;
            name = name.substring(0, dir);
        }
        LocalDateTime at = time == null ? date.atStartOfDay() : time.on(date);
        TimePrecision precision = time == null ? TimePrecision.DAY : time.precision();
        return new RemoteEntry(name, kind, size, at.toInstant(java.time.ZoneOffset.UTC), protection, owner, "", null,
                raw, precision);
    }

    /** {@code 17-JUN-1994}; null if not. */
    private static LocalDate vmsDate(String s) {
        int a = s.indexOf('-');
        int b = s.indexOf('-', a + 1);
        if (a < 1 || b < 0 || b - a != 4) {
            return null;
        }
        int month = ListDates.monthName(s.substring(a + 1, b));
        String year = s.substring(b + 1);
        return month > 0 && year.length() == 4
                ? ListDates.date(ListDates.number(year, 4), month, ListDates.number(s.substring(0, a), 2)) : null;
    }

    /** Blocks ({@code 155}, {@code 2/8}: the used count) times 512, or bytes with a unit ({@code 2KB}). */
    private static long blocksOrBytes(String s) {
        int slash = s.indexOf('/');
        String used = slash < 0 ? s : s.substring(0, slash);
        if (slash >= 0 && ListSizes.digits(s.substring(slash + 1)) < 0) {
            return -1;
        }
        long blocks = ListSizes.digits(used);
        if (blocks >= 0) {
            return blocks > Long.MAX_VALUE / BLOCK ? -1 : blocks * BLOCK;
        }
        return slash < 0 ? ListSizes.withUnit(s) : -1;
    }

    private static boolean isIdentifier(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$')) {
                return false;
            }
        }
        return !s.isEmpty() && !Character.isDigit(s.charAt(0));
    }
}
