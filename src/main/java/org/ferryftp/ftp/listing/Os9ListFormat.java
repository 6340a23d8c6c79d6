package org.ferryftp.ftp.listing;

import org.ferryftp.session.EntryKind;
import org.ferryftp.session.RemoteEntry;

import java.time.LocalDate;

/**
 * Microware OS-9 lines: {@code group.user YY/MM/DD HHMM attributes sector bytecount name}, the attributes
 * being {@code d-ewrewr}-style ({@code d} first for a directory).
 */
final class Os9ListFormat {

    private Os9ListFormat() {
    }

    static RemoteEntry parse(ListTokens t) {
        if (t.count() < 7) {
            return null;
        }
        String owner = t.get(0);
        int dot = owner.indexOf('.');
        if (dot < 1 || ListSizes.digits(owner.substring(0, dot)) < 0 || ListSizes.digits(owner.substring(dot + 1)) < 0) {
            return null;
        }
        String d = t.get(1);
        if (d.length() != 8 || d.charAt(2) != '/' || d.charAt(5) != '/') {
            return null;
        }
        LocalDate date = ListDates.date(ListDates.year(d.substring(0, 2)), ListDates.number(d.substring(3, 5), 2),
                ListDates.number(d.substring(6), 2));
        String hhmm = t.get(2);
        ListDates.TimeOfDay time = hhmm.length() == 4 ? ListDates.timeOfDay(hhmm.substring(0, 2) + ":" + hhmm.substring(2))
                : null;
        String attributes = t.get(3);
        long size = ListSizes.digits(t.get(5));
        if (date == null || time == null || !isAttributes(attributes) || ListSizes.hex(t.get(4)) < 0 || size < 0) {
            return null;
        }
        return new RemoteEntry(t.from(6), attributes.charAt(0) == 'd' ? EntryKind.DIRECTORY : EntryKind.FILE, size,
                time.on(date).toInstant(java.time.ZoneOffset.UTC), attributes, owner, "", null, t.line(), time.precision());
    }

    private static boolean isAttributes(String s) {
        if (s.length() != 8) {
            return false;
        }
        for (int i = 0; i < 8; i++) {
            char c = s.charAt(i);
            if (c != '-' && c != "dsewrewr".charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
