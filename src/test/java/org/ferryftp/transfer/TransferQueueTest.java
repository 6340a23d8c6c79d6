package org.ferryftp.transfer;

import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The queue against embedded MINA: trees both ways, limits, priorities. */
class TransferQueueTest {

    @TempDir
    Path serverRoot;
    @TempDir
    Path local;

    @Test
    void downloadsATreeLazilyAndCompletely() throws Exception {
        for (int d = 0; d < 3; d++) {
            for (int f = 0; f < 10; f++) {
                QueueFixture.write(serverRoot.resolve("tree/dir" + d + "/sub/file" + f + ".bin"),
                        QueueFixture.random(1000 + f * 100, d * 100 + f));
            }
        }
        QueueFixture.write(serverRoot.resolve("tree/top.txt"), "top".getBytes());
        try (QueueFixture fx = new QueueFixture(serverRoot)) {
            fx.download("/tree", true, local);
            fx.awaitIdle();
            List<ItemSnapshot> items = fx.queue.snapshot();
            assertTrue(items.stream().allMatch(i -> i.state() instanceof ItemState.Done), items.toString());
            assertEquals(30 + 1, items.stream().filter(i -> !i.directory()).count());
        }
        for (int d = 0; d < 3; d++) {
            for (int f = 0; f < 10; f++) {
                String rel = "tree/dir" + d + "/sub/file" + f + ".bin";
                assertArrayEquals(Files.readAllBytes(serverRoot.resolve(rel)), Files.readAllBytes(local.resolve(rel)), rel);
            }
        }
        assertEquals("top", Files.readString(local.resolve("tree/top.txt")));
    }

    @Test
    void uploadsATree() throws Exception {
        for (int f = 0; f < 12; f++) {
            QueueFixture.write(local.resolve("up/a/b/f" + f + ".dat"), QueueFixture.random(5000, f));
        }
        QueueFixture.write(local.resolve("up/root.dat"), new byte[0]);
        try (QueueFixture fx = new QueueFixture(serverRoot)) {
            fx.upload(local.resolve("up"), true, "/incoming");
            fx.awaitIdle();
            assertTrue(fx.queue.snapshot().stream().allMatch(i -> i.state() instanceof ItemState.Done));
        }
        for (int f = 0; f < 12; f++) {
            assertArrayEquals(Files.readAllBytes(local.resolve("up/a/b/f" + f + ".dat")),
                    Files.readAllBytes(serverRoot.resolve("incoming/up/a/b/f" + f + ".dat")));
        }
        assertEquals(0, Files.size(serverRoot.resolve("incoming/up/root.dat")));
    }

    @Test
    void concurrencyLimitIsHonouredOnTheServerSide() throws Exception {
        // Files bigger than the socket buffers: the server only sees a transfer end when Ferry has read it.
        byte[] data = QueueFixture.random(12_000_000, 7);
        for (int f = 0; f < 6; f++) {
            QueueFixture.write(serverRoot.resolve("many/f" + f), data);
        }
        QueueSettings three = QueueSettings.DEFAULT.withConcurrency(3);
        try (QueueFixture fx = new QueueFixture(serverRoot, three, ConflictPolicy.fixed(ConflictChoice.SKIP), 8)) {
            // Slow transfers down so they overlap and the limit is really exercised.
            fx.queue.setBandwidthLimit(36_000_000);
            fx.download("/many", true, local);
            fx.awaitIdle();
            int max = fx.server().transfers().maxConcurrent();
            assertTrue(max <= 3, "server saw " + max + " transfers at once");
            assertTrue(max >= 2, "transfers should overlap, server saw at most " + max);
            assertEquals(6, fx.server().transfers().total());
        }
    }

    @Test
    void perSiteLimitIsHonoured() throws Exception {
        for (int f = 0; f < 8; f++) {
            QueueFixture.write(serverRoot.resolve("few/f" + f), QueueFixture.random(300_000, f));
        }
        QueueSettings many = QueueSettings.DEFAULT.withConcurrency(8);
        try (QueueFixture fx = new QueueFixture(serverRoot, many, ConflictPolicy.fixed(ConflictChoice.SKIP), 1)) {
            fx.queue.setBandwidthLimit(12_000_000);
            fx.download("/few", true, local);
            fx.awaitIdle();
            assertEquals(1, fx.server().transfers().maxConcurrent());
        }
    }

    @Test
    void higherPriorityRunsFirst() throws Exception {
        QueueFixture.write(serverRoot.resolve("blocker.bin"), new byte[1_000_000]);
        for (String n : new String[] {"low", "high", "normal"}) {
            QueueFixture.write(serverRoot.resolve(n + ".bin"), new byte[1000]);
        }
        QueueSettings one = QueueSettings.DEFAULT.withConcurrency(1);
        try (QueueFixture fx = new QueueFixture(serverRoot, one, ConflictPolicy.fixed(ConflictChoice.SKIP), 1)) {
            List<String> started = new CopyOnWriteArrayList<>();
            fx.queue.addListener(new RecordingListener(started));
            // The blocker holds the only slot while the others are queued in the "wrong" order.
            fx.queue.setBandwidthLimit(2_000_000);
            fx.download("/blocker.bin", false, local);
            org.ferryftp.fs.Location dir = org.ferryftp.fs.Location.local(local.toString());
            fx.queue.submit(List.of(
                    new TransferRequest(fx.remote("/low.bin"), false, dir, Priority.LOW),
                    new TransferRequest(fx.remote("/normal.bin"), false, dir, Priority.NORMAL),
                    new TransferRequest(fx.remote("/high.bin"), false, dir, Priority.HIGHEST)));
            fx.awaitIdle();
            assertEquals(List.of("/blocker.bin", "/high.bin", "/normal.bin", "/low.bin"), started);
        }
    }

    /** Records the order in which items start running. */
    record RecordingListener(List<String> started) implements QueueListener {
        @Override
        public void itemsAdded(List<ItemSnapshot> items) {
        }

        @Override
        public void itemChanged(ItemSnapshot item) {
            if (item.state() instanceof ItemState.Running && !started.contains(item.source().path())) {
                started.add(item.source().path());
            }
        }

        @Override
        public void itemsRemoved(List<Long> ids) {
        }
    }

}
