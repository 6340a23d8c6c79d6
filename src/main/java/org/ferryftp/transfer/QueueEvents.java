package org.ferryftp.transfer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Tells the queue's listeners what changed, as snapshots; nothing is built when no one listens. */
final class QueueEvents {

    private final List<QueueListener> listeners = new CopyOnWriteArrayList<>();

    void add(QueueListener l) {
        listeners.add(l);
    }

    void remove(QueueListener l) {
        listeners.remove(l);
    }

    void added(List<TransferItem> items) {
        if (listeners.isEmpty() || items.isEmpty()) {
            return;
        }
        List<ItemSnapshot> snaps = items.stream().map(TransferItem::snapshot).toList();
        listeners.forEach(l -> l.itemsAdded(snaps));
    }

    void changed(TransferItem item) {
        if (listeners.isEmpty()) {
            return;
        }
        ItemSnapshot s = item.snapshot();
        listeners.forEach(l -> l.itemChanged(s));
    }

    void removed(List<Long> ids) {
        if (!ids.isEmpty()) {
            listeners.forEach(l -> l.itemsRemoved(ids));
        }
    }
}
