package org.ferryftp.ftp.listing;

import org.ferryftp.session.EntryKind;
import org.ferryftp.session.ListingResult;
import org.ferryftp.session.RemoteEntry;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The fast LIST parser: exact on the common format, and declines anything it is not sure of. */
class FastUnixListParserTest {

    final FastUnixListParser parser = new FastUnixListParser(LocalDate.of(2026, 3, 10));

    @Test
    void recentFilesGetThisYearAndFutureDatesLastYear() {
        RemoteEntry recent = parser.parse("-rw-r--r--    1 ftp      ftp          1234 Mar 09 14:05 notes.txt");
        assertEquals(Instant.parse("2026-03-09T14:05:00Z"), recent.modified());
        RemoteEntry lastYear = parser.parse("-rw-r--r--    1 ftp      ftp          1234 Dec 24 08:00 xmas.txt");
        assertEquals(Instant.parse("2025-12-24T08:00:00Z"), lastYear.modified());
        RemoteEntry old = parser.parse("-rw-r--r--    1 ftp      ftp          1234 Feb 29  2024 leap.txt");
        assertEquals(Instant.parse("2024-02-29T00:00:00Z"), old.modified());
    }

    @Test
    void namesKeepTheirSpacesAndLinksTheirTargets() {
        RemoteEntry spaced = parser.parse("drwxr-x---    2 1000     1000         4096 Jan 05  2025   two  spaces ");
        assertEquals("  two  spaces ", spaced.name());
        assertEquals(EntryKind.DIRECTORY, spaced.kind());
        assertEquals("rwxr-x---", spaced.permissions());
        RemoteEntry link = parser.parse("lrwxrwxrwx    1 0        0               7 Jan 05  2025 latest -> v1.2");
        assertEquals("latest", link.name());
        assertEquals("v1.2", link.linkTarget());
        assertEquals(EntryKind.SYMLINK, link.kind());
    }

    @Test
    void declinesWhatItDoesNotRecognise() {
        for (String line : List.of(
                "total 12",
                "-rw-r--r-- 1 ftp 1234 Mar 01  2021 no-group.txt",
                "01-15-24  10:30AM       <DIR>          Reports",
                "-rw-r--r--    1 ftp      ftp          12x4 Mar 09 14:05 badsize",
                "-rw-r--r--    1 ftp      ftp          1234 Foo 09 14:05 badmonth",
                "-rw-r--r--    1 ftp      ftp          1234 Feb 30  2021 impossible-date",
                "xrw-r--r--    1 ftp      ftp          1234 Mar 09 14:05 badtype")) {
            assertNull(parser.parse(line), line);
        }
    }

    @Test
    void linesItDeclinesStillReachCommonsNet() {
        ListingResult r = ListingParser.parseList(List.of("-rw-r--r-- 1 ftp 1234 Mar 01  2021 no-group.txt"), "UNIX");
        assertEquals(1, r.entries().size(), r.unparsed().toString());
        assertEquals("no-group.txt", r.entries().get(0).name());
    }

    /** Found by ListingFuzzTest: a size or day past long/int range threw NumberFormatException out of the listing. */
    @Test
    void declinesNumbersPastTheirRangeInsteadOfThrowing() {
        assertNull(parser.parse("-rw-r--r--    1 bob staff 12345679999999999999 Mar 15  2021 huge.bin"));
        assertNull(parser.parse("-rw-r--r--    1 bob staff 1234 Mar 99999999999  2021 day.bin"));
        assertNull(parser.parse("-rw-r--r--    1 bob staff \u0661\u0662 Mar 15  2021 arabic-digits.bin"));
        assertEquals(999_999_999_999_999_999L,
                parser.parse("-rw-r--r--    1 bob staff 999999999999999999 Mar 15  2021 big.bin").size());
    }
}
