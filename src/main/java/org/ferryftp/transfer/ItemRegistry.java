package org.ferryftp.transfer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every item of a queue by id, which directory each came from, and the bounded history of
 * finished ones. Not thread-safe: {@link TransferQueue} guards it with its lock.
 */
final class ItemRegistry {

    private final Map<Long, TransferItem> items = new LinkedHashMap<>();
    private final Map<Long, List<Long>> children = new HashMap<>();
    private final ArrayDeque<Long> history = new ArrayDeque<>();

    void add(TransferItem item) {
        items.put(item.id, item);
        if (item.parentId != 0) {
            children.computeIfAbsent(item.parentId, k -> new ArrayList<>()).add(item.id);
        }
    }

    TransferItem get(long id) {
        return items.get(id);
    }

    Collection<TransferItem> all() {
        return items.values();
    }

    List<Long> ids() {
        return new ArrayList<>(items.keySet());
    }

    /**
     * Those of {@code candidates}, the children a directory's expansion found, that the directory does not
     * already have: after a restart, the children journaled before the crash are already here, and the
     * directory, expanded again, must not queue them a second time.
     */
    List<TransferItem> newChildren(long parentId, List<TransferItem> candidates) {
        List<Long> known = children.getOrDefault(parentId, List.of());
        if (known.isEmpty()) {
            return candidates;
        }
        Set<String> have = new HashSet<>();
        for (long id : known) {
            have.add(items.get(id).placesKey());
        }
        return candidates.stream().filter(c -> !have.contains(c.placesKey())).toList();
    }

    /** How many of the items that came from directory {@code parentId} have not finished. */
    int unfinishedChildren(long parentId) {
        int n = 0;
        for (long id : children.getOrDefault(parentId, List.of())) {
            if (!items.get(id).state.isFinished()) {
                n++;
            }
        }
        return n;
    }

    /** The given items and, for directories, everything that came from them. */
    List<Long> withDescendants(Collection<Long> roots) {
        List<Long> all = new ArrayList<>();
        ArrayDeque<Long> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            long id = todo.poll();
            all.add(id);
            todo.addAll(children.getOrDefault(id, List.of()));
        }
        return all;
    }

    /**
     * Notes a finished item in the history and forgets the oldest finished ones beyond
     * {@code limit} (failed ones stay until retried or cleared); returns the forgotten ids.
     */
    List<Long> finished(TransferItem item, int limit) {
        history.addLast(item.id);
        List<Long> forgotten = new ArrayList<>();
        while (history.size() > limit) {
            long old = history.pollFirst();
            TransferItem gone = items.get(old);
            if (gone != null && gone.state.isFinished() && !(gone.state instanceof ItemState.Failed)) {
                forget(old);
                forgotten.add(old);
            }
        }
        return forgotten;
    }

    /** An item runs again (retry): it leaves the history. */
    void unfinished(long id) {
        history.remove(id);
    }

    /** Forgets done, skipped and cancelled items; returns their ids. */
    List<Long> clearFinished() {
        List<Long> removed = new ArrayList<>();
        for (TransferItem i : List.copyOf(items.values())) {
            if (i.state instanceof ItemState.Done || i.state instanceof ItemState.Skipped
                    || i.state instanceof ItemState.Cancelled) {
                forget(i.id);
                removed.add(i.id);
            }
        }
        history.clear();
        return removed;
    }

    private void forget(long id) {
        TransferItem gone = items.remove(id);
        children.remove(id);
        if (gone != null && gone.parentId != 0) {
            List<Long> siblings = children.get(gone.parentId);
            if (siblings != null) {
                siblings.remove(id);
            }
        }
    }
}
