package org.ferryftp.transfer;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The waiting items in run order: one lane per priority, highest first, in order within a lane.
 * Not thread-safe; {@link TransferQueue} guards it.
 */
final class QueueOrder {

    /** How far down a lane to look for an item whose site has a free connection. */
    private static final int SCAN_LIMIT = 2000;

    private final Map<Priority, ArrayDeque<TransferItem>> lanes = new EnumMap<>(Priority.class);
    private int size;

    QueueOrder() {
        for (Priority p : Priority.values()) {
            lanes.put(p, new ArrayDeque<>());
        }
    }

    void addLast(TransferItem item) {
        lanes.get(item.priority).addLast(item);
        size++;
    }

    /** Puts items at the front of their lanes, keeping their order: a directory's children run next. */
    void addFirst(List<TransferItem> items) {
        for (int i = items.size() - 1; i >= 0; i--) {
            TransferItem item = items.get(i);
            lanes.get(item.priority).addFirst(item);
            size++;
        }
    }

    boolean remove(TransferItem item) {
        boolean removed = lanes.get(item.priority).remove(item);
        if (removed) {
            size--;
        }
        return removed;
    }

    /** Removes and returns the first item, by priority then order, that {@code canRun} accepts. */
    TransferItem pollEligible(Predicate<TransferItem> canRun) {
        Priority[] all = Priority.values();
        for (int p = all.length - 1; p >= 0; p--) {
            Iterator<TransferItem> it = lanes.get(all[p]).iterator();
            for (int scanned = 0; it.hasNext() && scanned < SCAN_LIMIT; scanned++) {
                TransferItem item = it.next();
                if (canRun.test(item)) {
                    it.remove();
                    size--;
                    return item;
                }
            }
        }
        return null;
    }

    /** Moves a waiting item one place earlier (-1) or later (+1) within its lane. */
    void move(TransferItem item, int delta) {
        ArrayDeque<TransferItem> lane = lanes.get(item.priority);
        List<TransferItem> copy = new java.util.ArrayList<>(lane);
        int at = copy.indexOf(item);
        int to = at + delta;
        if (at < 0 || to < 0 || to >= copy.size()) {
            return;
        }
        copy.remove(at);
        copy.add(to, item);
        lane.clear();
        lane.addAll(copy);
    }

    /** Moves a waiting item to another priority lane (at its end). */
    void reprioritize(TransferItem item, Priority priority) {
        if (remove(item)) {
            item.priority = priority;
            addLast(item);
        } else {
            item.priority = priority;
        }
    }

    int size() {
        return size;
    }
}
