package org.ferryftp.ftp.listing;

import org.ferryftp.session.EntryKind;
import org.ferryftp.session.RemoteEntry;

import java.time.LocalDate;

/**
 * HP NonStop (Guardian) lines: {@code NAME [O] code EOF D-Mon-YY HH:MM:SS group,user "RWEP"} under the header
 * {@code File Code EOF Last Modification Owner RWEP}; the EOF column is the size in bytes.
 */
final class NonStopListFormat {

    private NonStopListFormat() {
    }

    static RemoteEntry parse(ListTokens t) {
        int at = 1;
        if (t.get(at).equals("O")) {
            at++; // the file is open
        }
        if (t.count() < at + 5 || ListSizes.digits(t.get(at)) < 0) {
            return null;
        }
        long size = ListSizes.digits(t.get(at + 1));
        LocalDate date = date(t.get(at + 2));
        ListDates.TimeOfDay time = ListDates.timeOfDay(t.get(at + 3));
        if (size < 0 || date == null || time == null) {
            return null;
        }
        int last = t.count() - 1;
        String security = t.get(last);
        boolean quoted = security.length() >= 2 && security.startsWith("\"") && security.endsWith("\"");
        String owner = t.join(at + 4, quoted ? last : last + 1);
        if (owner.indexOf(',') < 0) {
            return null;
        }
        return new RemoteEntry(t.get(0), EntryKind.FILE, size, time.on(date).toInstant(java.time.ZoneOffset.UTC),
                quoted ? security.substring(1, security.length() - 1) : "", owner, "", null, t.line(), time.precision());
    }

    /** {@code 6-Apr-07}. */
    private static LocalDate date(String s) {
        int a = s.indexOf('-');
        int b = s.lastIndexOf('-');
        if (a < 1 || b - a != 4) {
            return null;
        }
        return ListDates.date(ListDates.year(s.substring(b + 1)), ListDates.monthName(s.substring(a + 1, b)),
                ListDates.number(s.substring(0, a), 2));
    }
}
