package org.ferryftp.transfer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The user's controls over queued items: pause, cancel, resume, retry, priority, order and history. Works
 * on the queue's own state under the queue's lock; {@link TransferQueue} owns that state and the threads.
 */
final class QueueControls {

    private final Object lock;
    private final ItemRegistry items;
    private final QueueOrder order;
    private final Map<Long, Runnable> aborters;
    private final QueueEvents events;
    private final ItemRunner runner;
    private final Runnable dispatch;
    private final Consumer<TransferItem> remember;

    /**
     * @param dispatch starts waiting items (called outside the lock)
     * @param remember records a finished item in the bounded history (called under the lock)
     */
    QueueControls(Object lock, ItemRegistry items, QueueOrder order, Map<Long, Runnable> aborters, QueueEvents events,
                  ItemRunner runner, Runnable dispatch, Consumer<TransferItem> remember) {
        this.lock = lock;
        this.items = items;
        this.order = order;
        this.aborters = aborters;
        this.events = events;
        this.runner = runner;
        this.dispatch = dispatch;
        this.remember = remember;
    }

    /** Moves items (and the waiting contents of directories) to paused or cancelled; running ones are stopped. */
    void control(Collection<Long> itemIds, ItemState target) {
        List<TransferItem> changed = new ArrayList<>();
        List<Runnable> aborts = new ArrayList<>();
        synchronized (lock) {
            for (long id : items.withDescendants(itemIds)) {
                TransferItem i = items.get(id);
                if (i == null || i.state.isFinished()) {
                    continue;
                }
                if (i.state instanceof ItemState.Running) {
                    i.stopRequest = target;
                    Runnable abort = aborters.get(id);
                    if (abort != null) {
                        aborts.add(abort);
                    }
                } else if (!(i.state instanceof ItemState.Paused && target == ItemState.PAUSED)) {
                    order.remove(i);
                    i.state = target;
                    if (target == ItemState.CANCELLED) {
                        runner.discardPartial(i);
                        remember.accept(i);
                    }
                    changed.add(i);
                }
            }
            lock.notifyAll();
        }
        aborts.forEach(Runnable::run);
        changed.forEach(events::changed);
    }

    void resume(Collection<Long> itemIds) {
        List<TransferItem> changed = new ArrayList<>();
        synchronized (lock) {
            for (long id : items.withDescendants(itemIds)) {
                TransferItem i = items.get(id);
                if (i != null && i.state instanceof ItemState.Paused) {
                    i.state = ItemState.QUEUED;
                    order.addLast(i);
                    changed.add(i);
                }
            }
        }
        changed.forEach(events::changed);
        dispatch.run();
    }

    void retry(Collection<Long> itemIds) {
        List<TransferItem> changed = new ArrayList<>();
        synchronized (lock) {
            for (long id : itemIds) {
                TransferItem i = items.get(id);
                if (i != null && (i.state instanceof ItemState.Failed || i.state instanceof ItemState.Cancelled)) {
                    i.state = ItemState.QUEUED;
                    i.attempts = 0;
                    items.unfinished(id);
                    order.addLast(i);
                    changed.add(i);
                }
            }
        }
        changed.forEach(events::changed);
        dispatch.run();
    }

    List<Long> allIds() {
        synchronized (lock) {
            return items.ids();
        }
    }

    void setPriority(long id, Priority priority) {
        TransferItem i;
        synchronized (lock) {
            i = items.get(id);
            if (i == null) {
                return;
            }
            order.reprioritize(i, priority);
        }
        events.changed(i);
        dispatch.run();
    }

    void move(long id, int delta) {
        synchronized (lock) {
            TransferItem i = items.get(id);
            if (i != null) {
                order.move(i, delta);
            }
        }
    }

    void clearHistory() {
        List<Long> removed;
        synchronized (lock) {
            removed = items.clearFinished();
        }
        events.removed(removed);
    }
}
