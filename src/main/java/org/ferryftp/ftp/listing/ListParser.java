package org.ferryftp.ftp.listing;

import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPFileEntryParser;
import org.apache.commons.net.ftp.parser.CompositeFileEntryParser;
import org.apache.commons.net.ftp.parser.MVSFTPEntryParser;
import org.apache.commons.net.ftp.parser.MacOsPeterFTPEntryParser;
import org.apache.commons.net.ftp.parser.NTFTPEntryParser;
import org.apache.commons.net.ftp.parser.NetwareFTPEntryParser;
import org.apache.commons.net.ftp.parser.OS2FTPEntryParser;
import org.apache.commons.net.ftp.parser.OS400FTPEntryParser;
import org.apache.commons.net.ftp.parser.UnixFTPEntryParser;
import org.apache.commons.net.ftp.parser.VMSVersioningFTPEntryParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses LIST output with Commons Net's parsers, chosen by Ferry from a fixed table. Commons Net's
 * own factory may load a class named by the server's SYST reply; here the reply only selects among
 * known classes, so a server can never make Ferry load code.
 */
public final class ListParser {

    private static final Pattern TOTAL = Pattern.compile("^total \\d+\\s*$", Pattern.CASE_INSENSITIVE);
    /**
     * Longer lines are not given to Commons Net: its regexes recurse per character, and a 16 KiB line
     * overflows a 1 MiB thread stack. A real LIST line is a name (255 bytes) and perhaps a link target.
     */
    static final int MAX_PARSED_LINE = 4096;

    private ListParser() {
    }

    /** The parser for a SYST reply text (null or unknown: Unix, then Windows). */
    static FTPFileEntryParser forSystem(String syst) {
        String s = syst == null ? "" : syst.toUpperCase(Locale.ROOT);
        if (s.contains("WINDOWS")) {
            return composite(new NTFTPEntryParser(), new UnixFTPEntryParser());
        }
        if (s.contains("VMS")) {
            return new VMSVersioningFTPEntryParser();
        }
        if (s.contains("OS/400") || s.contains("OS400")) {
            return composite(new OS400FTPEntryParser(), new UnixFTPEntryParser());
        }
        if (s.contains("MVS") || s.contains("Z/OS")) {
            return new MVSFTPEntryParser();
        }
        if (s.contains("NETWARE")) {
            return new NetwareFTPEntryParser();
        }
        if (s.contains("OS/2")) {
            return new OS2FTPEntryParser();
        }
        if (s.contains("MACOS PETER")) {
            return new MacOsPeterFTPEntryParser();
        }
        return composite(new UnixFTPEntryParser(), new NTFTPEntryParser());
    }

    private static FTPFileEntryParser composite(FTPFileEntryParser... parsers) {
        return new CompositeFileEntryParser(parsers);
    }

    /** Parses LIST lines; lines that no parser understands are kept as unparsed. */
    public static ListingResult parse(List<String> lines, String syst) {
        boolean unix = isUnixLike(syst);
        Lines parser = new Lines(syst);
        List<String> prepared = unix ? lines : preParseQuietly(parser.commonsParser(), lines);
        List<RemoteEntry> entries = new ArrayList<>(prepared.size());
        List<String> unparsed = new ArrayList<>();
        for (String line : prepared) {
            parser.parse(line, entries, unparsed);
        }
        return new ListingResult(entries, unparsed);
    }

    /**
     * Parses LIST lines one at a time, keeping the state the whole listing would carry (Commons Net's
     * composite parser sticks to the first of its parsers that matched), so a listing parsed in pieces
     * gives the same result as parsed whole. Only for systems whose lines need no pre-parsing (Unix-like).
     */
    static final class Lines {

        private final String syst;
        private final FastUnixListParser fast;
        private FTPFileEntryParser parser;

        Lines(String syst) {
            this.syst = syst;
            this.fast = isUnixLike(syst) ? new FastUnixListParser(FastUnixListParser.todayUtc()) : null;
        }

        /** Commons Net's parsers are costly to build; made only when a line needs them. */
        FTPFileEntryParser commonsParser() {
            if (parser == null) {
                parser = forSystem(syst);
            }
            return parser;
        }

        void parse(String line, List<RemoteEntry> entries, List<String> unparsed) {
            if (line.isBlank() || TOTAL.matcher(line).matches()) {
                return;
            }
            RemoteEntry quick = fast == null ? null : fast.parse(line);
            if (quick != null) {
                entries.add(quick);
                return;
            }
            if (line.length() > MAX_PARSED_LINE) {
                unparsed.add(line);
                return;
            }
            FTPFile file = parseQuietly(commonsParser(), line);
            if (file == null || file.getName() == null) {
                unparsed.add(line);
                return;
            }
            entries.add(toEntry(file, line));
        }
    }

    static boolean isUnixLike(String syst) {
        String s = syst == null ? "" : syst.toUpperCase(Locale.ROOT);
        return !(s.contains("WINDOWS") || s.contains("VMS") || s.contains("OS/400") || s.contains("OS400")
                || s.contains("MVS") || s.contains("Z/OS") || s.contains("NETWARE") || s.contains("OS/2")
                || s.contains("MACOS PETER"));
    }

    /**
     * Commons Net's pre-parsing (VMS keeps the newest version of each file, MVS reads the header) throws
     * on hostile input, e.g. a VMS version past int range: the lines are then parsed as they came.
     */
    private static List<String> preParseQuietly(FTPFileEntryParser parser, List<String> lines) {
        try {
            return parser.preParse(new ArrayList<>(lines));
        } catch (RuntimeException e) {
            return lines;
        }
    }

    private static FTPFile parseQuietly(FTPFileEntryParser parser, String line) {
        try {
            return parser.parseFTPEntry(line);
        } catch (RuntimeException e) {
            // A hostile line must not break the listing; it is reported as unparsed instead.
            return null;
        }
    }

    private static RemoteEntry toEntry(FTPFile f, String line) {
        EntryKind kind = switch (f.getType()) {
            case FTPFile.DIRECTORY_TYPE -> EntryKind.DIRECTORY;
            case FTPFile.FILE_TYPE -> EntryKind.FILE;
            case FTPFile.SYMBOLIC_LINK_TYPE -> EntryKind.SYMLINK;
            default -> EntryKind.OTHER;
        };
        return new RemoteEntry(f.getName(), kind, f.getSize(),
                f.getTimestamp() == null ? null : f.getTimestamp().toInstant(),
                permissions(f), f.getUser(), f.getGroup(), f.getLink(), line);
    }

    private static String permissions(FTPFile f) {
        if (!f.isValid()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(9);
        int[] access = {FTPFile.USER_ACCESS, FTPFile.GROUP_ACCESS, FTPFile.WORLD_ACCESS};
        int[] perms = {FTPFile.READ_PERMISSION, FTPFile.WRITE_PERMISSION, FTPFile.EXECUTE_PERMISSION};
        String letters = "rwx";
        boolean any = false;
        for (int a : access) {
            for (int p = 0; p < 3; p++) {
                boolean has = f.hasPermission(a, perms[p]);
                any |= has;
                sb.append(has ? letters.charAt(p) : '-');
            }
        }
        return any ? sb.toString() : "";
    }
}
