package org.ferryftp.ui.queue;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectPropertyBase;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;

/**
 * One queue item as the table sees it. It holds the latest snapshot rather than one property per column: with
 * 100,000 rows a dozen property objects each would cost tens of megabytes, while cells (only the visible ones
 * exist) can read every column from the snapshot. Even the one property is made only when a cell first watches
 * the row (issue 18: 100,000 eager wrappers held 5 MiB). Updated on the FX thread only, by {@link QueueViewModel}.
 */
public final class QueueRow {

    private final long id;
    private ItemSnapshot snapshot;
    private SnapshotProperty property;

    QueueRow(ItemSnapshot first) {
        this.id = first.id();
        this.snapshot = first;
    }

    public long id() {
        return id;
    }

    public ReadOnlyObjectProperty<ItemSnapshot> snapshotProperty() {
        if (property == null) {
            property = new SnapshotProperty();
        }
        return property;
    }

    public ItemSnapshot snapshot() {
        return snapshot;
    }

    public ItemState state() {
        return snapshot.state();
    }

    public QueueTab tab() {
        return QueueTab.of(state());
    }

    void update(ItemSnapshot next) {
        if (next == snapshot) {
            return;
        }
        snapshot = next;
        if (property != null) {
            property.changed();
        }
    }

    @Override
    public String toString() {
        return "QueueRow" + snapshot;
    }

    private final class SnapshotProperty extends ReadOnlyObjectPropertyBase<ItemSnapshot> {

        @Override
        public ItemSnapshot get() {
            return snapshot;
        }

        @Override
        public Object getBean() {
            return QueueRow.this;
        }

        @Override
        public String getName() {
            return "snapshot";
        }

        void changed() {
            fireValueChangedEvent();
        }
    }
}
