package org.ferryftp.ui.queue;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.ProgressThrottle;
import org.ferryftp.transfer.QueueListener;
import org.ferryftp.transfer.TransferQueue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The queue view's model: mirrors a {@link TransferQueue} as three observable row lists (one per tab) and a
 * {@link QueueSummary}, and offers the user's commands. It never touches controls.
 *
 * <p>Threading: the queue reports on worker threads. Events are coalesced by item id in an
 * {@link UpdateBatcher}; a {@link ProgressThrottle} hands at most ten batches a second to {@code fx} (the FX
 * thread in the app, the test thread in tests), never one runnable per event. Commands go to
 * {@code background} because pausing a running transfer aborts a socket, which must not stall the UI.
 * Everything observable is read and written on the {@code fx} executor only.
 */
public final class QueueViewModel implements AutoCloseable {

    /** Large enough for normal bursts, small enough that one batch stays well under 100 ms even on a slow machine (about 10 ms here). */
    static final int MAX_PER_BATCH = 5_000;

    private final TransferQueue queue;
    private final UpdateBatcher batcher;
    private final ProgressThrottle<Boolean> throttle;
    private final QueueListener listener;
    private final Map<Long, QueueRow> rows = new HashMap<>();
    private final Map<QueueTab, ObservableList<QueueRow>> tabs = new EnumMap<>(QueueTab.class);
    private final Map<QueueTab, ObservableList<QueueRow>> readOnlyTabs = new EnumMap<>(QueueTab.class);
    private final SummaryTally tally = new SummaryTally();
    private final ReadOnlyObjectWrapper<QueueSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary",
            QueueSummary.EMPTY);
    private final List<Consumer<BatchOutcome>> batchListeners = new CopyOnWriteArrayList<>();
    private final QueueCommands commands;
    private int batches;
    // Finished and failed counts when the queue was last idle; history present at start is not news.
    private int idleFinished;
    private int idleTransferred;
    private int idleFailed;

    /**
     * @param queue      the queue to show and control
     * @param fx         runs batches on the UI thread ({@code Platform::runLater} in the app)
     * @param background runs commands off the UI thread
     * @param scheduler  runs the throttle's trailing flush
     * @param nanoTime   monotonic clock for the throttle
     */
    public QueueViewModel(TransferQueue queue, Executor fx, Executor background, ProgressThrottle.Scheduler scheduler,
                          LongSupplier nanoTime) {
        this.queue = queue;
        for (QueueTab t : QueueTab.values()) {
            ObservableList<QueueRow> list = FXCollections.observableArrayList();
            tabs.put(t, list);
            readOnlyTabs.put(t, FXCollections.unmodifiableObservableList(list));
        }
        this.throttle = new ProgressThrottle<>(b -> applyBatch(), fx, scheduler, nanoTime,
                ProgressThrottle.DEFAULT_PER_SECOND);
        this.batcher = new UpdateBatcher(() -> throttle.offer(Boolean.TRUE), MAX_PER_BATCH);
        this.listener = batcher;
        this.commands = new QueueCommands(queue, background, tabs.get(QueueTab.QUEUE));
        // Listen first, then read the snapshot: an item changed in between arrives twice, which the
        // batcher's per-id map absorbs, instead of being missed.
        queue.addListener(listener);
        List<ItemSnapshot> existing = queue.snapshot();
        for (ItemSnapshot s : existing) {
            QueueTab tab = QueueTab.of(s.state());
            idleFinished += tab == QueueTab.DONE && !s.directory() ? 1 : 0;
            idleTransferred += s.state() instanceof ItemState.Done && !s.directory() ? 1 : 0;
            idleFailed += tab == QueueTab.FAILED ? 1 : 0;
        }
        batcher.put(existing);
    }

    /** Rows of one tab, in queue order. Read on the FX thread. */
    public ObservableList<QueueRow> rows(QueueTab tab) {
        return readOnlyTabs.get(tab);
    }

    public ReadOnlyObjectProperty<QueueSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public QueueSummary summary() {
        return summary.get();
    }

    /** Told on the FX thread when the queue runs dry after some work. */
    public void addBatchListener(Consumer<BatchOutcome> l) {
        batchListeners.add(l);
    }

    public void removeBatchListener(Consumer<BatchOutcome> l) {
        batchListeners.remove(l);
    }

    /** The user's commands (pause, resume, cancel, retry, priority, order, history). */
    public QueueCommands commands() {
        return commands;
    }

    /** How many batches reached the FX side so far; for tests and diagnostics. */
    public int batchCount() {
        return batches;
    }

    /** For tests that feed synthetic events. */
    QueueListener listener() {
        return listener;
    }

    /** Runs on the fx executor: applies one coalesced batch to rows, tabs and summary. */
    private void applyBatch() {
        UpdateBatcher.Batch batch = batcher.drain();
        if (batch.more()) {
            // Leave the rest for the next pulse so the UI stays responsive during a huge burst.
            throttle.offer(Boolean.TRUE);
        }
        if (batch.isEmpty()) {
            return;
        }
        batches++;
        Map<QueueTab, Set<QueueRow>> leaving = new EnumMap<>(QueueTab.class);
        Map<QueueTab, List<QueueRow>> arriving = new EnumMap<>(QueueTab.class);
        for (Long id : batch.removed()) {
            QueueRow row = rows.remove(id);
            if (row != null) {
                tally.remove(row.snapshot());
                leaving.computeIfAbsent(row.tab(), t -> new HashSet<>()).add(row);
            }
        }
        for (ItemSnapshot s : batch.updates()) {
            QueueRow row = rows.get(s.id());
            if (row == null) {
                row = new QueueRow(s);
                rows.put(s.id(), row);
                arriving.computeIfAbsent(row.tab(), t -> new ArrayList<>()).add(row);
            } else {
                QueueTab before = row.tab();
                tally.remove(row.snapshot());
                row.update(s);
                QueueTab after = row.tab();
                if (before != after) {
                    leaving.computeIfAbsent(before, t -> new HashSet<>()).add(row);
                    arriving.computeIfAbsent(after, t -> new ArrayList<>()).add(row);
                }
            }
            tally.add(s);
        }
        // One removeAll and one addAll per tab: a single list change each, however many rows moved.
        leaving.forEach((tab, set) -> removeRows(tabs.get(tab), set));
        arriving.forEach((tab, list) -> tabs.get(tab).addAll(list));
        QueueSummary now = tally.summary();
        summary.set(now);
        noticeIdle(now);
    }

    /**
     * ObservableList.removeAll removes index by index (O(rows × removed)): 20,000 rows leaving a 100,000-row
     * tab took about a second. Past a small count the tab is rebuilt in one pass instead; that one
     * replacement change may drop the table's selection, which is acceptable for such bulk moves.
     */
    private static void removeRows(ObservableList<QueueRow> list, Set<QueueRow> gone) {
        if (gone.size() <= 64) {
            list.removeAll(gone);
            return;
        }
        List<QueueRow> kept = new ArrayList<>(Math.max(0, list.size() - gone.size()));
        for (QueueRow r : list) {
            if (!gone.contains(r)) {
                kept.add(r);
            }
        }
        list.setAll(kept);
    }

    /**
     * Announces a finished stretch of work. Compares with the counts at the last idle moment rather than
     * watching for a busy phase, because a few small files can be queued, run and finish within one batch.
     * Counts that drop (retry, clear history) lower the baseline so later increases are still seen.
     */
    private void noticeIdle(QueueSummary now) {
        idleFinished = Math.min(idleFinished, now.finishedFiles());
        idleTransferred = Math.min(idleTransferred, now.transferredFiles());
        idleFailed = Math.min(idleFailed, now.failed());
        if (!now.isIdle()) {
            return;
        }
        int transferred = now.transferredFiles() - idleTransferred;
        int notTransferred = now.finishedFiles() - idleFinished - transferred;
        int errors = now.failed() - idleFailed;
        idleFinished = now.finishedFiles();
        idleTransferred = now.transferredFiles();
        idleFailed = now.failed();
        if (transferred > 0 || notTransferred > 0 || errors > 0) {
            BatchOutcome outcome = new BatchOutcome(errors > 0, transferred, Math.max(0, notTransferred), errors);
            batchListeners.forEach(l -> l.accept(outcome));
        }
    }

    /** Stops listening to the queue (the queue itself belongs to the caller). */
    @Override
    public void close() {
        queue.removeListener(listener);
    }
}
