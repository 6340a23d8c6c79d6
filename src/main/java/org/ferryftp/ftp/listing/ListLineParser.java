package org.ferryftp.ftp.listing;

import org.ferryftp.session.ListingResult;
import org.ferryftp.session.RemoteEntry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ferry's LIST parser. The format is found line by line, as servers that answer SYST with
 * "UNIX Type: L8" may send anything, and one listing may mix formats: the format of the last line that parsed
 * is tried first, then the one SYST suggests, then all the others. A line that fits no format is kept as
 * unparsed, never guessed at; header and total lines that are recognised as such are skipped on purpose and
 * kept as skipped. Lines are parsed as they arrive; only a VMS name whose details wrapped onto the next line is
 * held back until that line comes, so the listing parsed in pieces equals the listing parsed whole.
 */
public final class ListLineParser {

    /** The line formats, in the order they are tried when neither history nor SYST says otherwise. */
    enum Format {
        MLSX, EPLF, UNIX, DOS, OS2, VSHELL, VMS, AS400, NONSTOP, OS9, ZVM, MVS_DATASET, MVS_MEMBER
    }

    private static final Format[] ALL = Format.values();

    private final FastUnixListParser fast;
    private final UnixListFormat unix;
    private final Format hint;
    private final boolean mvs;
    private Format last;
    private boolean inMembers;
    /** A VMS name line (as received) whose details wrapped onto the next line. */
    private String heldVmsName;

    /** A parser for one listing from a server whose SYST reply was {@code syst} (may be null). */
    public ListLineParser(String syst, Clock clock) {
        ListDates dates = new ListDates(clock);
        this.fast = new FastUnixListParser(dates);
        this.unix = new UnixListFormat(dates);
        this.hint = hint(syst);
        this.mvs = hint == Format.MVS_DATASET;
    }

    /** The format a SYST reply points to; null when it names none. */
    static Format hint(String syst) {
        String s = syst == null ? "" : syst.toUpperCase(Locale.ROOT);
        if (s.contains("WINDOWS")) {
            return Format.DOS;
        }
        if (s.contains("OS/2")) {
            return Format.OS2;
        }
        if (s.contains("VMS")) {
            return Format.VMS;
        }
        if (s.contains("OS/400") || s.contains("OS400")) {
            return Format.AS400;
        }
        if (s.contains("MVS") || s.contains("Z/OS")) {
            return Format.MVS_DATASET;
        }
        if (s.contains("VM/") || s.contains("Z/VM") || s.startsWith("VM ")) {
            return Format.ZVM;
        }
        if (s.contains("NONSTOP") || s.contains("GUARDIAN")) {
            return Format.NONSTOP;
        }
        if (s.contains("OS-9") || s.contains("OS9")) {
            return Format.OS9;
        }
        return s.contains("UNIX") || s.contains("NETWARE") || s.contains("MACOS") ? Format.UNIX : null;
    }

    /** Parses one line (without its line end) into {@code out}. */
    public void line(String line, Lines out) {
        if (heldVmsName != null) {
            String name = heldVmsName;
            heldVmsName = null;
            String joined = name.strip() + " " + line.strip();
            RemoteEntry e = line.isBlank() ? null : VmsListFormat.parse(new ListTokens(joined), name + "\n" + line);
            if (e != null) {
                last = Format.VMS;
                out.entries.add(e);
                return;
            }
            out.unparsed.add(name);
        }
        if (line.isBlank()) {
            return;
        }
        RemoteEntry e = parse(line);
        if (e != null) {
            out.entries.add(e);
        } else if (HeaderLines.isHeader(line)) {
            inMembers |= HeaderLines.isMemberHeader(line);
            out.skipped.add(line);
        } else if (isWrappedVmsName(line)) {
            heldVmsName = line;
        } else {
            out.unparsed.add(line);
        }
    }

    /** The listing ended: a VMS name still waiting for its details is unparsed. */
    public void finish(Lines out) {
        if (heldVmsName != null) {
            out.unparsed.add(heldVmsName);
            heldVmsName = null;
        }
    }

    private static boolean isWrappedVmsName(String line) {
        String s = line.strip();
        return s.indexOf(' ') < 0 && s.indexOf('\t') < 0 && VmsListFormat.isVersionedName(s);
    }

    private RemoteEntry parse(String line) {
        RemoteEntry quick = fast.parse(line);
        if (quick != null) {
            last = Format.UNIX;
            return quick;
        }
        ListTokens t = new ListTokens(line);
        if (t.count() == 0) {
            return null;
        }
        if (last != null) {
            RemoteEntry e = parse(last, t);
            if (e != null) {
                return e;
            }
        }
        if (hint != null && hint != last) {
            RemoteEntry e = parse(hint, t);
            if (e != null) {
                last = hint;
                return e;
            }
        }
        for (Format f : ALL) {
            if (f != last && f != hint) {
                RemoteEntry e = parse(f, t);
                if (e != null) {
                    last = f;
                    return e;
                }
            }
        }
        // A bare name is a member only where members are listed: anything else would read as one.
        return inMembers || mvs ? MvsListFormat.bareMember(t) : null;
    }

    private RemoteEntry parse(Format f, ListTokens t) {
        return switch (f) {
            case MLSX -> t.line().indexOf('=') > 0 ? mlsx(t.line()) : null;
            case EPLF -> EplfListFormat.parse(t.line());
            case UNIX -> unix.parse(t);
            case DOS -> DosListFormat.dos(t);
            case OS2 -> DosListFormat.os2(t);
            case VSHELL -> unix.sizeFirst(t);
            case VMS -> VmsListFormat.parse(t, t.line());
            case AS400 -> As400ListFormat.parse(t);
            case NONSTOP -> NonStopListFormat.parse(t);
            case OS9 -> Os9ListFormat.parse(t);
            case ZVM -> ZvmListFormat.parse(t);
            case MVS_DATASET -> MvsListFormat.dataset(t);
            case MVS_MEMBER -> MvsListFormat.member(t);
        };
    }

    /**
     * MLSD facts sent in answer to LIST (some servers do); a fact list must name at least a type, size or time.
     * Some servers put a tab, not a space, between the facts and the name.
     */
    private static RemoteEntry mlsx(String line) {
        int tab = line.indexOf(";\t");
        int space = line.indexOf(' ');
        boolean tabbed = tab > 0 && (space < 0 || tab < space);
        RemoteEntry e = MlsxParser.parse(tabbed ? line.substring(0, tab + 1) + " " + line.substring(tab + 2) : line);
        if (e == null) {
            return null;
        }
        String facts = line.substring(0, tabbed ? tab : space).toLowerCase(Locale.ROOT);
        if (!facts.contains("type=") && !facts.contains("size=") && !facts.contains("modify=")) {
            return null;
        }
        return new RemoteEntry(e.name(), e.kind(), e.size(), e.modified(), e.permissions(), e.owner(), e.group(),
                e.linkTarget(), line, e.precision());
    }

    /** What a run of lines parsed into; filled by {@link #line} and {@link #finish}. */
    public static final class Lines {
        final List<RemoteEntry> entries;
        final List<String> unparsed = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();

        public Lines(int expected) {
            entries = new ArrayList<>(expected);
        }

        public ListingResult result() {
            return new ListingResult(entries, unparsed, skipped);
        }
    }
}
