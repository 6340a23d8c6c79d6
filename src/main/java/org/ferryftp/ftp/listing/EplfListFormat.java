package org.ferryftp.ftp.listing;

import org.ferryftp.session.EntryKind;
import org.ferryftp.session.RemoteEntry;
import org.ferryftp.session.TimePrecision;

import java.time.Instant;

/**
 * EPLF (D. J. Bernstein's Easily Parsed LIST Format): {@code +facts,...\tname} with facts {@code /} (a directory),
 * {@code r} (a file that can be retrieved), {@code s} size, {@code m} modification time in seconds since 1970,
 * {@code up} permissions in octal and {@code i} an identifier.
 */
final class EplfListFormat {

    private EplfListFormat() {
    }

    static RemoteEntry parse(String line) {
        int tab = line.indexOf('\t');
        if (!line.startsWith("+") || tab < 1 || tab == line.length() - 1) {
            return null;
        }
        EntryKind kind = EntryKind.OTHER;
        long size = -1;
        Instant modified = null;
        String permissions = "";
        for (String fact : line.substring(1, tab).split(",")) {
            if (fact.isEmpty()) {
                continue;
            }
            String value = fact.substring(1);
            switch (fact.charAt(0)) {
                case '/' -> kind = EntryKind.DIRECTORY;
                case 'r' -> kind = kind == EntryKind.DIRECTORY ? kind : EntryKind.FILE;
                case 's' -> size = ListSizes.digits(value);
                case 'm' -> {
                    long seconds = ListSizes.digits(value);
                    modified = seconds < 0 || seconds > 253_402_300_799L ? null : Instant.ofEpochSecond(seconds);
                }
                case 'u' -> permissions = value.startsWith("p") ? MlsxParser.permissions(value.substring(1)) : "";
                case 'i' -> { }
                default -> {
                    return null;
                }
            }
        }
        return new RemoteEntry(line.substring(tab + 1), kind, size, modified, permissions, "", "", null, line,
                TimePrecision.SECOND);
    }
}
