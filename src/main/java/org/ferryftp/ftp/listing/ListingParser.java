package org.ferryftp.ftp.listing;

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

    public static ListingResult parseList(List<String> lines, String syst) {
        return withoutDots(ListParser.parse(lines, syst));
    }

    /** LIST lines parsed one by one with {@code parser}, which carries its state from batch to batch. */
    static ListingResult parseList(List<String> lines, ListParser.Lines parser) {
        List<RemoteEntry> entries = new ArrayList<>(lines.size());
        List<String> unparsed = new ArrayList<>();
        for (String line : lines) {
            parser.parse(line, entries, unparsed);
        }
        return withoutDots(new ListingResult(entries, unparsed));
    }

    private static ListingResult withoutDots(ListingResult raw) {
        List<RemoteEntry> entries = new ArrayList<>(raw.entries().size());
        for (RemoteEntry e : raw.entries()) {
            if (!e.name().equals(".") && !e.name().equals("..")) {
                entries.add(e);
            }
        }
        return new ListingResult(entries, raw.unparsed());
    }
}
