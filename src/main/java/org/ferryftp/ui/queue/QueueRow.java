package org.ferryftp.ui.queue;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;

/**
 * One queue item as the table sees it. It holds a single property with the latest snapshot rather
 * than one property per column: with 100,000 rows a dozen property objects each would cost tens of
 * megabytes, while cells (only the visible ones exist) can read every column from the snapshot.
 * Updated on the FX thread only, by {@link QueueViewModel}.
 */
public final class QueueRow {

    private final long id;
    private final ReadOnlyObjectWrapper<ItemSnapshot> snapshot;

    QueueRow(ItemSnapshot first) {
        this.id = first.id();
        this.snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot", first);
    }

    public long id() {
        return id;
    }

    public ReadOnlyObjectProperty<ItemSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ItemSnapshot snapshot() {
        return snapshot.get();
    }

    public ItemState state() {
        return snapshot.get().state();
    }

    public QueueTab tab() {
        return QueueTab.of(state());
    }

    void update(ItemSnapshot next) {
        snapshot.set(next);
    }

    @Override
    public String toString() {
        return "QueueRow" + snapshot.get();
    }
}
