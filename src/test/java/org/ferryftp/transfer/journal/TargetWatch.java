package org.ferryftp.transfer.journal;

import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.QueueListener;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Listens to a queue and reports every item that enters it with a target another item already has
 * (two items with one target could run at once or overwrite each other), and every file that finishes.
 */
final class TargetWatch implements QueueListener {

    private final Map<String, Long> byTarget = new HashMap<>();
    private final Map<Long, String> targets = new HashMap<>();
    private final Consumer<String> duplicate;
    private final Consumer<ItemSnapshot> finished;

    TargetWatch(Consumer<String> duplicate, Consumer<ItemSnapshot> finished) {
        this.duplicate = duplicate;
        this.finished = finished;
    }

    @Override
    public synchronized void itemsAdded(List<ItemSnapshot> items) {
        for (ItemSnapshot s : items) {
            String target = s.target().path();
            Long other = byTarget.putIfAbsent(target, s.id());
            if (other != null && other != s.id()) {
                duplicate.accept(target + " (items " + other + " and " + s.id() + ")");
            }
            targets.put(s.id(), target);
        }
    }

    @Override
    public void itemChanged(ItemSnapshot item) {
        if (!item.directory() && (item.state() instanceof ItemState.Done || item.state() instanceof ItemState.Skipped)) {
            finished.accept(item);
        }
    }

    @Override
    public synchronized void itemsRemoved(List<Long> ids) {
        for (long id : ids) {
            String target = targets.remove(id);
            if (target != null) {
                byTarget.remove(target, id);
            }
        }
    }
}
