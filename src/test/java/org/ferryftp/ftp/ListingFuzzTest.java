package org.ferryftp.ftp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ferryftp.ftp.listing.ListLineParser;
import org.ferryftp.ftp.listing.ListingBatcher;
import org.ferryftp.ftp.listing.ListingParser;
import org.ferryftp.session.ListingResult;
import org.ferryftp.session.RemoteEntry;
import org.ferryftp.ftp.repr.Representation;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fuzzes every listing parser in the table (MLSD, and LIST for each SYST family) the way a listing
 * arrives: bytes in fuzzed chunks through {@link ListingLines} and a {@link ListingBatcher}. Nothing may
 * throw but the documented {@link FtpProtocolException} for an over-long listing, the streamed
 * result must equal the listing parsed whole, and every LIST line must come out as an entry, unparsed or skipped.
 */
class ListingFuzzTest {

    /** null means MLSD; the others are SYST replies, one per format ListLineParser takes a hint from, and one it does not know. */
    private static final String[] KINDS = {null, "UNIX Type: L8", "Windows_NT", "VMS", "OS/400", "MVS is the operating system",
            "NETWARE", "OS/2", "MACOS Peter's Server", "z/VM", "NonStop", "OS-9", "Unknown"};
    private static final Charset[] CHARSETS = {StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1,
            Representation.DEFAULT_EBCDIC};
    private static final long MAX_BYTES = 64 * 1024;

    @FuzzTest
    void streamedListing(FuzzedDataProvider data) throws IOException {
        String syst = data.pickValue(KINDS);
        boolean mlsd = syst == null;
        Charset charset = data.pickValue(CHARSETS);
        int chunk = data.consumeInt(1, 4096);
        byte[] listing = data.consumeRemainingAsBytes();

        List<RemoteEntry> entries = new ArrayList<>();
        List<String> unparsed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        ListingBatcher batcher = mlsd ? ListingBatcher.mlsd(b -> collect(b, entries, unparsed, skipped))
                : ListingBatcher.list(syst, b -> collect(b, entries, unparsed, skipped));
        ListingLines lines = new ListingLines(charset, batcher, MAX_BYTES, mlsd ? "MLSD" : "LIST");
        try {
            for (int off = 0; off < listing.length; off += chunk) {
                lines.write(listing, off, Math.min(chunk, listing.length - off));
            }
            lines.finish();
        } catch (FtpProtocolException tooLong) {
            return; // the documented bound
        }

        List<String> whole = DirectoryListings.lines(new String(listing, charset));
        ListingResult expected = mlsd ? ListingParser.parseMlsd(whole) : ListingParser.parseList(whole, syst);
        assertEquals(expected.entries(), entries);
        assertEquals(expected.unparsed(), unparsed);
        assertEquals(expected.skipped(), skipped);
        for (RemoteEntry e : entries) {
            e.hasSafeName();
        }
        if (!mlsd) {
            assertEveryLineAccountedFor(whole, syst);
        }
    }

    /**
     * Nothing is dropped silently: every non-blank LIST line is an entry's (a wrapped VMS entry has two), unparsed
     * or skipped as a header, exactly once.
     */
    private static void assertEveryLineAccountedFor(List<String> lines, String syst) {
        ListLineParser parser = new ListLineParser(syst, java.time.Clock.systemUTC());
        ListLineParser.Lines out = new ListLineParser.Lines(lines.size());
        lines.forEach(l -> parser.line(l, out));
        parser.finish(out);
        ListingResult all = out.result();
        List<String> accounted = new ArrayList<>();
        all.entries().forEach(e -> accounted.addAll(List.of(e.rawLine().split("\n", -1))));
        accounted.addAll(all.unparsed());
        accounted.addAll(all.skipped());
        List<String> given = new ArrayList<>(lines.stream().filter(l -> !l.isBlank()).map(String::strip).toList());
        List<String> got = new ArrayList<>(accounted.stream().map(String::strip).toList());
        java.util.Collections.sort(given);
        java.util.Collections.sort(got);
        assertEquals(given, got, "lines accounted for");
    }

    private static boolean collect(ListingResult batch, List<RemoteEntry> entries, List<String> unparsed,
                                   List<String> skipped) {
        entries.addAll(batch.entries());
        unparsed.addAll(batch.unparsed());
        skipped.addAll(batch.skipped());
        return true;
    }
}
