package org.ferryftp.transfer;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.PartialDownload;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pause, resume, cancel, conflicts, retries and bandwidth, against embedded MINA. */
class QueueControlTest {

    @TempDir
    Path serverRoot;
    @TempDir
    Path local;

    QueueFixture fixture(ConflictChoice choice) {
        return new QueueFixture(serverRoot, QueueSettings.DEFAULT, ConflictPolicy.fixed(choice), 4);
    }

    ItemSnapshot only(QueueFixture fx) {
        List<ItemSnapshot> items = fx.queue.snapshot();
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }

    /** Completes when the item has moved at least {@code bytes}. */
    static CountDownLatch progressPast(QueueFixture fx, long bytes) {
        return progressPast(fx.queue, bytes);
    }

    static CountDownLatch progressPast(TransferQueue queue, long bytes) {
        return org.ferryftp.testsupport.QueueProgress.past(queue, bytes);
    }

    @Test
    void pauseKeepsThePartialAndResumeFinishesIt() throws Exception {
        byte[] data = QueueFixture.random(3_000_000, 1);
        QueueFixture.write(serverRoot.resolve("big.bin"), data);
        try (QueueFixture fx = fixture(ConflictChoice.SKIP)) {
            fx.queue.setBandwidthLimit(3_000_000);
            CountDownLatch halfway = progressPast(fx, 500_000);
            fx.download("/big.bin", false, local);
            assertTrue(halfway.await(20, TimeUnit.SECONDS));
            long id = only(fx).id();
            fx.queue.pause(List.of(id));
            fx.awaitIdle();
            assertInstanceOf(ItemState.Paused.class, only(fx).state());
            long partial = Files.size(local.resolve("big.bin" + PartialDownload.SUFFIX));
            assertTrue(partial > 0 && partial < data.length, "partial " + partial);
            assertFalse(Files.exists(local.resolve("big.bin")));
            fx.queue.setBandwidthLimit(0);
            fx.queue.resume(List.of(id));
            fx.awaitIdle();
            assertInstanceOf(ItemState.Done.class, only(fx).state());
        }
        assertArrayEquals(data, Files.readAllBytes(local.resolve("big.bin")));
    }

    @Test
    void cancelRemovesThePartial() throws Exception {
        QueueFixture.write(serverRoot.resolve("big.bin"), QueueFixture.random(3_000_000, 2));
        try (QueueFixture fx = fixture(ConflictChoice.SKIP)) {
            fx.queue.setBandwidthLimit(2_000_000);
            CountDownLatch started = progressPast(fx, 200_000);
            fx.download("/big.bin", false, local);
            assertTrue(started.await(20, TimeUnit.SECONDS));
            fx.queue.cancelAll();
            fx.awaitIdle();
            assertInstanceOf(ItemState.Cancelled.class, only(fx).state());
        }
        assertFalse(Files.exists(local.resolve("big.bin" + PartialDownload.SUFFIX)));
        assertFalse(Files.exists(local.resolve("big.bin")));
    }

    @Test
    void newPreferencesApplyToItemsStartedAfterThem() throws Exception {
        QueueFixture.write(serverRoot.resolve("f.txt"), "new".getBytes());
        Files.writeString(local.resolve("f.txt"), "old");
        try (QueueFixture fx = fixture(ConflictChoice.SKIP)) {
            fx.download("/f.txt", false, local);
            fx.awaitIdle();
            assertInstanceOf(ItemState.Skipped.class, only(fx).state());
            assertEquals("old", Files.readString(local.resolve("f.txt")));

            fx.queue.clearHistory();
            fx.queue.applySettings(QueueSettings.DEFAULT.withConcurrency(5), ConflictPolicy.fixed(ConflictChoice.OVERWRITE));
            assertEquals(5, fx.queue.settings().concurrency());
            fx.download("/f.txt", false, local);
            fx.awaitIdle();
            assertInstanceOf(ItemState.Done.class, only(fx).state());
        }
        assertEquals("new", Files.readString(local.resolve("f.txt")));
    }

    @Test
    void skipLeavesTheTargetAlone() throws Exception {
        QueueFixture.write(serverRoot.resolve("f.txt"), "new".getBytes());
        Files.writeString(local.resolve("f.txt"), "old");
        try (QueueFixture fx = fixture(ConflictChoice.SKIP)) {
            fx.download("/f.txt", false, local);
            fx.awaitIdle();
            assertInstanceOf(ItemState.Skipped.class, only(fx).state());
        }
        assertEquals("old", Files.readString(local.resolve("f.txt")));
    }

    @Test
    void overwriteReplacesTheTarget() throws Exception {
        QueueFixture.write(serverRoot.resolve("f.txt"), "new content".getBytes());
        Files.writeString(local.resolve("f.txt"), "old content that is longer");
        try (QueueFixture fx = fixture(ConflictChoice.OVERWRITE)) {
            fx.download("/f.txt", false, local);
            fx.awaitIdle();
            assertInstanceOf(ItemState.Done.class, only(fx).state());
        }
        assertEquals("new content", Files.readString(local.resolve("f.txt")));
    }

    @Test
    void renameKeepsBoth() throws Exception {
        QueueFixture.write(serverRoot.resolve("report.txt"), "server".getBytes());
        Files.writeString(local.resolve("report.txt"), "mine");
        Files.writeString(local.resolve("report (1).txt"), "also mine");
        try (QueueFixture fx = fixture(ConflictChoice.RENAME)) {
            fx.download("/report.txt", false, local);
            fx.awaitIdle();
        }
        assertEquals("mine", Files.readString(local.resolve("report.txt")));
        assertEquals("also mine", Files.readString(local.resolve("report (1).txt")));
        assertEquals("server", Files.readString(local.resolve("report (2).txt")));
    }

    @Test
    void resumeContinuesAnExistingPartialTarget() throws Exception {
        byte[] data = QueueFixture.random(500_000, 3);
        QueueFixture.write(serverRoot.resolve("r.bin"), data);
        Files.write(local.resolve("r.bin"), java.util.Arrays.copyOf(data, 123_000));
        try (QueueFixture fx = fixture(ConflictChoice.RESUME)) {
            fx.download("/r.bin", false, local);
            fx.awaitIdle();
            assertInstanceOf(ItemState.Done.class, only(fx).state());
        }
        assertArrayEquals(data, Files.readAllBytes(local.resolve("r.bin")));
    }

    @Test
    void uploadConflictsAskThePolicyToo() throws Exception {
        QueueFixture.write(serverRoot.resolve("in/u.txt"), "server copy".getBytes());
        QueueFixture.write(local.resolve("u.txt"), "local copy".getBytes());
        try (QueueFixture fx = fixture(ConflictChoice.SKIP)) {
            fx.upload(local.resolve("u.txt"), false, "/in");
            fx.awaitIdle();
            assertInstanceOf(ItemState.Skipped.class, only(fx).state());
        }
        assertEquals("server copy", Files.readString(serverRoot.resolve("in/u.txt")));
    }

    @Test
    void bandwidthLimitHoldsWithinTenPercent() throws Exception {
        QueueFixture.write(serverRoot.resolve("bw/a.bin"), QueueFixture.random(3_000_000, 5));
        QueueFixture.write(serverRoot.resolve("bw/b.bin"), QueueFixture.random(3_000_000, 6));
        try (QueueFixture fx = fixture(ConflictChoice.SKIP)) {
            fx.queue.setBandwidthLimit(2_000_000);
            long start = System.nanoTime();
            fx.download("/bw", true, local);
            fx.awaitIdle();
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = 6_000_000 / seconds;
            assertTrue(rate <= 2_200_000 && rate >= 1_800_000, "rate " + rate + " B/s over " + seconds + " s");
        }
    }

    @Test
    void retriesGiveUpWithAReason() throws Exception {
        try (QueueFixture fx = new QueueFixture(serverRoot, QueueSettings.DEFAULT.withMaxAttempts(2),
                ConflictPolicy.fixed(ConflictChoice.SKIP), 2)) {
            fx.download("/does-not-exist.bin", false, local);
            fx.awaitIdle();
            ItemState state = only(fx).state();
            assertInstanceOf(ItemState.Failed.class, state);
            assertTrue(((ItemState.Failed) state).reason().contains("550"), state.toString());
            assertEquals(1, only(fx).attempts(), "a 550 is not worth retrying");
            fx.queue.retry(List.of(only(fx).id()));
            fx.awaitIdle();
            assertEquals(1, only(fx).attempts());
        }
    }

    @Test
    void concurrencyCanChangeWhileRunning() throws Exception {
        try (QueueFixture fx = fixture(ConflictChoice.SKIP)) {
            fx.queue.setConcurrency(5);
            assertEquals(5, fx.queue.settings().concurrency());
            Location dir = Location.local(local.toString());
            assertTrue(fx.queue.awaitIdle(Duration.ofSeconds(1)));
            assertTrue(dir.isLocal());
        }
    }
}
