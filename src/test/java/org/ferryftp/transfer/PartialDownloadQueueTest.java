package org.ferryftp.transfer;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.PartialDownload;
import org.ferryftp.testsupport.SmallDisk;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A partial download is resumed only when it came from the same file, and has one writer at a time. */
class PartialDownloadQueueTest {

    static final int SIZE = 3_000_000;

    @TempDir
    Path serverRoot;
    @TempDir
    Path local;

    QueueFixture fixture() {
        return new QueueFixture(serverRoot, QueueSettings.DEFAULT, ConflictPolicy.fixed(ConflictChoice.SKIP), 4);
    }

    static ItemSnapshot only(QueueFixture fx) {
        List<ItemSnapshot> items = fx.queue.snapshot();
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }

    /** Starts a slow download of /big.bin and pauses it once some bytes are in its partial file. */
    long pausedHalfway(QueueFixture fx) throws Exception {
        fx.queue.setBandwidthLimit(SIZE);
        CountDownLatch halfway = QueueControlTest.progressPast(fx, 500_000);
        fx.download("/big.bin", false, local);
        assertTrue(halfway.await(20, TimeUnit.SECONDS));
        fx.queue.pause(List.of(only(fx).id()));
        fx.awaitIdle();
        assertInstanceOf(ItemState.Paused.class, only(fx).state());
        fx.queue.setBandwidthLimit(0);
        long partial = Files.size(partial());
        assertTrue(partial > 0 && partial < SIZE, "partial " + partial);
        return partial;
    }

    Path partial() {
        return local.resolve("big.bin" + PartialDownload.SUFFIX);
    }

    @Test
    void aPartialOfAnOlderVersionIsNotResumedButStartedOver() throws Exception {
        byte[] v1 = QueueFixture.random(SIZE, 1);
        byte[] v2 = QueueFixture.random(SIZE, 2); // same size: only the time tells them apart
        Path remote = serverRoot.resolve("big.bin");
        QueueFixture.write(remote, v1);
        Files.setLastModifiedTime(remote, FileTime.from(Instant.parse("2024-01-01T10:00:00Z")));
        try (QueueFixture fx = fixture()) {
            pausedHalfway(fx);
            QueueFixture.write(remote, v2);
            Files.setLastModifiedTime(remote, FileTime.from(Instant.parse("2024-06-01T10:00:00Z")));
            fx.queue.resume(List.of(only(fx).id()));
            fx.awaitIdle();
            ItemSnapshot item = only(fx);
            assertInstanceOf(ItemState.Done.class, item.state());
            assertEquals(List.of(), fx.server().transfers().restArguments(), "no REST into another version");
            assertNotNull(item.note(), "the item says why it started over");
            assertTrue(item.note().contains("big.bin" + PartialDownload.SUFFIX)
                    && item.note().contains("older version of /big.bin")
                    && item.note().contains("starting over"), item.note());
        }
        assertArrayEquals(v2, Files.readAllBytes(local.resolve("big.bin")));
        assertFalse(Files.exists(partial()));
        assertFalse(Files.exists(PartialDownload.originOf(partial())), "the origin goes with the partial");
    }

    @Test
    void aPartialOfTheSameVersionIsResumedByANewQueueWithRest() throws Exception {
        byte[] data = QueueFixture.random(SIZE, 3);
        QueueFixture.write(serverRoot.resolve("big.bin"), data);
        try (QueueFixture fx = fixture()) {
            long partial = pausedHalfway(fx);
            assertTrue(Files.exists(PartialDownload.originOf(partial())), "the partial records its origin");
            fx.queue.close();
            // A new queue (as after a restart of Ferry) finds the partial and continues it without being asked.
            try (TransferQueue again = fx.newQueue(QueueSettings.DEFAULT, ConflictPolicy.fixed(ConflictChoice.SKIP))) {
                again.submit(List.of(new TransferRequest(fx.remote("/big.bin"), false,
                        Location.local(local.toString()), Priority.NORMAL)));
                assertTrue(again.awaitIdle(java.time.Duration.ofSeconds(60)), again.snapshot().toString());
                ItemSnapshot item = again.snapshot().get(0);
                assertInstanceOf(ItemState.Done.class, item.state(), item.toString());
                assertEquals(null, item.note());
            }
            assertEquals(List.of(String.valueOf(partial)), fx.server().transfers().restArguments());
        }
        assertArrayEquals(data, Files.readAllBytes(local.resolve("big.bin")));
        assertFalse(Files.exists(PartialDownload.originOf(partial())));
    }

    @Test
    void aFileOfATreeThatChangedSinceItsListingIsStartedOverNotSpliced() throws Exception {
        byte[] v1 = QueueFixture.random(SIZE, 11);
        byte[] v2 = QueueFixture.random(SIZE + 500_000, 12);
        Path remote = serverRoot.resolve("tree/big.bin");
        FileTime time = FileTime.from(Instant.parse("2024-01-01T10:00:00Z"));
        QueueFixture.write(remote, v1);
        Files.setLastModifiedTime(remote, time);
        Path copy = local.resolve("tree/big.bin");
        try (QueueFixture fx = fixture()) {
            fx.queue.setBandwidthLimit(SIZE);
            CountDownLatch halfway = QueueControlTest.progressPast(fx, 500_000);
            fx.download("/tree", true, local);
            assertTrue(halfway.await(20, TimeUnit.SECONDS));
            fx.queue.pauseAll();
            fx.awaitIdle();
            assertTrue(Files.size(PartialDownload.partialOf(copy)) > 0);
            // The item keeps what the listing said (v1's size); the server now has a longer v2.
            QueueFixture.write(remote, v2);
            Files.setLastModifiedTime(remote, time);
            fx.queue.setBandwidthLimit(0);
            fx.queue.resumeAll();
            fx.awaitIdle();
            ItemSnapshot file = fx.queue.snapshot().stream().filter(i -> !i.directory()).findFirst().orElseThrow();
            assertInstanceOf(ItemState.Done.class, file.state(), file.toString());
            assertEquals(List.of(), fx.server().transfers().restArguments());
            assertTrue(file.note() != null && file.note().contains("size differs"), String.valueOf(file.note()));
        }
        assertArrayEquals(v2, Files.readAllBytes(copy));
    }

    @Test
    void aPartialWithoutOriginIsStartedOverUnlessResumeWasAsked() throws Exception {
        byte[] data = QueueFixture.random(SIZE, 4);
        QueueFixture.write(serverRoot.resolve("big.bin"), data);
        byte[] other = QueueFixture.random(1_000_000, 5); // e.g. left by another program
        Files.write(partial(), other);
        try (QueueFixture fx = fixture()) {
            fx.download("/big.bin", false, local);
            fx.awaitIdle();
            ItemSnapshot item = only(fx);
            assertInstanceOf(ItemState.Done.class, item.state());
            assertEquals(List.of(), fx.server().transfers().restArguments());
            assertTrue(item.note() != null && item.note().contains("starting over"), String.valueOf(item.note()));
        }
        assertArrayEquals(data, Files.readAllBytes(local.resolve("big.bin")));
    }

    @Test
    void aFullDiskFailsOnceAndCountsTheBytesThatAreOnIt() throws Exception {
        QueueFixture.write(serverRoot.resolve("big.bin"), QueueFixture.random(6 * 1024 * 1024, 8));
        try (SmallDisk disk = SmallDisk.mount(local.resolve("disk"), "4m"); QueueFixture fx = fixture()) {
            fx.download("/big.bin", false, disk.dir());
            fx.awaitIdle();
            ItemSnapshot item = only(fx);
            Path partial = disk.dir().resolve("big.bin" + PartialDownload.SUFFIX);
            long kept = Files.size(partial);
            assertInstanceOf(ItemState.Failed.class, item.state(), item.toString());
            assertEquals(1, item.attempts(), "not retried");
            assertEquals(kept, item.bytesDone());
            assertEquals("the local disk is full: " + kept + " bytes of /big.bin were written to " + partial
                    + ", which is kept; free space and re-run with --resume", ((ItemState.Failed) item.state()).reason());
            assertTrue(Files.exists(PartialDownload.originOf(partial)));
        }
    }

    @Test
    void twoQueuesDownloadingToOneLocalNameNeverSplice() throws Exception {
        // Two queues (as two windows would have) writing one partial: the file lock decides, at once.
        byte[] v1 = QueueFixture.random(SIZE, 6);
        byte[] v2 = QueueFixture.random(SIZE, 7);
        QueueFixture.write(serverRoot.resolve("one/big.bin"), v1);
        QueueFixture.write(serverRoot.resolve("two/big.bin"), v2);
        try (QueueFixture a = fixture(); QueueFixture b = fixture()) {
            a.queue.setBandwidthLimit(SIZE / 4); // each takes about four seconds: they overlap
            b.queue.setBandwidthLimit(SIZE / 4);
            a.queue.submit(List.of(
                    new TransferRequest(a.remote("/one/big.bin"), false, Location.local(local.toString()), Priority.NORMAL)));
            b.queue.submit(List.of(
                    new TransferRequest(b.remote("/two/big.bin"), false, Location.local(local.toString()), Priority.NORMAL)));
            a.awaitIdle();
            b.awaitIdle();
            List<ItemSnapshot> items = new java.util.ArrayList<>(a.queue.snapshot());
            items.addAll(b.queue.snapshot());
            List<ItemSnapshot> done = items.stream().filter(i -> i.state() instanceof ItemState.Done).toList();
            List<ItemSnapshot> failed = items.stream().filter(i -> i.state() instanceof ItemState.Failed).toList();
            assertEquals(1, done.size(), items.toString());
            assertEquals(1, failed.size(), items.toString());
            String reason = ((ItemState.Failed) failed.get(0).state()).reason();
            assertEquals("another transfer is writing " + partial(), reason);
            assertEquals(1, failed.get(0).attempts(), "a locked partial is not retried");
            byte[] winner = done.get(0).source().path().startsWith("/one/") ? v1 : v2;
            assertArrayEquals(winner, Files.readAllBytes(local.resolve("big.bin")));
        }
        assertFalse(Files.exists(partial()));
    }

    @Test
    void twoItemsOfOneQueueWithOneLocalNameRunOneAfterTheOther() throws Exception {
        byte[] v1 = QueueFixture.random(SIZE, 6);
        byte[] v2 = QueueFixture.random(SIZE, 7);
        QueueFixture.write(serverRoot.resolve("one/big.bin"), v1);
        QueueFixture.write(serverRoot.resolve("two/big.bin"), v2);
        try (QueueFixture fx = fixture()) {
            fx.queue.setBandwidthLimit(2 * SIZE);
            fx.queue.submit(List.of(
                    new TransferRequest(fx.remote("/one/big.bin"), false, Location.local(local.toString()), Priority.NORMAL),
                    new TransferRequest(fx.remote("/two/big.bin"), false, Location.local(local.toString()), Priority.NORMAL)));
            fx.awaitIdle();
            List<ItemSnapshot> items = fx.queue.snapshot();
            // The second waits for the first, then meets an existing target like any other: skip, as asked.
            assertInstanceOf(ItemState.Done.class, items.get(0).state(), items.toString());
            assertInstanceOf(ItemState.Skipped.class, items.get(1).state(), items.toString());
            assertArrayEquals(v1, Files.readAllBytes(local.resolve("big.bin")));
        }
        assertFalse(Files.exists(partial()));
    }

    /**
     * Ferry stopped after a download had put its file in place but before the journal heard of it: the
     * restored item finds its own finished file (the source's size and time) and is done, not skipped.
     * An item that never ran, with the same file already there, is still a conflict.
     */
    @Test
    void aRestoredDownloadThatHadFinishedIsDoneNotSkipped() throws Exception {
        byte[] data = QueueFixture.random(SIZE, 9);
        Path served = serverRoot.resolve("done/big.bin");
        QueueFixture.write(served, data);
        java.time.Instant time = java.time.Instant.parse("2025-03-04T05:06:07Z");
        Files.setLastModifiedTime(served, java.nio.file.attribute.FileTime.from(time));
        Path own = Files.write(local.resolve("big.bin"), data);
        Files.setLastModifiedTime(own, java.nio.file.attribute.FileTime.from(time));
        Path otherDir = Files.createDirectories(local.resolve("other"));
        Path other = Files.write(otherDir.resolve("big.bin"), data);
        Files.setLastModifiedTime(other, java.nio.file.attribute.FileTime.from(time));
        try (QueueFixture fx = fixture()) {
            fx.queue.restore(List.of(
                    new ItemSnapshot(1, 0, false, TransferDirection.DOWNLOAD, fx.remote("/done/big.bin"),
                            Location.local(own.toString()), Priority.NORMAL, ItemState.RUNNING, SIZE,
                            SIZE / 2, 0, null, 1),
                    new ItemSnapshot(2, 0, false, TransferDirection.DOWNLOAD, fx.remote("/done/big.bin"),
                            Location.local(other.toString()), Priority.NORMAL, ItemState.QUEUED, SIZE, 0, 0, null, 0)));
            fx.awaitIdle();
            List<ItemSnapshot> items = fx.queue.snapshot();
            assertInstanceOf(ItemState.Done.class, items.get(0).state(), items.toString());
            assertInstanceOf(ItemState.Skipped.class, items.get(1).state(), items.toString());
        }
        assertArrayEquals(data, Files.readAllBytes(own));
    }
}
