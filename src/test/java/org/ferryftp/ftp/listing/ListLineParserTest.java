package org.ferryftp.ftp.listing;

import org.ferryftp.session.EntryKind;
import org.ferryftp.session.ListingResult;
import org.ferryftp.session.RemoteEntry;
import org.ferryftp.session.TimePrecision;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The defects of issue 19, one by one; the corpus (ListingCorpusTest) covers the formats at large. */
class ListLineParserTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);

    private static ListingResult parse(String syst, String... lines) {
        return ListingParser.parseList(List.of(lines), syst, CLOCK);
    }

    private static List<String> names(ListingResult r) {
        return r.entries().stream().map(RemoteEntry::name).toList();
    }

    @Test
    void aDosLineWhoseTimeDoesNotReadIsUnparsedNotAFileWithAMadeUpName() {
        ListingResult r = parse("Windows_NT", "04-14-00  3:47 PX                589 readme.htm",
                "04-14-00  03:47PM                  589 readme.htm");
        assertEquals(List.of("readme.htm"), names(r));
        assertEquals(List.of("04-14-00  3:47 PX                589 readme.htm"), r.unparsed());
    }

    @Test
    void anOs2ThreeDigitYearIsSince1900AndTheTimeStaysOutOfTheName() {
        RemoteEntry e = parse("OS/2", "36611      A    04-23-103  10:57  OS2 test1.file").entries().get(0);
        assertEquals("OS2 test1.file", e.name());
        assertEquals(Instant.parse("2003-04-23T10:57:00Z"), e.modified());
    }

    @Test
    void vmsListsEveryVersionShowsDirectoriesByNameAndSkipsHeadersOnPurpose() {
        ListingResult r = parse("VMS", "Directory DISK$USER:[BOB]", "",
                "FOO.TXT;2    1/3  2-APR-1997 11:34:40  [BOB]  (RWED,RWED,RE,)",
                "FOO.TXT;1    1/3  1-APR-1997 11:34:40  [BOB]  (RWED,RWED,RE,)",
                "SUB.DIR;1    1/3  1-APR-1997 11:34:40  [BOB]  (RWED,RWED,RE,)",
                "", "Total of 3 files, 3/9 blocks.");
        assertEquals(List.of("FOO.TXT;2", "FOO.TXT;1", "SUB"), names(r));
        assertEquals(EntryKind.DIRECTORY, r.entries().get(2).kind());
        assertEquals(List.of("Directory DISK$USER:[BOB]", "Total of 3 files, 3/9 blocks."), r.skipped());
        assertTrue(r.unparsed().isEmpty(), r.unparsed().toString());
    }

    @Test
    void aVmsEntryWrappedOntoTwoLinesIsJoinedEvenAcrossBatches() {
        ListLineParser parser = new ListLineParser("VMS", CLOCK);
        List<RemoteEntry> entries = new ArrayList<>();
        entries.addAll(ListingParser.parseList(List.of("A_LONG_NAME_THAT_WRAPS.TXT;1"), parser, false).entries());
        assertTrue(entries.isEmpty(), "held until its details come");
        entries.addAll(ListingParser.parseList(List.of("        4/6  24-APR-2003 08:16:15  [FTP,SCOT]  (RWED,RWED,RE,)"),
                parser, true).entries());
        assertEquals(1, entries.size());
        assertEquals("A_LONG_NAME_THAT_WRAPS.TXT;1", entries.get(0).name());
        assertEquals(2048, entries.get(0).size());
    }

    @Test
    void aVmsNameWithoutItsDetailsIsUnparsedAtTheEnd() {
        assertEquals(List.of("LONELY.TXT;1"), parse("VMS", "LONELY.TXT;1").unparsed());
        assertEquals(List.of("  INDENTED.TXT;1 ", "not vms"), parse("VMS", "  INDENTED.TXT;1 ", "not vms").unparsed(),
                "kept as received");
    }

    @Test
    void anMvsListingWithoutItsHeaderKeepsItsFirstLine() {
        ListingResult r = parse("MVS is the operating system of this server.",
                "WYOSPT 3420   2003/05/21  1  200  FB      80  8053  PS  FIRST.DATASET",
                "WYOSPT 3420   2003/05/21  1  200  FB      80  8053  PS  SECOND.DATASET");
        assertEquals(List.of("FIRST.DATASET", "SECOND.DATASET"), names(r));
    }

    @Test
    void aMixedListingIsReadLineByLineNotByTheFirstFormatThatMatched() {
        ListingResult r = parse("UNIX Type: L8",
                "-rw-r--r--   1 root     other        531 Jan 29 03:26 unix.txt",
                "04-27-00  09:09PM       <DIR>          dos-dir",
                "d [R----F--] supervisor            512       Jan 16 18:53    netware-dir",
                "36611      A    04-23-103  10:57  os2.file",
                "FOO.TXT;1    1/3  1-APR-1997 11:34:40  [BOB]  (RWED,RWED,RE,)",
                "-rw-r--r--   1 root     other        531 Jan 29 03:26 unix-again.txt");
        assertEquals(List.of("unix.txt", "dos-dir", "netware-dir", "os2.file", "FOO.TXT;1", "unix-again.txt"), names(r));
    }

    @Test
    void aNumberBesideAMonthLikeOwnerIsNotTakenForAYear() {
        RemoteEntry e = parse("UNIX Type: L8", "-rw-r--r-- 1 dec 10 4096 15. Jan. 2020 f").entries().get(0);
        assertEquals("f", e.name());
        assertEquals(4096, e.size());
        assertEquals(Instant.parse("2020-01-15T00:00:00Z"), e.modified());
    }

    @Test
    void aTimeWithoutAYearIsNeverInTheFutureAndADateWithoutATimeStaysADate() {
        ListingResult r = parse("UNIX Type: L8",
                "-rw-r--r--   1 u g 1 Dec  7 09:00 tomorrow-by-the-servers-zone",
                "-rw-r--r--   1 u g 1 Dec  8 09:00 last-december",
                "-rw-r--r--   1 u g 1 Dec  8  2020 a-date");
        assertEquals(Instant.parse("2026-12-07T09:00:00Z"), r.entries().get(0).modified());
        assertEquals(Instant.parse("2025-12-08T09:00:00Z"), r.entries().get(1).modified());
        assertEquals(TimePrecision.MINUTE, r.entries().get(1).precision());
        assertEquals(TimePrecision.DAY, r.entries().get(2).precision());
    }
}
