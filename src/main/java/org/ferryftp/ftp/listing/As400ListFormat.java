package org.ferryftp.ftp.listing;

import org.ferryftp.session.EntryKind;
import org.ferryftp.session.RemoteEntry;
import org.ferryftp.session.TimePrecision;

import java.time.LocalDate;
import java.util.Locale;

/**
 * OS/400 (IBM i) lines: {@code owner size date time *TYPE name}, or {@code owner *MEM path} for members, which
 * come without size or date. Libraries ({@code *LIB}), folders and directories are directories, and so is a
 * {@code *FILE} named {@code X.FILE}, which holds members; a trailing {@code /} marks a directory too.
 */
final class As400ListFormat {

    private As400ListFormat() {
    }

    static RemoteEntry parse(ListTokens t) {
        int n = t.count();
        if (n >= 3 && t.get(1).equals("*MEM")) {
            return entry(t, 1, -1, null, TimePrecision.UNKNOWN);
        }
        if (n < 6 || !t.get(4).startsWith("*")) {
            return null;
        }
        long size = ListSizes.digits(t.get(1));
        LocalDate date = date(t.get(2));
        ListDates.TimeOfDay time = ListDates.timeOfDay(t.get(3));
        if (size < 0 || date == null || time == null) {
            return null;
        }
        return entry(t, 4, size, time.on(date).toInstant(java.time.ZoneOffset.UTC), time.precision());
    }

    private static RemoteEntry entry(ListTokens t, int typeAt, long size, java.time.Instant at, TimePrecision precision) {
        String type = t.get(typeAt).toUpperCase(Locale.ROOT);
        String name = t.from(typeAt + 1);
        boolean dir = name.endsWith("/");
        if (dir) {
            name = name.substring(0, name.length() - 1);
        }
        int slash = name.lastIndexOf('/');
        if (slash >= 0) {
            name = name.substring(slash + 1); // members come as LIB.LIB/FILE.FILE/MEMBER.MBR
        }
        if (name.isEmpty() || type.length() < 2) {
            return null;
        }
        dir |= switch (type) {
            case "*DIR", "*LIB", "*FLR", "*DDIR", "*SDIR" -> true;
            case "*FILE" -> name.toUpperCase(Locale.ROOT).endsWith(".FILE");
            default -> false;
        };
        return new RemoteEntry(name, dir ? EntryKind.DIRECTORY : EntryKind.FILE, size, at, "", t.get(0), "", null,
                t.line(), precision);
    }

    /**
     * The job's date format decides the order, and the line does not say which. {@code YY/MM/DD} first, as Commons
     * Net reads OS/400 dates (Ferry's reading before its own parser), then {@code MM/DD/YY}, then {@code DD/MM/YY}:
     * the first that makes a date. With dots, {@code DD.MM.YY}. Null if none fits.
     */
    private static LocalDate date(String s) {
        if (s.length() != 8 || s.charAt(2) != s.charAt(5) || (s.charAt(2) != '/' && s.charAt(2) != '.')) {
            return null;
        }
        String a = s.substring(0, 2);
        String b = s.substring(3, 5);
        String c = s.substring(6);
        if (s.charAt(2) == '.') {
            return ListDates.date(ListDates.year(c), ListDates.number(b, 2), ListDates.number(a, 2));
        }
        LocalDate ymd = ListDates.date(ListDates.year(a), ListDates.number(b, 2), ListDates.number(c, 2));
        if (ymd != null) {
            return ymd;
        }
        LocalDate mdy = ListDates.date(ListDates.year(c), ListDates.number(a, 2), ListDates.number(b, 2));
        return mdy != null ? mdy : ListDates.date(ListDates.year(c), ListDates.number(b, 2), ListDates.number(a, 2));
    }
}
