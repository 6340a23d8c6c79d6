package org.ferryftp.testsupport;

import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.QueueListener;
import org.ferryftp.transfer.TransferQueue;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Conditions on a queue's progress that tests wait for (instead of sleeping). */
public final class QueueProgress {

    private QueueProgress() {
    }

    /** Completes when an item has moved at least {@code bytes}. */
    public static CountDownLatch past(TransferQueue queue, long bytes) {
        CountDownLatch latch = new CountDownLatch(1);
        queue.addListener(new QueueListener() {
            @Override
            public void itemsAdded(List<ItemSnapshot> items) {
            }

            @Override
            public void itemChanged(ItemSnapshot item) {
                if (item.bytesDone() >= bytes) {
                    latch.countDown();
                }
            }

            @Override
            public void itemsRemoved(List<Long> ids) {
            }
        });
        return latch;
    }
}
