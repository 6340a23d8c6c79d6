package org.ferryftp.ftp.listing;

import org.ferryftp.session.EntryKind;
import org.ferryftp.session.ListingResult;
import org.ferryftp.session.RemoteEntry;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MLSD and LIST parsing, including hostile and unparseable lines. */
class ListingParserTest {

    @Test
    void mlsdFactsAndNamesWithSpacesAndSemicolons() {
        ListingResult r = ListingParser.parseMlsd(List.of(
                "type=cdir;modify=20240101000000; .",
                "type=pdir;modify=20240101000000; ..",
                "type=file;size=1024;modify=20240102030405.123;UNIX.mode=0644;UNIX.owner=bob; my file;v2.txt",
                "type=dir;modify=20240102030405; sub dir",
                "type=OS.unix=slink:/target;size=7; link",
                "garbage without facts"));
        assertEquals(3, r.entries().size());
        RemoteEntry f = r.entries().get(0);
        assertEquals("my file;v2.txt", f.name());
        assertEquals(EntryKind.FILE, f.kind());
        assertEquals(1024, f.size());
        assertEquals(Instant.parse("2024-01-02T03:04:05.123Z"), f.modified());
        assertEquals("rw-r--r--", f.permissions());
        assertEquals("bob", f.owner());
        assertEquals(EntryKind.DIRECTORY, r.entries().get(1).kind());
        assertEquals(EntryKind.SYMLINK, r.entries().get(2).kind());
        assertEquals("/target", r.entries().get(2).linkTarget());
        assertEquals(List.of("garbage without facts"), r.unparsed());
    }

    @Test
    void unixListWithTotalLineAndUnparseableLines() {
        ListingResult r = ListingParser.parseList(List.of(
                "total 12",
                "drwxr-xr-x    2 1000     1000         4096 Jan 05 12:00 docs",
                "-rw-r--r--    1 ftp      ftp          1234 Mar 01  2021 read me.txt",
                "lrwxrwxrwx    1 0        0               7 Mar 01  2021 latest -> v1.2.3",
                "-rw-r--r--    1 ftp      ftp             0 Mar 01  2021 .",
                "this is not a listing line at all"), "UNIX Type: L8");
        assertEquals(3, r.entries().size());
        assertEquals("docs", r.entries().get(0).name());
        assertTrue(r.entries().get(0).isDirectory());
        assertEquals("read me.txt", r.entries().get(1).name());
        assertEquals(1234, r.entries().get(1).size());
        assertEquals("rw-r--r--", r.entries().get(1).permissions());
        assertEquals("latest", r.entries().get(2).name());
        assertEquals("v1.2.3", r.entries().get(2).linkTarget());
        assertEquals(List.of("this is not a listing line at all"), r.unparsed());
    }

    @Test
    void windowsListingIsChosenFromSyst() {
        ListingResult r = ListingParser.parseList(List.of(
                "01-15-24  10:30AM       <DIR>          Reports",
                "01-15-24  10:31AM                 2048 data.csv"), "Windows_NT");
        assertEquals(2, r.entries().size());
        assertTrue(r.entries().get(0).isDirectory());
        assertEquals(2048, r.entries().get(1).size());
    }

    @Test
    void systReplyNamingAClassLoadsNothing() {
        // Commons Net's default factory would try to load a class with this name.
        ListingResult r = ListingParser.parseList(List.of("-rw-r--r-- 1 a b 5 Mar 01  2021 f"),
                "org.example.EvilParser");
        assertEquals(1, r.entries().size());
        assertEquals("f", r.entries().get(0).name());
    }

    @Test
    void hostileNamesAreFlaggedUnsafe() {
        assertFalse(RemoteEntry.isSafeName(".."));
        assertFalse(RemoteEntry.isSafeName("."));
        assertFalse(RemoteEntry.isSafeName("../../etc/passwd"));
        assertFalse(RemoteEntry.isSafeName("/etc/passwd"));
        assertFalse(RemoteEntry.isSafeName("a\\b"));
        assertFalse(RemoteEntry.isSafeName("a\0b"));
        assertFalse(RemoteEntry.isSafeName(""));
        assertTrue(RemoteEntry.isSafeName("..hidden"));
        assertTrue(RemoteEntry.isSafeName("Grüße 東京.txt"));
    }

    @Test
    void invalidTimesAreUnknownNotErrors() {
        assertNull(MlsxParser.parseTime("2024"));
        assertNull(MlsxParser.parseTime("20241399999999"));
        assertEquals(Instant.parse("2024-01-02T03:04:05Z"), MlsxParser.parseTime("20240102030405"));
    }

    /**
     * Found while fuzzing the listing parsers: Commons Net's LIST regexes recurse per character, so one
     * 16 KiB line overflowed the stack of a 1 MiB thread with StackOverflowError. Lines past
     * ListParser.MAX_PARSED_LINE are kept as unparsed instead.
     */
    @Test
    void aVeryLongListLineIsUnparsedNotAStackOverflow() throws Exception {
        String line = "drwxrwxrwx 1 ".repeat(1_260);
        for (String syst : new String[] {"UNIX Type: L8", "Windows_NT", "OS/400"}) {
            ListingResult[] result = new ListingResult[1];
            Throwable[] thrown = new Throwable[1];
            Thread small = new Thread(null, () -> {
                try {
                    result[0] = ListingParser.parseList(List.of(line, "-rw-r--r-- 1 u g 5 Jan  1 12:00 ok.txt"), syst);
                } catch (Throwable t) {
                    thrown[0] = t;
                }
            }, "list", 1 << 20);
            small.start();
            small.join();
            assertNull(thrown[0], syst + ": " + thrown[0]);
            assertEquals(List.of(line), result[0].unparsed(), syst);
            assertEquals("ok.txt", result[0].entries().get(0).name(), syst);
        }
    }

    /** Found by ListingFuzzTest: Commons Net's VMS pre-parsing threw NumberFormatException on a version past int range. */
    @Test
    void aVmsVersionPastIntRangeDoesNotBreakTheListing() {
        ListingResult r = ListingParser.parseList(List.of("Directory DISK$USER:[BOB]", "",
                "FILE.TXT;12999999999   1/3     1-JAN-2024 12:00:00  [BOB]  (RWED,RWED,RE,)",
                "OTHER.TXT;1   1/3     1-JAN-2024 12:00:00  [BOB]  (RWED,RWED,RE,)"), "VMS");
        assertTrue(r.entries().stream().anyMatch(e -> e.name().startsWith("OTHER.TXT")), r.toString());
    }
}
