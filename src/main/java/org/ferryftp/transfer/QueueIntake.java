package org.ferryftp.transfer;

import org.ferryftp.fs.FileEntry;
import org.ferryftp.fs.Location;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Brings items into the queue under ids of its own: new requests, items a journal saved, and the children of
 * expanded directories. Works on the queue's state under the queue's lock, like {@link QueueControls}.
 */
final class QueueIntake {

    private final QueueState state;
    private final ItemFactory factory;
    private final Runnable dispatch;
    private final AtomicLong ids = new AtomicLong();

    /** @param dispatch starts waiting items (called outside the lock) */
    QueueIntake(QueueState state, ItemFactory factory, Runnable dispatch) {
        this.state = state;
        this.factory = factory;
        this.dispatch = dispatch;
    }

    void submit(List<TransferRequest> requests) {
        List<TransferItem> created = new ArrayList<>();
        synchronized (state.lock()) {
            for (TransferRequest r : requests) {
                TransferItem item = factory.top(ids.incrementAndGet(), r);
                state.items().add(item);
                state.order().addLast(item);
                created.add(item);
            }
        }
        state.events().added(created);
        dispatch.run();
    }

    /**
     * Re-creates saved items with their ids; later ids continue after the highest. A child saved twice for
     * one directory (an expansion repeated by a version that did not check) comes back once; the copies are
     * announced as removed, so a journal forgets them too.
     */
    void restore(List<ItemSnapshot> saved) {
        List<TransferItem> created = new ArrayList<>();
        List<Long> copies = new ArrayList<>();
        Set<String> children = new HashSet<>();
        synchronized (state.lock()) {
            for (ItemSnapshot snap : saved) {
                TransferItem item = factory.restored(snap);
                ids.accumulateAndGet(snap.id(), Math::max);
                if (item.parentId != 0 && !children.add(item.parentId + "\n" + item.placesKey())) {
                    copies.add(item.id);
                    continue;
                }
                state.items().add(item);
                if (item.state instanceof ItemState.Queued) {
                    state.order().addLast(item);
                } else if (item.state.isFinished()) {
                    state.items().finished(item, Integer.MAX_VALUE);
                }
                created.add(item);
            }
        }
        state.events().added(created);
        state.events().removed(copies);
        dispatch.run();
    }

    /** A child item of a directory item; it joins the queue when the expansion settles. */
    TransferItem child(TransferItem parent, boolean directory, Location source, Location target, FileEntry facts) {
        return factory.child(ids.incrementAndGet(), parent, directory, source, target, facts);
    }
}
