package org.ferryftp.ftp.listing;

import org.ferryftp.session.EntryKind;
import org.ferryftp.session.ListingResult;
import org.ferryftp.session.RemoteEntry;
import org.ferryftp.session.TimePrecision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The LIST corpus under {@code src/test/resources/listings} (its README describes the format): every section
 * under its family's own SYST, under "UNIX Type: L8", and all sections as one mixed listing, whole and one line
 * at a time. Entries must come out exactly as expected, unrecognised lines unparsed and headers skipped.
 */
class ListingCorpusTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);
    private static final String UNIX = "UNIX Type: L8";
    private static final String[] FILES = {"unix.txt", "servers.txt", "dos.txt", "os2.txt", "vms.txt", "mvs.txt",
        "zvm.txt", "as400.txt", "nonstop.txt", "os9.txt", "eplf.txt", "mlsx.txt"};

    record Expected(String name, EntryKind kind, long size, Instant modified, TimePrecision precision,
                    Map<String, String> fields, String spec) {
    }

    record Section(String name, String syst, List<String> lines, List<Expected> entries, List<String> unparsed,
                   List<String> skipped) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Section> sections() throws IOException {
        List<Section> all = new ArrayList<>();
        for (String file : FILES) {
            Section s = null;
            String text;
            try (InputStream in = ListingCorpusTest.class.getResourceAsStream("/listings/" + file)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (String row : text.split("\n")) {
                if (row.startsWith("@section ")) {
                    s = new Section(row.substring(9), null, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                            new ArrayList<>());
                    all.add(s);
                } else if (row.startsWith("@syst")) {
                    String syst = row.length() > 6 ? row.substring(6) : null;
                    s = new Section(s.name(), syst, s.lines(), s.entries(), s.unparsed(), s.skipped());
                    all.set(all.size() - 1, s);
                } else if (row.startsWith("L ") || row.startsWith("S ") || row.startsWith("U ")) {
                    String line = unescape(row.substring(2));
                    s.lines().add(line);
                    if (row.charAt(0) == 'S') {
                        s.skipped().add(line);
                    } else if (row.charAt(0) == 'U') {
                        s.unparsed().add(line);
                    }
                } else if (row.startsWith("E ")) {
                    s.entries().add(expected(row.substring(2)));
                }
            }
        }
        return all;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                sb.append(c);
                continue;
            }
            char next = s.charAt(++i);
            if (next == 't') {
                sb.append('\t');
            } else if (next == 'u') {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                i += 4;
            } else {
                sb.append(next);
            }
        }
        return sb.toString();
    }

    private static Expected expected(String spec) {
        String[] f = spec.split("\\|", -1);
        String time = f[3];
        Instant modified = null;
        TimePrecision precision = TimePrecision.UNKNOWN;
        if (time.length() == 10) {
            modified = LocalDate.parse(time).atStartOfDay().toInstant(ZoneOffset.UTC);
            precision = TimePrecision.DAY;
        } else if (!time.equals("-")) {
            modified = LocalDateTime.parse(time).toInstant(ZoneOffset.UTC);
            precision = time.length() == 16 ? TimePrecision.MINUTE : TimePrecision.SECOND;
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 4; i < f.length; i++) {
            int eq = f[i].indexOf('=');
            fields.put(f[i].substring(0, eq), f[i].substring(eq + 1));
        }
        return new Expected(f[0], EntryKind.valueOf(f[1]), Long.parseLong(f[2]), modified, precision, fields, spec);
    }

    private static void check(String what, List<Expected> expected, List<String> unparsed, List<String> skipped,
                              ListingResult r) {
        for (int i = 0; i < Math.min(expected.size(), r.entries().size()); i++) {
            Expected e = expected.get(i);
            RemoteEntry a = r.entries().get(i);
            String where = what + ": line \"" + a.rawLine() + "\" expected " + e.spec() + " got " + a;
            assertEquals(e.name(), a.name(), where);
            assertEquals(e.kind(), a.kind(), where);
            assertEquals(e.size(), a.size(), where);
            assertEquals(e.modified(), a.modified(), where);
            assertEquals(e.precision(), a.precision(), where);
            assertEquals(e.fields().getOrDefault("owner", a.owner()), a.owner(), where);
            assertEquals(e.fields().getOrDefault("group", a.group()), a.group(), where);
            assertEquals(e.fields().getOrDefault("perms", a.permissions()), a.permissions(), where);
            assertEquals(e.fields().get("link"), a.linkTarget(), where);
        }
        assertEquals(unparsed, r.unparsed(), what + ": unparsed");
        assertEquals(skipped, r.skipped(), what + ": skipped");
        assertEquals(expected.size(), r.entries().size(), what + ": entries " + r.entries());
    }

    @ParameterizedTest(name = "{0} under its own SYST")
    @MethodSource("sections")
    void eachFamilyUnderItsOwnSyst(Section s) {
        check(s.name() + " / " + s.syst(), s.entries(), s.unparsed(), s.skipped(),
                ListingParser.parseList(s.lines(), s.syst(), CLOCK));
    }

    @ParameterizedTest(name = "{0} under UNIX Type: L8")
    @MethodSource("sections")
    void eachFamilyUnderUnixSyst(Section s) {
        check(s.name() + " / " + UNIX, s.entries(), s.unparsed(), s.skipped(),
                ListingParser.parseList(s.lines(), UNIX, CLOCK));
    }

    @Test
    void allFamiliesAsOneMixedListingWholeAndLineByLine() throws IOException {
        List<String> lines = new ArrayList<>();
        List<Expected> entries = new ArrayList<>();
        List<String> unparsed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Section s : sections()) {
            lines.addAll(s.lines());
            entries.addAll(s.entries());
            unparsed.addAll(s.unparsed());
            skipped.addAll(s.skipped());
        }
        assertTrue(lines.size() >= 150, "corpus lines: " + lines.size());
        for (String syst : new String[] {UNIX, null, "Windows_NT", "VMS"}) {
            ListingResult whole = ListingParser.parseList(lines, syst, CLOCK);
            check("mixed / " + syst, entries, unparsed, skipped, whole);

            // One line per batch: what a parser carries between batches (a wrapped VMS name) must not be lost.
            ListLineParser parser = new ListLineParser(syst, CLOCK);
            List<RemoteEntry> streamed = new ArrayList<>();
            List<String> streamedUnparsed = new ArrayList<>();
            List<String> streamedSkipped = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                ListingResult batch = ListingParser.parseList(List.of(lines.get(i)), parser, i == lines.size() - 1);
                streamed.addAll(batch.entries());
                streamedUnparsed.addAll(batch.unparsed());
                streamedSkipped.addAll(batch.skipped());
            }
            assertEquals(whole, new ListingResult(streamed, streamedUnparsed, streamedSkipped), "streamed / " + syst);
        }
    }

    /** The speed figure for 100,000 Unix lines, printed rather than asserted (timing belongs to benchmarks). */
    @Test
    void measuresOneHundredThousandUnixLines() {
        List<String> lines = new ArrayList<>(100_000);
        for (int i = 0; i < 100_000; i++) {
            lines.add(i % 10 == 0 ? String.format("drwxr-xr-x    2 ftp      ftp          4096 Mar 01  2021 dir-%d", i)
                    : String.format("-rw-r--r--    1 ftp      ftp      %8d Jan 15 10:20 file-%06d.dat", i * 7L, i));
        }
        // CPU time as well as wall time: on a shared machine the wall clock mostly measures the wait for a core.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long bestWall = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        ListingResult r = null;
        for (int round = 0; round < 5; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            r = ListingParser.parseList(lines, UNIX, CLOCK);
            bestWall = Math.min(bestWall, System.nanoTime() - start);
            bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - cpu);
        }
        assertEquals(100_000, r.entries().size());
        System.out.printf("ListingCorpusTest: 100,000 unix LIST lines parsed in %.1f ms wall, %.1f ms CPU (best of 5)%n",
                bestWall / 1e6, bestCpu / 1e6);
    }
}
