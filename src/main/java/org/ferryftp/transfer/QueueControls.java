package org.ferryftp.transfer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The user's controls over queued items: pause, cancel, resume, retry, priority, order and history. Works
 * on the queue's own state under the queue's lock; {@link TransferQueue} owns that state and the threads.
 */
final class QueueControls {

    private final QueueState state;
    private final ItemRunner runner;
    private final Runnable dispatch;
    private final Consumer<TransferItem> remember;

    /**
     * @param dispatch starts waiting items (called outside the lock)
     * @param remember records a finished item in the bounded history (called under the lock)
     */
    QueueControls(QueueState state, ItemRunner runner, Runnable dispatch, Consumer<TransferItem> remember) {
        this.state = state;
        this.runner = runner;
        this.dispatch = dispatch;
        this.remember = remember;
    }

    /** Moves items (and the waiting contents of directories) to paused or cancelled; running ones are stopped. */
    void control(Collection<Long> itemIds, ItemState target) {
        List<TransferItem> changed = new ArrayList<>();
        List<Runnable> aborts = new ArrayList<>();
        synchronized (state.lock()) {
            for (long id : state.items().withDescendants(itemIds)) {
                TransferItem i = state.items().get(id);
                if (i == null || i.state.isFinished()) {
                    continue;
                }
                if (i.state instanceof ItemState.Running) {
                    i.stopRequest = target;
                    Runnable abort = state.aborters().get(id);
                    if (abort != null) {
                        aborts.add(abort);
                    }
                } else if (!(i.state instanceof ItemState.Paused && target == ItemState.PAUSED)) {
                    state.order().remove(i);
                    i.state = target;
                    if (target == ItemState.CANCELLED) {
                        runner.discardPartial(i);
                        remember.accept(i);
                    }
                    changed.add(i);
                }
            }
            state.lock().notifyAll();
        }
        aborts.forEach(Runnable::run);
        changed.forEach(state.events()::changed);
    }

    void resume(Collection<Long> itemIds) {
        List<TransferItem> changed = new ArrayList<>();
        synchronized (state.lock()) {
            for (long id : state.items().withDescendants(itemIds)) {
                TransferItem i = state.items().get(id);
                if (i != null && i.state instanceof ItemState.Paused) {
                    i.state = ItemState.QUEUED;
                    state.order().addLast(i);
                    changed.add(i);
                }
            }
        }
        changed.forEach(state.events()::changed);
        dispatch.run();
    }

    void retry(Collection<Long> itemIds) {
        List<TransferItem> changed = new ArrayList<>();
        synchronized (state.lock()) {
            for (long id : itemIds) {
                TransferItem i = state.items().get(id);
                if (i != null && (i.state instanceof ItemState.Failed || i.state instanceof ItemState.Cancelled)) {
                    i.state = ItemState.QUEUED;
                    i.attempts = 0;
                    state.items().unfinished(id);
                    state.order().addLast(i);
                    changed.add(i);
                }
            }
        }
        changed.forEach(state.events()::changed);
        dispatch.run();
    }

    List<Long> allIds() {
        synchronized (state.lock()) {
            return state.items().ids();
        }
    }

    void setPriority(long id, Priority priority) {
        TransferItem i;
        synchronized (state.lock()) {
            i = state.items().get(id);
            if (i == null) {
                return;
            }
            state.order().reprioritize(i, priority);
        }
        state.events().changed(i);
        dispatch.run();
    }

    void move(long id, int delta) {
        synchronized (state.lock()) {
            TransferItem i = state.items().get(id);
            if (i != null) {
                state.order().move(i, delta);
            }
        }
    }

    void clearHistory() {
        List<Long> removed;
        synchronized (state.lock()) {
            removed = state.items().clearFinished();
        }
        state.events().removed(removed);
    }
}
