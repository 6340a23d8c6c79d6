package org.ferryftp.ftp.listing;

import org.ferryftp.session.ListingResult;
import org.ferryftp.session.RemoteEntry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Turns listing lines (MLSD or LIST) into entries, dropping the directory's own {@code .} and {@code ..}. */
public final class ListingParser {

    private ListingParser() {
    }

    public static ListingResult parseMlsd(List<String> lines) {
        List<RemoteEntry> entries = new ArrayList<>();
        List<String> unparsed = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            RemoteEntry e = MlsxParser.parse(line);
            if (e == null) {
                unparsed.add(line);
            } else if (!e.name().equals(".") && !e.name().equals("..")) {
                entries.add(e);
            }
        }
        return new ListingResult(entries, unparsed);
    }

    /** A whole LIST listing of a server whose SYST reply was {@code syst} (may be null); times without a year are read against the system clock. */
    public static ListingResult parseList(List<String> lines, String syst) {
        return parseList(lines, syst, Clock.systemUTC());
    }

    public static ListingResult parseList(List<String> lines, String syst, Clock clock) {
        ListLineParser parser = new ListLineParser(syst, clock);
        ListLineParser.Lines out = new ListLineParser.Lines(lines.size());
        for (String line : lines) {
            parser.line(line, out);
        }
        parser.finish(out);
        return withoutDots(out.result());
    }

    /** LIST lines parsed one by one with {@code parser}, which carries its state from batch to batch. */
    static ListingResult parseList(List<String> lines, ListLineParser parser, boolean last) {
        ListLineParser.Lines out = new ListLineParser.Lines(lines.size());
        for (String line : lines) {
            parser.line(line, out);
        }
        if (last) {
            parser.finish(out);
        }
        return withoutDots(out.result());
    }

    private static ListingResult withoutDots(ListingResult raw) {
        List<RemoteEntry> entries = new ArrayList<>(raw.entries().size());
        for (RemoteEntry e : raw.entries()) {
            if (!e.name().equals(".") && !e.name().equals("..")) {
                entries.add(e);
            }
        }
        return new ListingResult(entries, raw.unparsed(), raw.skipped());
    }
}
