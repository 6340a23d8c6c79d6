package org.ferryftp.ui.compare;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.ferryftp.fs.FileEntry;
import org.ferryftp.transfer.sync.SyncRules;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.browser.FileRow;
import org.ferryftp.ui.browser.PaneViewModel;
import org.ferryftp.ui.browser.RowMark;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.concurrent.UiExecutor;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The directory comparison (a toggle): while on, both panes' rows carry a {@link RowMark} from
 * {@link DirectoryComparison}, recomputed whenever either pane's rows, either source, the tolerance or an offset
 * changes. Offsets are per site ({@link ComparisonSettings}); the local disk has none. Never touches controls.
 */
public final class ComparisonViewModel {

    private final UiExecutor executor;
    private final ObservableValue<PaneViewModel> left;
    private final ObservableValue<PaneViewModel> right;
    private final ComparisonSettings settings;
    private final Messages msg;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final BooleanProperty hideIdentical = new SimpleBooleanProperty(this, "hideIdentical");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyObjectWrapper<DirectoryComparison.Result> result =
            new ReadOnlyObjectWrapper<>(this, "result", DirectoryComparison.Result.NONE);
    private final ReadOnlyIntegerWrapper tolerance = new ReadOnlyIntegerWrapper(this, "toleranceSeconds");
    private final ReadOnlyIntegerWrapper leftOffset = new ReadOnlyIntegerWrapper(this, "leftOffsetMinutes");
    private final ReadOnlyIntegerWrapper rightOffset = new ReadOnlyIntegerWrapper(this, "rightOffsetMinutes");
    /** Counts comparisons started; a result that is not the latest's is dropped. */
    private long generation;

    public ComparisonViewModel(PaneViewModel left, PaneViewModel right, ComparisonSettings settings, Messages msg,
                               UiExecutor executor) {
        this(new SimpleObjectProperty<>(left), new SimpleObjectProperty<>(right), settings, msg, executor);
    }

    /**
     * Compares whichever pane each side shows now (a side's selected tab): a tab switch compares again.
     *
     * @param executor compares off the UI thread (100k rows a side take a few hundred milliseconds)
     */
    public ComparisonViewModel(ObservableValue<PaneViewModel> left, ObservableValue<PaneViewModel> right,
                               ComparisonSettings settings, Messages msg, UiExecutor executor) {
        this.executor = executor;
        this.left = left;
        this.right = right;
        this.settings = settings;
        this.msg = msg;
        tolerance.set((int) settings.tolerance().toSeconds());
        readOffsets();
        for (Observable o : List.of(active, tolerance, leftOffset, rightOffset)) {
            o.addListener(x -> recompute());
        }
        // Change listeners: a lazy flatMap tells of a change only to a listener that takes its value.
        for (ObservableValue<PaneViewModel> side : List.of(left, right)) {
            side.flatMap(PaneViewModel::allRowsProperty).addListener((o, a, b) -> recompute());
            side.flatMap(PaneViewModel::showHiddenProperty).addListener((o, a, b) -> recompute());
            side.flatMap(PaneViewModel::busyProperty).addListener((o, a, b) -> recompute());
        }
        left.flatMap(PaneViewModel::sourceProperty).addListener((o, a, b) -> readOffsets());
        right.flatMap(PaneViewModel::sourceProperty).addListener((o, a, b) -> readOffsets());
        // A pane whose tab is no longer shown keeps no marks.
        ChangeListener<PaneViewModel> switched = (o, was, now) -> {
            if (was != null) {
                was.marks().clear();
                was.marks().setHideSame(false);
            }
            readOffsets();
            recompute();
        };
        left.addListener(switched);
        right.addListener(switched);
        hideIdentical.addListener((o, a, hide) -> {
            left.getValue().marks().setHideSame(hide && active.get());
            right.getValue().marks().setHideSame(hide && active.get());
        });
    }

    /** On: both panes are compared. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** Files the same on both sides leave the tables (folders stay). */
    public BooleanProperty hideIdenticalProperty() {
        return hideIdentical;
    }

    /** "Left: 2 only here, 1 newer …" while on, else "". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DirectoryComparison.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty toleranceSecondsProperty() {
        return tolerance.getReadOnlyProperty();
    }

    /** The left pane's site's offset in minutes (0 for the local disk). */
    public ReadOnlyIntegerProperty leftOffsetMinutesProperty() {
        return leftOffset.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty rightOffsetMinutesProperty() {
        return rightOffset.getReadOnlyProperty();
    }

    public void setToleranceSeconds(int seconds) {
        settings.setTolerance(Duration.ofSeconds(Math.max(0, seconds)));
        tolerance.set((int) settings.tolerance().toSeconds());
    }

    /** Sets the offset of the site shown in one pane; the local disk keeps none. */
    public void setOffsetMinutes(boolean rightPane, int minutes) {
        String site = siteId((rightPane ? right : left).getValue());
        if (site == null) {
            return;
        }
        settings.setOffset(site, Duration.ofMinutes(minutes));
        readOffsets();
    }

    /**
     * The comparison's rules: its tolerance, and the right site's offset less the left's added to the right's times.
     * The Synchronize dialog plans with them, so both show the same differences.
     */
    public SyncRules rules() {
        return SyncRules.DEFAULT.withTolerance(Duration.ofSeconds(tolerance.get()))
                .withTargetOffset(Duration.ofMinutes((long) rightOffset.get() - leftOffset.get()));
    }

    /** Whether the pane shows a site (whose offset can be set). */
    public boolean showsSite(boolean rightPane) {
        return siteId((rightPane ? right : left).getValue()) != null;
    }

    /** The pane's shown rows that differ from the other side ("select differing"). */
    public List<FileRow> differing(boolean rightPane) {
        PaneViewModel pane = (rightPane ? right : left).getValue();
        return pane.rows().stream().filter(r -> {
            RowMark m = pane.marks().of(r);
            return m != null && m != RowMark.SAME;
        }).toList();
    }

    private void readOffsets() {
        leftOffset.set((int) settings.offset(siteId(left.getValue())).toMinutes());
        rightOffset.set((int) settings.offset(siteId(right.getValue())).toMinutes());
    }

    private static String siteId(PaneViewModel pane) {
        Source s = pane == null ? null : pane.sourceProperty().get();
        return s == null || s.isLocal() ? null : s.site().id();
    }

    private void recompute() {
        long gen = ++generation;
        PaneViewModel left = this.left.getValue();
        PaneViewModel right = this.right.getValue();
        if (!active.get() || left.pathProperty().get() == null || right.pathProperty().get() == null) {
            left.marks().clear();
            right.marks().clear();
            result.set(DirectoryComparison.Result.NONE);
            summary.set("");
            return;
        }
        if (left.busyProperty().get() || right.busyProperty().get()) {
            // A big folder arrives in parts: compare it once, when it is all there (the old marks stay meanwhile).
            return;
        }
        SyncRules rules = rules();
        List<FileEntry> l = entries(left);
        List<FileEntry> r = entries(right);
        executor.execute(() -> DirectoryComparison.compare(l, r, rules), done -> {
            if (gen == generation) {
                show(left, right, done);
            }
        }, failure -> summary.set(failure.toString()));
    }

    private void show(PaneViewModel left, PaneViewModel right, DirectoryComparison.Result r) {
        left.marks().set(r.left());
        right.marks().set(r.right());
        left.marks().setHideSame(hideIdentical.get());
        right.marks().setHideSame(hideIdentical.get());
        result.set(r);
        summary.set(msg.format("compare.summary", counts(r, r.left()), counts(r, r.right())));
    }

    private String counts(DirectoryComparison.Result r, Map<String, RowMark> side) {
        return msg.format("compare.counts", r.count(side, RowMark.ONLY_HERE), r.count(side, RowMark.NEWER),
                r.count(side, RowMark.SIZE_DIFFERS));
    }

    /** The pane's entries, hidden files only while it shows them (what is not shown is not compared or counted). */
    private static List<FileEntry> entries(PaneViewModel pane) {
        boolean hidden = pane.showHiddenProperty().get();
        return pane.allRowsProperty().get().stream().map(FileRow::entry).filter(e -> hidden || !e.isHidden()).toList();
    }
}
