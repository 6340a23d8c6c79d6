package org.ferryftp.ui.queue;

import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.QueueListener;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects queue events from worker threads, keeping only the latest snapshot per item id, until the FX
 * thread drains them as one batch. Adds and changes share one map: an item added and changed ten times
 * before the next batch costs one row update, and the map keeps first-seen order so new rows appear in
 * queue order. Thread-safe; never blocks for longer than a map operation.
 */
final class UpdateBatcher implements QueueListener {

    /** What one FX batch applies: latest snapshots in first-seen order, then removals. */
    record Batch(List<ItemSnapshot> updates, Set<Long> removed, boolean more) {
        boolean isEmpty() {
            return updates.isEmpty() && removed.isEmpty();
        }
    }

    private final Runnable wake;
    private final int maxPerBatch;
    private final Object lock = new Object();
    // Guarded by lock.
    private LinkedHashMap<Long, ItemSnapshot> latest = new LinkedHashMap<>();
    private Set<Long> removed = new HashSet<>();

    /**
     * @param wake        called (outside the lock) after each event, to get a batch scheduled
     * @param maxPerBatch the most updates one batch carries, so a burst of 100,000 new items is spread over
     *                    several short FX pulses instead of one long freeze
     */
    UpdateBatcher(Runnable wake, int maxPerBatch) {
        this.wake = wake;
        this.maxPerBatch = maxPerBatch;
    }

    @Override
    public void itemsAdded(List<ItemSnapshot> items) {
        put(items);
    }

    @Override
    public void itemChanged(ItemSnapshot item) {
        put(List.of(item));
    }

    void put(Collection<ItemSnapshot> items) {
        if (items.isEmpty()) {
            return;
        }
        synchronized (lock) {
            for (ItemSnapshot s : items) {
                if (!removed.contains(s.id())) {
                    latest.put(s.id(), s);
                }
            }
        }
        wake.run();
    }

    @Override
    public void itemsRemoved(List<Long> ids) {
        synchronized (lock) {
            for (Long id : ids) {
                latest.remove(id);
                removed.add(id);
            }
        }
        wake.run();
    }

    /** Takes up to {@code maxPerBatch} pending updates and all removals. */
    Batch drain() {
        synchronized (lock) {
            Set<Long> gone = removed;
            removed = new HashSet<>();
            if (latest.size() <= maxPerBatch) {
                List<ItemSnapshot> all = new ArrayList<>(latest.values());
                latest = new LinkedHashMap<>();
                return new Batch(all, gone, false);
            }
            List<ItemSnapshot> some = new ArrayList<>(maxPerBatch);
            Iterator<ItemSnapshot> it = latest.values().iterator();
            while (some.size() < maxPerBatch) {
                some.add(it.next());
                it.remove();
            }
            return new Batch(some, gone, true);
        }
    }
}
