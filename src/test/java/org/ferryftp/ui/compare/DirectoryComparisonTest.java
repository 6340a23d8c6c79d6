package org.ferryftp.ui.compare;

import org.ferryftp.fs.FileEntry;
import org.ferryftp.session.EntryKind;
import org.ferryftp.session.TimePrecision;
import org.ferryftp.transfer.sync.SyncRules;
import org.ferryftp.ui.browser.RowMark;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Names, sizes and times of two listings become marks on each side's rows. */
class DirectoryComparisonTest {

    static FileEntry file(String name, long size, String time) {
        return new FileEntry(name, EntryKind.FILE, size, Instant.parse(time), "", "", "", null);
    }

    static FileEntry dir(String name) {
        return new FileEntry(name, EntryKind.DIRECTORY, -1, null, "", "", "", null);
    }

    @Test
    void eachKindOfDifferenceOnBothSides() {
        List<FileEntry> left = List.of(file("same.txt", 10, "2024-05-01T10:00:00Z"),
                file("newer-left.txt", 10, "2024-05-01T12:00:00Z"),
                file("newer-right.txt", 10, "2024-05-01T10:00:00Z"),
                file("size.txt", 10, "2024-05-01T10:00:00Z"),
                file("left-only.txt", 1, "2024-05-01T10:00:00Z"),
                dir("both"), dir("left-dir"), dir("kind"));
        List<FileEntry> right = List.of(file("same.txt", 10, "2024-05-01T10:00:00.400Z"),
                file("newer-left.txt", 10, "2024-05-01T10:00:00Z"),
                file("newer-right.txt", 10, "2024-05-01T11:00:00Z"),
                file("size.txt", 11, "2024-05-01T10:00:00Z"),
                file("right-only.txt", 1, "2024-05-01T10:00:00Z"),
                dir("both"), file("kind", 3, "2024-05-01T10:00:00Z"));
        DirectoryComparison.Result r = DirectoryComparison.compare(left, right, SyncRules.DEFAULT);
        assertEquals(Map.of("same.txt", RowMark.SAME, "newer-left.txt", RowMark.NEWER,
                "newer-right.txt", RowMark.OLDER, "size.txt", RowMark.SIZE_DIFFERS, "left-only.txt", RowMark.ONLY_HERE,
                "both", RowMark.SAME, "left-dir", RowMark.ONLY_HERE, "kind", RowMark.SIZE_DIFFERS), r.left());
        assertEquals(Map.of("same.txt", RowMark.SAME, "newer-left.txt", RowMark.OLDER,
                "newer-right.txt", RowMark.NEWER, "size.txt", RowMark.SIZE_DIFFERS, "right-only.txt", RowMark.ONLY_HERE,
                "both", RowMark.SAME, "kind", RowMark.SIZE_DIFFERS), r.right());
        assertEquals(2, r.count(r.left(), RowMark.ONLY_HERE));
    }

    @Test
    void theToleranceAndTheRightSitesOffsetApply() {
        List<FileEntry> left = List.of(file("a", 5, "2024-05-01T10:00:01Z"));
        List<FileEntry> right = List.of(file("a", 5, "2024-05-01T12:00:06Z"));
        assertEquals(RowMark.NEWER, DirectoryComparison.compare(left, right, SyncRules.DEFAULT).right().get("a"));
        SyncRules twoHoursAhead = SyncRules.DEFAULT.withTargetOffset(Duration.ofHours(-2));
        assertEquals(RowMark.NEWER, DirectoryComparison.compare(left, right, twoHoursAhead).right().get("a"),
                "5 s apart is more than the default second");
        assertEquals(RowMark.SAME, DirectoryComparison.compare(left, right,
                twoHoursAhead.withTolerance(Duration.ofSeconds(10))).right().get("a"));
    }

    @Test
    void aDateOnlyListingComparesByDate() {
        List<FileEntry> left = List.of(file("old.tar", 5, "2019-03-04T17:07:42Z"));
        FileEntry dated = new FileEntry("old.tar", EntryKind.FILE, 5, Instant.parse("2019-03-04T00:00:00Z"), "", "",
                "", null, TimePrecision.DAY);
        assertEquals(RowMark.SAME, DirectoryComparison.compare(left, List.of(dated),
                SyncRules.DEFAULT.withTargetOffset(Duration.ofHours(-1))).left().get("old.tar"));
    }
}
