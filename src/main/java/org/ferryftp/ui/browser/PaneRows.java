package org.ferryftp.ui.browser;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ferryftp.ui.browser.Listing.RowFilter;
import org.ferryftp.ui.concurrent.UiExecutor;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The rows of a pane's directory: all of them kept sorted in the table's order, and the ones that
 * pass the filter box and the hidden-files toggle, which the table shows. UI thread only.
 */
final class PaneRows {

    /** Above this many rows a new column order is applied off the UI thread. */
    private static final int SORT_IN_BACKGROUND = 20_000;

    private final UiExecutor executor;
    private final Consumer<Boolean> busy;
    private final RowMarks marks;
    private final ReadOnlyObjectWrapper<List<FileRow>> all = new ReadOnlyObjectWrapper<>(this, "all", List.of());
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final BooleanProperty showHidden = new SimpleBooleanProperty(this, "showHidden", false);
    /** What the table shows. Replaced with one setAll; no FilteredList/SortedList chain to re-evaluate. */
    private final ObservableList<FileRow> visibleRows = FXCollections.observableArrayList();
    private final ObservableList<FileRow> visibleView = FXCollections.unmodifiableObservableList(visibleRows);
    private final ObservableList<String> unparsed = FXCollections.observableArrayList();
    private final ObservableList<String> unparsedView = FXCollections.unmodifiableObservableList(unparsed);
    /** All rows of the directory, kept sorted by {@link #order}, so filtering never needs a sort. */
    private List<FileRow> allRows = List.of();
    private Comparator<? super FileRow> order = FileRows.directoriesFirst(null);
    private Comparator<FileRow> columnOrder;

    PaneRows(UiExecutor executor, Consumer<Boolean> busy, RowMarks marks) {
        this.executor = executor;
        this.busy = busy;
        this.marks = marks;
        filter.addListener((o, a, b) -> refilter());
        showHidden.addListener((o, a, b) -> refilter());
        marks.hideSameProperty().addListener((o, a, b) -> refilter());
        marks.marksProperty().addListener((o, a, b) -> {
            if (marks.hideSameProperty().get()) {
                refilter();
            }
        });
    }

    /** All rows of the directory (what a comparison compares), replaced whenever they change. */
    ReadOnlyObjectProperty<List<FileRow>> allProperty() {
        return all.getReadOnlyProperty();
    }

    StringProperty filterProperty() {
        return filter;
    }

    BooleanProperty showHiddenProperty() {
        return showHidden;
    }

    ObservableList<FileRow> visible() {
        return visibleView;
    }

    ObservableList<String> unparsed() {
        return unparsedView;
    }

    int total() {
        return allRows.size();
    }

    Comparator<? super FileRow> order() {
        return order;
    }

    /** The filter as a value a background task can take along. */
    RowFilter rowFilter() {
        String f = filter.get() == null ? "" : filter.get().trim().toLowerCase(Locale.ROOT);
        return new RowFilter(f, showHidden.get());
    }

    void clear() {
        allRows = List.of();
        all.set(allRows);
        visibleRows.clear();
        unparsed.clear();
    }

    /** Sets the table's column order; folders stay first. */
    void setColumnOrder(Comparator<FileRow> newOrder) {
        // The table re-applies its order on every items change; re-sorting 100k rows each time would stall.
        if (Objects.equals(newOrder, columnOrder)) {
            return;
        }
        columnOrder = newOrder;
        order = FileRows.directoriesFirst(newOrder);
        Comparator<? super FileRow> wanted = order;
        List<FileRow> rows = allRows;
        if (rows.size() < SORT_IN_BACKGROUND) {
            allRows = Listing.sorted(rows, wanted);
            all.set(allRows);
            refilter();
            return;
        }
        // Big directories are re-sorted off the UI thread; the table keeps its old order meanwhile.
        busy.accept(true);
        executor.execute(() -> Listing.sorted(rows, wanted), result -> {
            busy.accept(false);
            if (allRows == rows && order == wanted) {
                allRows = result;
                all.set(allRows);
                refilter();
            }
        }, failure -> busy.accept(false));
    }

    /** The listing in the current order (re-sorted when the order changed while it loaded). */
    Listing inCurrentOrder(Listing listing) {
        return listing.order() == order ? listing
                : new Listing(listing.path(), Listing.sorted(listing.rows(), order), listing.unparsed(), order, null,
                null);
    }

    /** Shows {@code l}, which must be in the current order. */
    void show(Listing l) {
        allRows = l.rows();
        all.set(allRows);
        if (l.visible() != null && rowFilter().equals(l.filter()) && marks.keep(l.visible()) == l.visible()) {
            visibleRows.setAll(l.visible());
        } else {
            refilter();
        }
        unparsed.setAll(l.unparsed());
    }

    /** Shows the part of a directory listed so far, unless the order changed meanwhile (the rest brings it). */
    boolean showPart(Listing part) {
        if (part.order() != order) {
            return false;
        }
        show(part);
        return true;
    }

    /** Names of the sub-folders in {@code l}, hidden ones only when shown. */
    List<String> folderNames(Listing l) {
        return l.rows().stream().filter(FileRow::isDirectory).map(FileRow::name)
                .filter(n -> showHidden.get() || !n.startsWith("."))
                .sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    /** Rows that only the hidden-files toggle keeps out of the table (the filter box aside). */
    int hiddenCount() {
        if (showHidden.get()) {
            return 0;
        }
        int n = 0;
        for (FileRow r : allRows) {
            if (r.entry().isHidden()) {
                n++;
            }
        }
        return n;
    }

    private void refilter() {
        visibleRows.setAll(marks.keep(rowFilter().apply(allRows)));
    }
}
