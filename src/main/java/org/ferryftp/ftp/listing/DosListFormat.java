package org.ferryftp.ftp.listing;

import org.ferryftp.session.EntryKind;
import org.ferryftp.session.RemoteEntry;

/**
 * MS-DOS-style lines (IIS and other Windows servers): {@code date time <DIR>|size name}, with two- or four-digit
 * years, a 12- or 24-hour clock and sizes grouped by separators ({@code 9,730}). OS/2 turns it round:
 * {@code size [attributes] date time name}, with years since 1900 ({@code 04-23-103} is 2003).
 * A line whose date or time does not read is not an entry: nothing is guessed.
 */
final class DosListFormat {

    private DosListFormat() {
    }

    static RemoteEntry dos(ListTokens t) {
        if (t.count() < 4) {
            return null;
        }
        java.time.LocalDate date = ListDates.compactDate(t.get(0));
        if (date == null) {
            return null;
        }
        int at = 1;
        String clock = t.get(1);
        String half = t.get(2);
        if (half.equalsIgnoreCase("AM") || half.equalsIgnoreCase("PM")) {
            clock += half;
            at++;
        }
        ListDates.TimeOfDay time = ListDates.timeOfDay(clock);
        if (time == null) {
            return null;
        }
        String what = t.get(at + 1);
        EntryKind kind;
        long size;
        if (what.equalsIgnoreCase("<DIR>")) {
            kind = EntryKind.DIRECTORY;
            size = -1;
        } else if (what.equalsIgnoreCase("<JUNCTION>") || what.equalsIgnoreCase("<SYMLINKD>")
                || what.equalsIgnoreCase("<SYMLINK>")) {
            kind = EntryKind.SYMLINK;
            size = -1;
        } else {
            kind = EntryKind.FILE;
            size = ListSizes.grouped(what);
            if (size < 0) {
                return null;
            }
        }
        if (at + 2 >= t.count()) {
            return null;
        }
        String name = t.from(at + 2);
        String link = null;
        if (kind == EntryKind.SYMLINK && name.endsWith("]") && name.lastIndexOf(" [") > 0) {
            link = name.substring(name.lastIndexOf(" [") + 2, name.length() - 1);
            name = name.substring(0, name.lastIndexOf(" ["));
        }
        return new RemoteEntry(name, kind, size, time.on(date).toInstant(java.time.ZoneOffset.UTC), "", "", "",
                link, t.line(), time.precision());
    }

    static RemoteEntry os2(ListTokens t) {
        long size = ListSizes.digits(t.get(0));
        if (size < 0 || t.count() < 4) {
            return null;
        }
        boolean dir = false;
        int at = 1;
        // Attributes (DIR, A, R, H, S and combinations) stand between the size and the date.
        while (at < t.count() && at <= 3 && isAttribute(t.get(at))) {
            dir |= t.get(at).equals("DIR");
            at++;
        }
        String date = t.get(at);
        if (date.length() < 8 || date.charAt(2) != '-' || date.charAt(5) != '-') {
            return null;
        }
        int month = ListDates.number(date.substring(0, 2), 2);
        int day = ListDates.number(date.substring(3, 5), 2);
        int year = ListDates.year(date.substring(6));
        java.time.LocalDate d = ListDates.date(year, month, day);
        ListDates.TimeOfDay time = ListDates.timeOfDay(t.get(at + 1));
        if (d == null || time == null || at + 2 >= t.count()) {
            return null;
        }
        return new RemoteEntry(t.from(at + 2), dir ? EntryKind.DIRECTORY : EntryKind.FILE, size,
                time.on(d).toInstant(java.time.ZoneOffset.UTC), "", "", "", null, t.line(), time.precision());
    }

    private static boolean isAttribute(String s) {
        if (s.equals("DIR")) {
            return true;
        }
        if (s.isEmpty() || s.length() > 4) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if ("ARHS".indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
