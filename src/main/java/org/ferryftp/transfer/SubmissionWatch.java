package org.ferryftp.transfer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Follows one submission through the queue: its items, and every item a directory among them expands into, until
 * all have finished (done, failed, skipped or cancelled; a paused one is waited for). Then it completes with their
 * last snapshots, in the order they finished, and stops listening.
 */
final class SubmissionWatch implements QueueListener {

    private final int expected;
    private final Consumer<QueueListener> unregister;
    private final CompletableFuture<List<ItemSnapshot>> done = new CompletableFuture<>();
    /** Every id of the submission, its items' descendants included. */
    private final Set<Long> mine = new HashSet<>();
    private final Set<Long> open = new HashSet<>();
    private final Map<Long, ItemSnapshot> finished = new LinkedHashMap<>();
    private int tracked;

    /** @param expected how many top items the submission makes; it cannot complete before all are tracked */
    SubmissionWatch(int expected, Consumer<QueueListener> unregister) {
        this.expected = expected;
        this.unregister = unregister;
    }

    CompletableFuture<List<ItemSnapshot>> done() {
        return done;
    }

    /** A top item of the submission, told under the queue's lock before it can start. */
    synchronized void track(long id) {
        mine.add(id);
        if (!finished.containsKey(id)) {
            open.add(id);
        }
        tracked++;
        completeIfFinished();
    }

    @Override
    public synchronized void itemsAdded(List<ItemSnapshot> items) {
        for (ItemSnapshot s : items) {
            // An addition is told after the lock is let go: its child may have finished, and said so, first.
            if (!finished.containsKey(s.id())) {
                note(s);
            }
        }
        completeIfFinished();
    }

    @Override
    public synchronized void itemChanged(ItemSnapshot item) {
        note(item);
        completeIfFinished();
    }

    @Override
    public void itemsRemoved(List<Long> ids) {
        // Only finished items leave the queue's history: nothing to wait for.
    }

    private void note(ItemSnapshot s) {
        if (!mine.contains(s.id()) && !mine.contains(s.parentId())) {
            return;
        }
        mine.add(s.id());
        if (s.state().isFinished()) {
            open.remove(s.id());
            finished.remove(s.id());
            finished.put(s.id(), s);
        } else {
            open.add(s.id()); // waiting again after a retry
            finished.remove(s.id());
        }
    }

    private void completeIfFinished() {
        if (tracked == expected && open.isEmpty() && !done.isDone()) {
            unregister.accept(this);
            done.complete(new ArrayList<>(finished.values()));
        }
    }
}
