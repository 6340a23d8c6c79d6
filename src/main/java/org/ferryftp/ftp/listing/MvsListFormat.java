package org.ferryftp.ftp.listing;

import org.ferryftp.session.EntryKind;
import org.ferryftp.session.RemoteEntry;
import org.ferryftp.session.TimePrecision;

import java.time.LocalDate;

/**
 * z/OS (MVS) lines. Datasets, under the header {@code Volume Unit Referred Ext Used Recfm Lrecl BlkSz Dsorg Dsname}:
 * partitioned ones ({@code PO}, {@code PO-E}) are directories; migrated datasets, tape datasets, VSAM clusters,
 * datasets never referred ({@code **NONE**}) and those whose attributes the server could not read have no date. Members of a partitioned dataset, under
 * {@code Name VV.MM Created Changed Size Init Mod Id}, or for load libraries
 * {@code Name Size TTR Alias-of AC Attributes Amode Rmode} (size in hex bytes), or a bare member name.
 * Dataset sizes are in tracks and member sizes in records, not bytes, so those are left unknown.
 */
final class MvsListFormat {

    private MvsListFormat() {
    }

    static RemoteEntry dataset(ListTokens t) {
        int n = t.count();
        String first = t.get(0);
        if (n == 2 && first.equals("Migrated")) {
            return undated(t.get(1), EntryKind.FILE, t);
        }
        if (n == 3 && first.equals("Pseudo") && t.get(1).equals("Directory")) {
            return undated(t.get(2), EntryKind.DIRECTORY, t);
        }
        // Datasets whose attributes the server could not give still exist: on tape, or unreadable.
        String line = t.line();
        if (n >= 3 && (line.contains(" Not Direct Access Device ") || line.contains(" Error determining attributes "))) {
            return undated(t.get(n - 1), EntryKind.FILE, t);
        }
        if (n < 3 || !isVolume(first) || !isUnit(t.get(1))) {
            return null;
        }
        String dsname = t.get(n - 1);
        if (n == 3 && t.get(1).equalsIgnoreCase("Tape")) {
            return undated(dsname, EntryKind.FILE, t);
        }
        if (n == 4 && t.get(2).equals("VSAM")) {
            return undated(dsname, EntryKind.FILE, t);
        }
        String referred = t.get(2);
        LocalDate date = referred.equals("**NONE**") ? null : ListDates.compactDate(referred);
        if (date == null && !referred.equals("**NONE**") || referred.length() != 10 && date != null
                || n < 7 || n > 10) {
            return null;
        }
        String dsorg = t.get(n - 2);
        if (!isDsorg(dsorg)) {
            return null;
        }
        EntryKind kind = dsorg.startsWith("PO") ? EntryKind.DIRECTORY : EntryKind.FILE;
        return new RemoteEntry(dsname, kind, -1, date == null ? null : date.atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
                "", "", "", null, t.line(), TimePrecision.DAY);
    }

    /** A member line with statistics or a load-module line; null if neither. */
    static RemoteEntry member(ListTokens t) {
        int n = t.count();
        String name = t.get(0);
        if (n >= 9 && isVersion(t.get(1))) {
            LocalDate created = ListDates.compactDate(t.get(2));
            LocalDate changed = ListDates.compactDate(t.get(3));
            ListDates.TimeOfDay time = ListDates.timeOfDay(t.get(4));
            if (created == null || changed == null || time == null || ListSizes.digits(t.get(5)) < 0) {
                return null;
            }
            return new RemoteEntry(name, EntryKind.FILE, -1, time.on(changed).toInstant(java.time.ZoneOffset.UTC), "",
                    t.get(n - 1), "", null, t.line(), time.precision());
        }
        if (n >= 5 && t.get(1).length() == 6 && t.get(2).length() == 6 && ListSizes.hex(t.get(1)) >= 0
                && ListSizes.hex(t.get(2)) >= 0 && isMode(t.get(n - 1)) && isMode(t.get(n - 2))) {
            return new RemoteEntry(name, EntryKind.FILE, ListSizes.hex(t.get(1)), null, "", "", "", null, t.line(), null);
        }
        return null;
    }

    /** A member listed by name alone: only trusted where members are expected, as any word would match. */
    static RemoteEntry bareMember(ListTokens t) {
        String name = t.get(0);
        if (t.count() != 1 || name.length() > 8 || !isMemberChar(name.charAt(0), true)) {
            return null;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!isMemberChar(name.charAt(i), false)) {
                return null;
            }
        }
        return undated(name, EntryKind.FILE, t);
    }

    private static boolean isMemberChar(char c, boolean first) {
        return c >= 'A' && c <= 'Z' || c == '#' || c == '@' || c == '$' || !first && c >= '0' && c <= '9';
    }

    private static RemoteEntry undated(String name, EntryKind kind, ListTokens t) {
        return new RemoteEntry(name, kind, -1, null, "", "", "", null, t.line(), null);
    }

    private static boolean isVolume(String s) {
        if (s.isEmpty() || s.length() > 6) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isMemberChar(s.charAt(i), false)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUnit(String s) {
        return s.length() == 4 && ListDates.number(s, 4) >= 0 || s.equalsIgnoreCase("Tape");
    }

    private static boolean isDsorg(String s) {
        return switch (s) {
            case "PS", "PO", "PO-E", "DA", "IS", "VS", "U", "??" -> true;
            default -> false;
        };
    }

    private static boolean isVersion(String s) {
        return s.length() == 5 && s.charAt(2) == '.' && ListDates.number(s.substring(0, 2), 2) >= 0
                && ListDates.number(s.substring(3), 2) >= 0;
    }

    private static boolean isMode(String s) {
        return s.equals("24") || s.equals("31") || s.equals("64") || s.equals("ANY");
    }
}
