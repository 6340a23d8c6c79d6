package org.ferryftp.transfer.sync;

import org.ferryftp.fs.FileEntry;
import org.ferryftp.session.EntryKind;
import org.ferryftp.session.TimePrecision;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.ferryftp.transfer.sync.SyncRules.Difference.SAME;
import static org.ferryftp.transfer.sync.SyncRules.Difference.SIZE_DIFFERS;
import static org.ferryftp.transfer.sync.SyncRules.Difference.SOURCE_NEWER;
import static org.ferryftp.transfer.sync.SyncRules.Difference.TARGET_NEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison a mirror and the directory comparison share. */
class SyncRulesTest {

    static FileEntry file(long size, String time) {
        return new FileEntry("f", EntryKind.FILE, size, time == null ? null : Instant.parse(time), "", "", "", null);
    }

    final SyncRules rules = SyncRules.DEFAULT;

    @Test
    void sizeFirstThenTimeWithinOneSecond() {
        assertEquals(SIZE_DIFFERS, rules.compare(file(1, "2024-01-01T10:00:00Z"), file(2, "2024-01-01T10:00:00Z")));
        assertEquals(SAME, rules.compare(file(1, "2024-01-01T10:00:00.400Z"), file(1, "2024-01-01T10:00:01Z")));
        assertEquals(SOURCE_NEWER, rules.compare(file(1, "2024-01-01T10:00:03Z"), file(1, "2024-01-01T10:00:01Z")));
        assertEquals(TARGET_NEWER, rules.compare(file(1, "2024-01-01T10:00:01Z"), file(1, "2024-01-01T10:00:03Z")));
        assertEquals(SAME, rules.compare(file(1, null), file(1, "2024-01-01T10:00:03Z")), "no time: size decides");
        assertEquals(SAME, rules.compare(file(-1, "2024-01-01T10:00:03Z"), file(7, "2024-01-01T10:00:03Z")),
                "no size: time decides");
    }

    @Test
    void timesAreComparedAtTheCoarserPrecisionOfTheTwoSides() {
        // A LIST gives minutes for recent files: 10:07:42 locally is 10:07 there, the same file.
        assertEquals(SAME, rules.compare(file(5, "2024-01-01T10:07:42Z"), file(5, "2024-01-01T10:07:00Z")));
        assertEquals(SOURCE_NEWER, rules.compare(file(5, "2024-01-01T10:08:01Z"), file(5, "2024-01-01T10:07:00Z")));
        // And days for old ones.
        assertEquals(SAME, rules.compare(file(5, "2019-03-04T17:07:42Z"), file(5, "2019-03-04T00:00:00Z")));
        assertEquals(TARGET_NEWER, rules.compare(file(5, "2019-03-04T17:07:42Z"), file(5, "2019-03-05T00:00:00Z")));
    }

    @Test
    void aServerInAnotherTimeZoneIsMovedByTheOffset() {
        FileEntry local = file(5, "2024-01-01T10:00:00.5Z");
        FileEntry listedAnHourAhead = file(5, "2024-01-01T11:00:00.5Z");
        assertEquals(TARGET_NEWER, rules.compare(local, listedAnHourAhead));
        assertEquals(SAME, rules.withTargetOffset(Duration.ofHours(-1)).compare(local, listedAnHourAhead));
    }

    static FileEntry dated(long size, String day) {
        return new FileEntry("f", EntryKind.FILE, size, Instant.parse(day + "T00:00:00Z"), "", "", "", null,
                TimePrecision.DAY);
    }

    @Test
    void aDateOnlyListingIsComparedByDateEvenWithAnOffset() {
        // The server lists 2019-03-04 for a file written 2019-03-04 23:30 on its clock, one hour ahead of UTC.
        FileEntry local = file(5, "2019-03-04T22:30:00Z");
        SyncRules anHourAhead = rules.withTargetOffset(Duration.ofHours(-1));
        assertEquals(SAME, anHourAhead.compare(local, dated(5, "2019-03-04")),
                "the offset must not move a date-only time off its day");
        assertEquals(TARGET_NEWER, anHourAhead.compare(local, dated(5, "2019-03-05")));
        assertEquals(SOURCE_NEWER, anHourAhead.compare(file(5, "2019-03-04T23:30:00Z"), dated(5, "2019-03-04")),
                "00:30 the next day on the server's clock");
    }

    @Test
    void aMinutePrecisionEntryIsComparedToTheMinuteWhateverItsTime() {
        FileEntry minutes = new FileEntry("f", EntryKind.FILE, 5, Instant.parse("2024-01-01T10:07:00Z"), "", "", "",
                null, TimePrecision.MINUTE);
        assertEquals(SAME, rules.withTargetOffset(Duration.ofSeconds(-30))
                .compare(file(5, "2024-01-01T10:06:42Z"), minutes), "10:06:30 is still the minute 10:06");
    }

    @Test
    void globsMatchNamesOrWithASlashRelativePaths() {
        SyncRules r = rules.withFilters(List.of("*.html", "*.css"), List.of("*.bak", "build/tmp"));
        assertTrue(r.considers("index.html", false));
        assertTrue(r.considers("docs/a.css", false));
        assertFalse(r.considers("docs/a.js", false), "not included");
        assertTrue(r.considers("docs", true), "directories are walked for included files");
        assertFalse(r.considers("old.html.bak", false));
        assertFalse(r.considers("build/tmp", true), "excluded by path");
        assertTrue(r.considers("other/build/tmp", true), "a path glob matches from the root");
    }
}
