package org.ferryftp.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Turns virtual file system entries into the text real servers send: {@code ls -l} lines, names and MLSx facts. */
final class ListingFormatter {

    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM dd HH:mm", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM dd  yyyy", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FACT_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.US)
            .withZone(ZoneOffset.UTC);
    /** {@code ls} shows the time of day only for files younger than about six months. */
    private static final Duration RECENT_WINDOW = Duration.ofDays(180);

    private ListingFormatter() {
    }

    /** One {@code ls -l} line, e.g. {@code -rw-r--r--   1 ferry    ferry        1234 Mar 04 12:30 name}. */
    static String unixLine(VirtualFileSystem.Entry entry, Instant now) {
        Instant modified = entry.modified();
        boolean recent = modified.isAfter(now.minus(RECENT_WINDOW)) && !modified.isAfter(now.plus(Duration.ofHours(1)));
        String time = (recent ? RECENT : OLD).format(modified);
        return String.format(Locale.US, "%s %3d %-8s %-8s %10d %s %s", permissions(entry),
                entry.directory() ? 2 : 1, "ferry", "ferry", entry.size(), time, entry.name());
    }

    /** MLSD/MLST facts in the order FEAT announces them, followed by a space and the name or path. */
    static String facts(VirtualFileSystem.Entry entry, String type, String name) {
        StringBuilder facts = new StringBuilder("type=").append(type).append(';');
        if (!entry.directory()) {
            facts.append("size=").append(entry.size()).append(';');
        }
        facts.append("modify=").append(timestamp(entry.modified())).append(';');
        facts.append("perm=").append(entry.directory() ? "flcdmpe" : "adfrw").append(';');
        return facts.append(' ').append(name).toString();
    }

    /** The YYYYMMDDHHMMSS form shared by MDTM, MFMT and the modify fact (always UTC). */
    static String timestamp(Instant instant) {
        return FACT_TIME.format(instant);
    }

    static Instant parseTimestamp(String text) {
        if (!text.matches("\\d{14}(\\.\\d{1,3})?")) {
            throw new IllegalArgumentException(text);
        }
        return LocalDateTime.parse(text.substring(0, 14), DateTimeFormatter.ofPattern("uuuuMMddHHmmss"))
                .toInstant(ZoneOffset.UTC);
    }

    /** {@code drwxr-xr-x} style permissions, from a SITE CHMOD mode if one was set, else 755/644. */
    static String permissions(VirtualFileSystem.Entry entry) {
        String mode = entry.mode();
        int bits = entry.directory() ? 0755 : 0644;
        if (mode != null && mode.matches("[0-7]{1,4}")) {
            bits = Integer.parseInt(mode, 8) & 0777;
        }
        StringBuilder text = new StringBuilder(entry.directory() ? "d" : "-");
        String letters = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            text.append((bits & (0400 >> i)) != 0 ? letters.charAt(i) : '-');
        }
        return text.toString();
    }
}
