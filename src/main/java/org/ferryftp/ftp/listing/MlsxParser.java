package org.ferryftp.ftp.listing;

import org.ferryftp.session.EntryKind;
import org.ferryftp.session.RemoteEntry;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Parses RFC 3659 MLSD/MLST lines: {@code fact=value;fact=value; name}. */
public final class MlsxParser {

    private MlsxParser() {
    }

    /** Parsed entry, or null when the line is not a valid MLSx line. Entries of type cdir/pdir are kept. */
    public static RemoteEntry parse(String line) {
        int space = line.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String factText = line.substring(0, space);
        String name = line.substring(space + 1);
        if (name.isEmpty() || !factText.endsWith(";") && !factText.isEmpty()) {
            return null;
        }
        Map<String, String> facts = new HashMap<>();
        for (String fact : factText.split(";")) {
            if (fact.isEmpty()) {
                continue;
            }
            int eq = fact.indexOf('=');
            if (eq <= 0) {
                return null;
            }
            facts.put(fact.substring(0, eq).toLowerCase(Locale.ROOT), fact.substring(eq + 1));
        }
        String type = facts.getOrDefault("type", "").toLowerCase(Locale.ROOT);
        EntryKind kind;
        String link = null;
        if (type.equals("dir") || type.equals("cdir") || type.equals("pdir")) {
            kind = EntryKind.DIRECTORY;
        } else if (type.equals("file")) {
            kind = EntryKind.FILE;
        } else if (type.startsWith("os.unix=slink") || type.startsWith("os.unix=symlink")) {
            kind = EntryKind.SYMLINK;
            int colon = facts.get("type").indexOf(':');
            link = colon >= 0 ? facts.get("type").substring(colon + 1) : null;
        } else {
            kind = EntryKind.OTHER;
        }
        if (type.equals("cdir")) {
            name = ".";
        } else if (type.equals("pdir")) {
            name = "..";
        }
        long size = parseLong(facts.getOrDefault("size", facts.get("sizd")));
        return new RemoteEntry(name, kind, size, parseTime(facts.get("modify")),
                permissions(facts.get("unix.mode")), owner(facts), group(facts), link, line);
    }

    /** Parses an MDTM/MLSx time value (UTC), with optional fractional seconds; null when invalid. */
    public static Instant parseTime(String value) {
        if (value == null || value.length() < 14) {
            return null;
        }
        try {
            // Digits by hand: a DateTimeFormatter per line made 100,000-entry listings slow.
            for (int i = 0; i < 14; i++) {
                if (!Character.isDigit(value.charAt(i))) {
                    return null;
                }
            }
            Instant whole = LocalDateTime.of(num(value, 0, 4), num(value, 4, 6), num(value, 6, 8), num(value, 8, 10),
                    num(value, 10, 12), num(value, 12, 14)).toInstant(ZoneOffset.UTC);
            if (value.length() > 15 && value.charAt(14) == '.') {
                String frac = (value.substring(15) + "000000000").substring(0, 9);
                return whole.plusNanos(Long.parseLong(frac));
            }
            return whole;
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int num(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    private static long parseLong(String v) {
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String permissions(String unixMode) {
        if (unixMode == null) {
            return "";
        }
        try {
            int mode = Integer.parseInt(unixMode, 8);
            StringBuilder sb = new StringBuilder(9);
            String letters = "rwxrwxrwx";
            for (int bit = 8; bit >= 0; bit--) {
                sb.append((mode & (1 << bit)) != 0 ? letters.charAt(8 - bit) : '-');
            }
            return sb.toString();
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private static String owner(Map<String, String> facts) {
        return facts.getOrDefault("unix.ownername", facts.getOrDefault("unix.owner", facts.getOrDefault("unix.uid", "")));
    }

    private static String group(Map<String, String> facts) {
        return facts.getOrDefault("unix.groupname", facts.getOrDefault("unix.group", facts.getOrDefault("unix.gid", "")));
    }
}
