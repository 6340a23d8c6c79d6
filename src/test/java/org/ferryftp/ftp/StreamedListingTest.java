package org.ferryftp.ftp;

import org.ferryftp.ftp.listing.ListingBatcher;
import org.ferryftp.ftp.listing.ListingParser;
import org.ferryftp.session.ListingResult;
import org.ferryftp.session.RemoteEntry;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A listing parsed while its bytes arrive equals the listing parsed whole, wherever the reads split it. */
class StreamedListingTest {

    /** Chunk sizes that cut lines, CRLFs and multi-byte UTF-8 characters at every kind of place. */
    private static final int[] CHUNKS = {1, 2, 3, 5, 7, 13, 64, 1000, 70_000};
    /** Names with 2-, 3- and 4-byte UTF-8 characters. */
    private static final String[] NAMES = {"größe-%d.txt", "日本語-%d.doc", "clef-\uD834\uDD1E-%d", "plain-%d.bin"};

    private static List<String> mlsdLines() {
        List<String> lines = new ArrayList<>();
        lines.add("type=cdir;modify=20240101000000; .");
        lines.add("type=pdir;modify=20240101000000; ..");
        for (int i = 0; i < 2_600; i++) {
            lines.add(i % 50 == 0 ? String.format("type=dir;modify=20240101120000; folder-%d", i)
                    : String.format("type=file;size=%d;modify=20240102030405;perm=rw; " + NAMES[i % 4], i * 11L, i));
            if (i == 1_300) {
                lines.add("this line is not MLSD at all");
            }
        }
        return lines;
    }

    private static List<String> listLines() {
        List<String> lines = new ArrayList<>();
        lines.add("total 2600");
        for (int i = 0; i < 2_600; i++) {
            lines.add(i % 50 == 0 ? String.format("drwxr-xr-x    2 ftp      ftp          4096 Mar 01  2021 dir-%d", i)
                    : String.format("-rw-r--r--    1 ftp      ftp      %8d Jan 15 10:20 " + NAMES[i % 4], i * 7L, i));
            if (i == 1_500) {
                lines.add("?? garbled line from a confused server");
                // A Windows-style line in a Unix listing: the format is found line by line.
                lines.add("01-02-21  10:00AM       <DIR>          winfolder");
            }
        }
        return lines;
    }

    /** What the session made of a whole listing before it streamed: decode, split on LF/NEL, drop CR and empties. */
    private static List<String> wholeLines(byte[] bytes) {
        List<String> lines = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n|\u0085", -1)) {
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!l.isEmpty()) {
                lines.add(l);
            }
        }
        return lines;
    }

    private static byte[] bytes(List<String> lines) {
        return (String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Feeds {@code bytes} in {@code chunk}-sized writes; returns the batches. */
    private static List<ListingResult> stream(byte[] bytes, int chunk,
                                              Function<org.ferryftp.session.ListingSink, ListingBatcher> batcher)
            throws IOException {
        List<ListingResult> batches = new ArrayList<>();
        ListingLines lines = new ListingLines(StandardCharsets.UTF_8, batcher.apply(b -> batches.add(b)),
                Long.MAX_VALUE, "MLSD");
        for (int off = 0; off < bytes.length; off += chunk) {
            lines.write(bytes, off, Math.min(chunk, bytes.length - off));
        }
        lines.finish();
        return batches;
    }

    private static ListingResult joined(List<ListingResult> batches) {
        List<RemoteEntry> entries = new ArrayList<>();
        List<String> unparsed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (ListingResult b : batches) {
            entries.addAll(b.entries());
            unparsed.addAll(b.unparsed());
            skipped.addAll(b.skipped());
        }
        return new ListingResult(entries, unparsed, skipped);
    }

    /** An endless line was buffered whole, up to the 512 MiB listing bound: far past a 256 MiB heap. */
    @Test
    void anEndlessListingLineIsRefusedInsteadOfBuffered() {
        ListingLines lines = new ListingLines(StandardCharsets.UTF_8, ListingBatcher.mlsd(b -> true), 512L << 20, "MLSD");
        byte[] chunk = new byte[8192];
        java.util.Arrays.fill(chunk, (byte) 'x');
        FtpProtocolException e = assertThrows(FtpProtocolException.class, () -> {
            for (int i = 0; i < 64; i++) {
                lines.write(chunk, 0, chunk.length);
            }
        });
        assertEquals("the server's MLSD data has a line longer than 65536 characters; Ferry stopped reading it",
                e.getMessage());
    }

    @Test
    void mlsdStreamedInAnyChunksEqualsTheWholeListing() throws IOException {
        byte[] bytes = bytes(mlsdLines());
        ListingResult whole = ListingParser.parseMlsd(wholeLines(bytes));
        assertEquals(2_600, whole.entries().size());
        assertEquals(List.of("this line is not MLSD at all"), whole.unparsed());
        for (int chunk : CHUNKS) {
            List<ListingResult> batches = stream(bytes, chunk, ListingBatcher::mlsd);
            assertTrue(batches.size() >= 2, "batches for chunk " + chunk + ": " + batches.size());
            assertEquals(whole, joined(batches), "chunk size " + chunk);
        }
    }

    @Test
    void listStreamedInAnyChunksEqualsTheWholeListing() throws IOException {
        byte[] bytes = bytes(listLines());
        for (String syst : new String[] {"UNIX Type: L8", "Windows_NT"}) {
            ListingResult whole = ListingParser.parseList(wholeLines(bytes), syst);
            assertTrue(whole.entries().size() >= 2_600, syst);
            assertEquals(List.of("?? garbled line from a confused server"), whole.unparsed(), syst);
            assertEquals(List.of("total 2600"), whole.skipped(), syst);
            for (int chunk : CHUNKS) {
                List<ListingResult> batches = stream(bytes, chunk, sink -> ListingBatcher.list(syst, sink));
                assertEquals(whole, joined(batches), syst + ", chunk size " + chunk);
            }
        }
    }

    @Test
    void aListingStoppedMidwayIsAbortedAndTheSessionStaysUsable() throws Exception {
        try (ScriptedFtpServer server = new ScriptedFtpServer()) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 100_000; i++) {
                lines.add(String.format("type=file;size=%d;modify=20240101120000; file-%06d.dat", i, i));
            }
            server.mkdir("/big");
            server.setListing("/big", "MLSD", lines);
            try (FtpSession s = new FtpSession(SessionSettings.of("127.0.0.1", server.port(),
                    Credentials.of("ferry", "secret")), "scripted", LogListener.NONE)) {
                s.connect();
                AtomicInteger seen = new AtomicInteger();
                TransferAbortedException e = assertThrows(TransferAbortedException.class,
                        () -> s.list("/big", batch -> seen.addAndGet(batch.entries().size()) < 1_000));
                assertFalse(e.isConnectionBroken(), e.getMessage());
                assertEquals(1_000, seen.get());
                assertTrue(server.commands().contains("ABOR"), server.commands().toString());
                assertEquals(200, s.noop().code());
                assertEquals(100_000, s.list("/big").entries().size());
            }
        }
    }
}
