package org.ferryftp.ui.browser;

import org.ferryftp.fs.DirectoryListing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A directory ready for display, built off the UI thread: all rows sorted, plus the rows that pass
 * the filter the pane had when the listing was requested (so the hand-over is a single setAll).
 *
 * @param order   the order {@code rows} are sorted in
 * @param filter  the filter {@code visible} was computed with, or null when not computed
 * @param visible the rows passing {@code filter}, or null
 */
record Listing(String path, List<FileRow> rows, List<String> unparsed, Comparator<? super FileRow> order,
               RowFilter filter, List<FileRow> visible) {

    /** The filter text (lower case) and hidden-files toggle, as one value a background task can take along. */
    record RowFilter(String text, boolean showHidden) {

        boolean accepts(FileRow r) {
            return (showHidden || !r.entry().isHidden()) && (text.isEmpty() || r.lowerName().contains(text));
        }

        List<FileRow> apply(List<FileRow> rows) {
            List<FileRow> shown = new ArrayList<>(rows.size());
            for (FileRow r : rows) {
                if (accepts(r)) {
                    shown.add(r);
                }
            }
            return shown;
        }
    }

    static Listing build(DirectoryListing d, FileRows fileRows, Comparator<? super FileRow> order, RowFilter filter) {
        List<FileRow> all = sorted(fileRows.rows(d.entries()), order);
        return new Listing(d.path(), all, d.unparsed(), order, filter, filter.apply(all));
    }

    static List<FileRow> sorted(List<FileRow> rows, Comparator<? super FileRow> order) {
        List<FileRow> copy = new ArrayList<>(rows);
        copy.sort(order);
        return List.copyOf(copy);
    }
}
