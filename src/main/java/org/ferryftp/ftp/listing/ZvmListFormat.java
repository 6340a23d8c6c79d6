package org.ferryftp.ftp.listing;

import org.ferryftp.session.EntryKind;
import org.ferryftp.session.RemoteEntry;

import java.time.LocalDate;

/**
 * z/VM CMS lines: {@code NAME TYPE recfm lrecl records blocks date time [label]}; the file is {@code NAME.TYPE}.
 * A fixed-length file's size is records × lrecl; a variable-length file's lrecl is only its longest record,
 * so its size is unknown. {@code NAME DIR - - - date time} is a directory (SFS).
 */
final class ZvmListFormat {

    private ZvmListFormat() {
    }

    static RemoteEntry parse(ListTokens t) {
        int n = t.count();
        if (n < 8 || n > 9) {
            return null;
        }
        String recfm = t.get(2);
        LocalDate date = ListDates.compactDate(t.get(6));
        ListDates.TimeOfDay time = ListDates.timeOfDay(t.get(7));
        if (date == null || time == null) {
            return null;
        }
        String label = n == 9 ? t.get(8) : "";
        java.time.Instant at = time.on(date).toInstant(java.time.ZoneOffset.UTC);
        if (t.get(1).equals("DIR") && recfm.equals("-")) {
            return new RemoteEntry(t.get(0), EntryKind.DIRECTORY, -1, at, "", label, "", null, t.line(), time.precision());
        }
        long lrecl = ListSizes.digits(t.get(3));
        long records = ListSizes.digits(t.get(4));
        if (!(recfm.equals("F") || recfm.equals("V")) || lrecl < 0 || records < 0 || ListSizes.digits(t.get(5)) < 0
                || lrecl > 1 << 20 || records > 1L << 40) {
            return null;
        }
        long size = recfm.equals("F") ? lrecl * records : -1;
        return new RemoteEntry(t.get(0) + "." + t.get(1), EntryKind.FILE, size, at, "", label, "", null, t.line(),
                time.precision());
    }
}
