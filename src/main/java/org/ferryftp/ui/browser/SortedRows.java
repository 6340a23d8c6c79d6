package org.ferryftp.ui.browser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Rows of a directory that arrives in batches, kept sorted: each batch is sorted and merged in, so the
 * result always equals a stable sort of all the rows so far in arrival order (what a whole listing
 * gives). Each merge makes a new list, so a list handed out never changes. One thread at a time.
 */
final class SortedRows {

    private final Comparator<? super FileRow> order;
    private List<FileRow> rows = List.of();
    private final List<String> unparsed = new ArrayList<>();

    SortedRows(Comparator<? super FileRow> order) {
        this.order = order;
    }

    void add(List<FileRow> batch, List<String> unparsedLines) {
        List<FileRow> sorted = new ArrayList<>(batch);
        sorted.sort(order);
        rows = Collections.unmodifiableList(rows.isEmpty() ? sorted : merge(rows, sorted));
        unparsed.addAll(unparsedLines);
    }

    /** All rows so far, sorted; never changes afterwards. */
    List<FileRow> rows() {
        return rows;
    }

    /** The unparsed lines so far, as an unchanging copy. */
    List<String> unparsed() {
        return List.copyOf(unparsed);
    }

    Comparator<? super FileRow> order() {
        return order;
    }

    /** Merges two sorted lists; on ties the earlier list's row comes first, as a stable sort would put it. */
    private List<FileRow> merge(List<FileRow> earlier, List<FileRow> later) {
        List<FileRow> out = new ArrayList<>(earlier.size() + later.size());
        int i = 0;
        int j = 0;
        while (i < earlier.size() && j < later.size()) {
            if (order.compare(earlier.get(i), later.get(j)) <= 0) {
                out.add(earlier.get(i++));
            } else {
                out.add(later.get(j++));
            }
        }
        out.addAll(earlier.subList(i, earlier.size()));
        out.addAll(later.subList(j, later.size()));
        return out;
    }
}
