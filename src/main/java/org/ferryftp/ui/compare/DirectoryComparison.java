package org.ferryftp.ui.compare;

import org.ferryftp.fs.FileEntry;
import org.ferryftp.transfer.sync.SyncRules;
import org.ferryftp.ui.browser.RowMark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two directories by name, then size and modification time through the mirror's {@link SyncRules} (its
 * tolerance, its time offset, and the coarser precision of the two listings). Pure; safe on any thread.
 */
public final class DirectoryComparison {

    /**
     * The marks of each side's entries, and how many of each kind.
     *
     * @param left  mark of each left entry by name
     * @param right mark of each right entry by name
     */
    public record Result(Map<String, RowMark> left, Map<String, RowMark> right) {

        public static final Result NONE = new Result(Map.of(), Map.of());

        public long count(Map<String, RowMark> side, RowMark mark) {
            return side.values().stream().filter(m -> m == mark).count();
        }
    }

    private DirectoryComparison() {
    }

    /**
     * @param rules {@code targetOffset} is added to the right side's times (the right site's offset less the left's)
     */
    public static Result compare(List<FileEntry> left, List<FileEntry> right, SyncRules rules) {
        Map<String, FileEntry> rightByName = new HashMap<>(right.size() * 2);
        for (FileEntry e : right) {
            rightByName.put(e.name(), e);
        }
        Map<String, RowMark> leftMarks = new HashMap<>(left.size() * 2);
        Map<String, RowMark> rightMarks = new HashMap<>(right.size() * 2);
        for (FileEntry l : left) {
            FileEntry r = rightByName.remove(l.name());
            if (r == null) {
                leftMarks.put(l.name(), RowMark.ONLY_HERE);
                continue;
            }
            RowMark[] marks = marks(l, r, rules);
            leftMarks.put(l.name(), marks[0]);
            rightMarks.put(r.name(), marks[1]);
        }
        for (String name : rightByName.keySet()) {
            rightMarks.put(name, RowMark.ONLY_HERE);
        }
        return new Result(leftMarks, rightMarks);
    }

    private static RowMark[] marks(FileEntry l, FileEntry r, SyncRules rules) {
        if (l.isDirectory() || r.isDirectory()) {
            RowMark m = l.isDirectory() == r.isDirectory() ? RowMark.SAME : RowMark.SIZE_DIFFERS;
            return new RowMark[] {m, m};
        }
        return switch (rules.compare(l, r)) {
            case SAME -> new RowMark[] {RowMark.SAME, RowMark.SAME};
            case SIZE_DIFFERS -> new RowMark[] {RowMark.SIZE_DIFFERS, RowMark.SIZE_DIFFERS};
            case SOURCE_NEWER -> new RowMark[] {RowMark.NEWER, RowMark.OLDER};
            case TARGET_NEWER -> new RowMark[] {RowMark.OLDER, RowMark.NEWER};
        };
    }
}
