package org.ferryftp.transfer;

import org.ferryftp.fs.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TransferQueue#submitAndAwait}: completes only when every item of the submission has finished, the files of
 * directories it expanded (at any depth) included, and tells each one's end; a submission held while a journal is
 * restored is followed once it joins the queue; other items in the queue are not waited for.
 */
class SubmitAndAwaitTest {

    @TempDir
    Path serverRoot;
    @TempDir
    Path local;

    @Test
    void waitsForEveryFileOfTheTreesItWasGivenAndTellsFailures() throws Exception {
        for (int f = 0; f < 5; f++) {
            QueueFixture.write(serverRoot.resolve("tree/a/b/f" + f), QueueFixture.random(40_000, f));
            QueueFixture.write(serverRoot.resolve("tree/g" + f), QueueFixture.random(1000, f));
        }
        QueueFixture.write(serverRoot.resolve("other.bin"), QueueFixture.random(1000, 9));
        try (QueueFixture fx = new QueueFixture(serverRoot)) {
            Location into = Location.local(local.toString());
            List<ItemSnapshot> ended = fx.queue.submitAndAwait(List.of(
                    new TransferRequest(fx.remote("/tree"), true, into, Priority.NORMAL),
                    new TransferRequest(fx.remote("/missing.bin"), false, into, Priority.NORMAL)))
                    .toCompletableFuture().get(60, TimeUnit.SECONDS);
            // tree, a, b, 5 + 5 files, and the missing file.
            assertEquals(14, ended.size(), ended.toString());
            for (int f = 0; f < 5; f++) {
                assertTrue(Files.isRegularFile(local.resolve("tree/a/b/f" + f)), "f" + f + " is there when it ends");
            }
            assertEquals(1, ended.stream().filter(i -> i.state() instanceof ItemState.Failed).count(), ended.toString());
            assertTrue(ended.stream().filter(i -> i.state() instanceof ItemState.Failed)
                    .allMatch(i -> i.source().path().equals("/missing.bin")));
            assertEquals(List.of(), fx.queue.submitAndAwait(List.of()).toCompletableFuture().get(1, TimeUnit.SECONDS));
        }
    }

    @Test
    void aSubmissionHeldForARestoreIsFollowedOnceItJoins() throws Exception {
        QueueFixture.write(serverRoot.resolve("one.bin"), QueueFixture.random(1000, 1));
        try (QueueFixture fx = new QueueFixture(serverRoot)) {
            CompletableFuture<List<ItemSnapshot>> journal = new CompletableFuture<>();
            fx.queue.restore(journal);
            CompletableFuture<List<ItemSnapshot>> ended = fx.queue.submitAndAwait(List.of(new TransferRequest(
                    fx.remote("/one.bin"), false, Location.local(local.toString()), Priority.NORMAL)))
                    .toCompletableFuture();
            assertFalse(ended.isDone(), "held until the journal is read");
            journal.complete(List.of());
            List<ItemSnapshot> items = ended.get(60, TimeUnit.SECONDS);
            assertEquals(1, items.size());
            assertTrue(items.get(0).state() instanceof ItemState.Done, items.toString());
            assertTrue(Files.isRegularFile(local.resolve("one.bin")));
        }
    }
}
