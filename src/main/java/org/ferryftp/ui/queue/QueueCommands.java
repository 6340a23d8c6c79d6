package org.ferryftp.ui.queue;

import javafx.collections.ObservableList;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.TransferQueue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * What the user can do to queue items. Called on the FX thread with the selected rows; the queue calls go to
 * the background executor because pause and cancel abort running transfers (socket work). The resulting
 * state changes come back through the queue's listener like any other change.
 */
public final class QueueCommands {

    private final TransferQueue queue;
    private final Executor background;
    private final ObservableList<QueueRow> queueTab;

    QueueCommands(TransferQueue queue, Executor background, ObservableList<QueueRow> queueTab) {
        this.queue = queue;
        this.background = background;
        this.queueTab = queueTab;
    }

    public void pause(Collection<QueueRow> rows) {
        List<Long> ids = ids(rows);
        background.execute(() -> queue.pause(ids));
    }

    public void resume(Collection<QueueRow> rows) {
        List<Long> ids = ids(rows);
        background.execute(() -> queue.resume(ids));
    }

    public void cancel(Collection<QueueRow> rows) {
        List<Long> ids = ids(rows);
        background.execute(() -> queue.cancel(ids));
    }

    public void retry(Collection<QueueRow> rows) {
        List<Long> ids = ids(rows);
        background.execute(() -> queue.retry(ids));
    }

    /** Space bar: pauses when anything selected waits or runs, otherwise resumes the paused ones. */
    public void togglePause(Collection<QueueRow> rows) {
        boolean anyActive = rows.stream().anyMatch(r -> r.state() instanceof ItemState.Queued
                || r.state() instanceof ItemState.Running);
        if (anyActive) {
            pause(rows);
        } else {
            resume(rows);
        }
    }

    public void pauseAll() {
        background.execute(queue::pauseAll);
    }

    public void resumeAll() {
        background.execute(queue::resumeAll);
    }

    public void cancelAll() {
        background.execute(queue::cancelAll);
    }

    public void clearHistory() {
        background.execute(queue::clearHistory);
    }

    /** One level up (+1) or down (-1) of the five priorities, clamped. */
    public void changePriority(Collection<QueueRow> rows, int delta) {
        Priority[] levels = Priority.values();
        for (QueueRow r : rows) {
            int next = Math.max(0, Math.min(levels.length - 1, r.snapshot().priority().ordinal() + delta));
            Priority p = levels[next];
            long id = r.id();
            if (p != r.snapshot().priority()) {
                background.execute(() -> queue.setPriority(id, p));
            }
        }
    }

    /**
     * Moves waiting rows one place up (-1) or down (+1). The queue reorders silently (no event, and its
     * snapshot keeps insertion order), so the Queue tab is reordered here as well, by swapping each row with
     * its unselected neighbour.
     */
    public void move(Collection<QueueRow> rows, int delta) {
        if (delta != -1 && delta != 1) {
            throw new IllegalArgumentException("move by one place: " + delta);
        }
        Set<QueueRow> selected = new HashSet<>(rows);
        List<QueueRow> ordered = new ArrayList<>(rows);
        ordered.removeIf(r -> !(r.state() instanceof ItemState.Queued));
        Comparator<QueueRow> byIndex = Comparator.comparingInt(queueTab::indexOf);
        ordered.sort(delta < 0 ? byIndex : byIndex.reversed());
        for (QueueRow r : ordered) {
            int i = queueTab.indexOf(r);
            int j = i + delta;
            if (i < 0 || j < 0 || j >= queueTab.size() || selected.contains(queueTab.get(j))) {
                continue;
            }
            QueueRow other = queueTab.get(j);
            queueTab.set(j, r);
            queueTab.set(i, other);
            long id = r.id();
            background.execute(() -> queue.move(id, delta));
        }
    }

    private static List<Long> ids(Collection<QueueRow> rows) {
        return rows.stream().map(QueueRow::id).toList();
    }
}
