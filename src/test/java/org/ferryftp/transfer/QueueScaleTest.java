package org.ferryftp.transfer;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 100,000 queued items stay cheap: memory, snapshots and controls. */
class QueueScaleTest {

    @Test
    void hundredThousandItemsFitInLittleHeapAndStayQuick() throws Exception {
        SiteRef site = new SiteRef("s", "S", SessionSettings.of("127.0.0.1", 21, Credentials.anonymous()), 2);
        SessionFactory unused = s -> {
            throw new org.ferryftp.ftp.FtpException("no connections in this test");
        };
        Runtime rt = Runtime.getRuntime();
        long before = usedHeap(rt);
        try (TransferQueue q = TransferQueue.create(QueueSettings.DEFAULT, unused, ConflictPolicy.fixed(ConflictChoice.SKIP))) {
            List<ItemSnapshot> saved = new ArrayList<>(100_000);
            for (int i = 1; i <= 100_000; i++) {
                saved.add(new ItemSnapshot(i, 0, false, TransferDirection.DOWNLOAD,
                        Location.remote(site, "/data/dir" + (i / 1000) + "/file" + i + ".bin"),
                        Location.local("/home/user/data/dir" + (i / 1000) + "/file" + i + ".bin"), Priority.NORMAL,
                        ItemState.PAUSED, 4096, 0, 0, null, 0));
            }
            q.restore(saved);
            saved = null;
            long used = usedHeap(rt) - before;
            System.out.printf("100,000 items: heap +%d MiB%n", used >> 20);
            assertTrue(used < 300L << 20, "heap grew by " + (used >> 20) + " MiB");

            long start = System.nanoTime();
            QueueTotals totals = q.totals();
            List<ItemSnapshot> all = q.snapshot();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(100_000, all.size());
            assertEquals(409_600_000L, totals.bytesKnownTotal());
            assertTrue(millis < 1000, "totals + snapshot took " + millis + " ms");

            start = System.nanoTime();
            q.cancelAll();
            assertTrue((System.nanoTime() - start) / 1_000_000 < 3000, "cancelling 100,000 items was slow");
            assertTrue(q.snapshot().stream().allMatch(i -> i.state() instanceof ItemState.Cancelled));
        }
    }

    private static long usedHeap(Runtime rt) {
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
