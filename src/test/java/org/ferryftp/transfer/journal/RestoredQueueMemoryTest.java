package org.ferryftp.transfer.journal;

import org.ferryftp.fs.SiteRef;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.QueueListener;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.TransferQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a restored queue holds per item, the journal included (issue 18: the window's RSS with 100,000 queued
 * items). Measured as the window has it: a journal of paused downloads is restored into a queue whose listener
 * keeps each announced snapshot, as the queue view's rows do. Each size runs in a JVM of its own, and the heap in
 * use after full collections is compared between two sizes, so that what does not grow with the queue (classes,
 * threads) cancels out.
 */
class RestoredQueueMemoryTest {

    static final int FEW = 20_000;
    static final int MANY = 120_000;

    /**
     * Measured 779 bytes an item before (the journal kept its own record of each item with two places, and each
     * restored item a listing entry made up to carry its size), 610 after; the rest is the item, its snapshot,
     * its two places, their paths and the maps by id.
     */
    static final long MAX_BYTES_PER_ITEM = 660;

    @TempDir
    Path dir;

    @Test
    void aRestoredItemIsHeldOnceNotOncePerHolder() throws Exception {
        long few = usedAfterRestore(dir.resolve("few"), FEW);
        long many = usedAfterRestore(dir.resolve("many"), MANY);
        long perItem = (many - few) / (MANY - FEW);
        System.out.println("restored queue: " + perItem + " bytes per item");
        assertTrue(perItem <= MAX_BYTES_PER_ITEM, perItem + " bytes per restored item, more than "
                + MAX_BYTES_PER_ITEM);
    }

    private static long usedAfterRestore(Path config, int count) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Child.class.getName(), config.toString(), Integer.toString(count)).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), output);
        assertEquals(0, child.exitValue(), output);
        for (String line : output.split("\n")) {
            if (line.startsWith("USED ")) {
                return Long.parseLong(line.substring(5).trim());
            }
        }
        throw new AssertionError("no figure from the child: " + output);
    }

    /** Restores {@code count} journaled items and prints the heap in use once everything is settled. */
    static final class Child {

        public static void main(String[] args) throws Exception {
            Path config = Path.of(args[0]);
            int count = Integer.parseInt(args[1]);
            SiteRef site = MinaQueues.site(2121);
            BenchQueueJournal.write(config, site.id(), count, "/bench", "/tmp/downloads");
            TransferQueue queue = MinaQueues.queue(QueueSettings.DEFAULT);
            Rows rows = new Rows();
            queue.addListener(rows);
            QueueJournal journal = QueueJournal.attach(queue, config, id -> Optional.of(site));
            journal.sync();
            if (rows.latest.size() != count) {
                throw new IllegalStateException(rows.latest.size() + " rows for " + count + " items");
            }
            System.out.println("USED " + used());
            Reference.reachabilityFence(rows);
            journal.close();
            queue.close();
        }

        private static long used() throws InterruptedException {
            long used = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                System.gc(); // the serial collector's full collection is done when this returns
                used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            }
            return used;
        }
    }

    /** Keeps the latest snapshot of each item, as the queue view's rows do. */
    private static final class Rows implements QueueListener {

        final Map<Long, ItemSnapshot> latest = new HashMap<>();

        @Override
        public synchronized void itemsAdded(List<ItemSnapshot> items) {
            items.forEach(s -> latest.put(s.id(), s));
        }

        @Override
        public synchronized void itemChanged(ItemSnapshot item) {
            latest.put(item.id(), item);
        }

        @Override
        public synchronized void itemsRemoved(List<Long> ids) {
            ids.forEach(latest::remove);
        }
    }
}
