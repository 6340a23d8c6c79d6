package org.ferryftp.ui.queue;

import javafx.beans.property.ReadOnlyObjectProperty;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A row's property, made only when a cell first asks (issue 18), shows every later snapshot and says so. */
class QueueRowTest {

    @Test
    void thePropertyFollowsTheSnapshotsFromWheneverItIsFirstAskedFor() {
        QueueRow row = new QueueRow(QueueViewModelTest.item(1, ItemState.QUEUED, 100, 0));
        ItemSnapshot running = QueueViewModelTest.item(1, ItemState.RUNNING, 100, 10);
        row.update(running);
        ReadOnlyObjectProperty<ItemSnapshot> property = row.snapshotProperty();
        assertSame(running, property.get());
        assertSame(row, property.getBean());
        assertSame(property, row.snapshotProperty());

        List<ItemSnapshot> seen = new ArrayList<>();
        property.addListener((o, before, now) -> seen.add(now));
        ItemSnapshot done = QueueViewModelTest.item(1, ItemState.DONE, 100, 100);
        row.update(done);
        row.update(done);
        assertEquals(List.of(done), seen);
        assertSame(done, row.snapshot());
        assertEquals(QueueTab.of(ItemState.DONE), row.tab());
    }
}
