package org.ferryftp.transfer.journal;

import org.ferryftp.fs.SiteRef;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.TransferQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A restart whose journal is restored after the window's first frame: what the user submits before the restore
 * has finished waits for it and gets ids after the restored items' (which keep their saved ids).
 */
class JournalDeferredRestoreTest {

    @TempDir
    Path tmp;

    @Test
    void submissionsDuringASlowRestoreGetIdsAfterTheRestoredItems() throws Exception {
        Path config = tmp.resolve("config");
        Path local = Files.createDirectories(tmp.resolve("local"));
        Path again = Files.createDirectories(tmp.resolve("again"));
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(tmp.resolve("server"))) {
            for (String name : List.of("a", "b", "c")) {
                server.write(name, name.repeat(1000).getBytes());
            }
            SiteRef site = MinaQueues.site(server.port());
            TransferQueue first = MinaQueues.queue(QueueSettings.DEFAULT);
            try (QueueJournal journal = QueueJournal.attach(first, config, MinaQueues.resolver(server.port()))) {
                for (String p : List.of("/a", "/b", "/c")) {
                    MinaQueues.download(first, site, p, local);
                }
                assertTrue(first.awaitIdle(Duration.ofSeconds(60)), first.snapshot().toString());
                first.close();
            }
            List<Long> savedIds = QueueJournal.load(config, MinaQueues.resolver(server.port())).items().stream()
                    .map(ItemSnapshot::id).toList();
            assertEquals(List.of(1L, 2L, 3L), savedIds);

            TransferQueue second = MinaQueues.queue(QueueSettings.DEFAULT);
            CompletableFuture<Void> firstFrame = new CompletableFuture<>();
            CountDownLatch reading = new CountDownLatch(1);
            CountDownLatch mayRead = new CountDownLatch(1);
            // The restore's thread stops before reading the journal until the test lets it go on.
            Executor slowIo = task -> new Thread(() -> {
                reading.countDown();
                try {
                    assertTrue(mayRead.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                task.run();
            }, "slow-journal-open").start();
            CompletableFuture<QueueJournal> opening = QueueJournal.attachAfter(firstFrame, slowIo, second, config,
                    MinaQueues.resolver(server.port()));

            MinaQueues.download(second, site, "/a", again);
            assertEquals(List.of(), second.snapshot(), "held until the restore");
            firstFrame.complete(null);
            assertTrue(reading.await(30, TimeUnit.SECONDS));
            MinaQueues.download(second, site, "/b", again);
            assertFalse(opening.isDone());
            assertEquals(List.of(), second.snapshot(), "still held while the journal is read");
            mayRead.countDown();

            try (QueueJournal journal = opening.get(30, TimeUnit.SECONDS)) {
                assertTrue(second.awaitIdle(Duration.ofSeconds(60)), second.snapshot().toString());
                List<ItemSnapshot> items = second.snapshot();
                assertEquals(List.of(1L, 2L, 3L, 4L, 5L), items.stream().map(ItemSnapshot::id).toList());
                assertEquals(List.of("/a", "/b", "/c", "/a", "/b"),
                        items.stream().map(s -> s.source().path()).toList());
                items.forEach(s -> assertEquals(ItemState.DONE, s.state(), s.toString()));
                second.close();
            }
            assertArrayEquals("a".repeat(1000).getBytes(), Files.readAllBytes(again.resolve("a")));
            assertArrayEquals("b".repeat(1000).getBytes(), Files.readAllBytes(again.resolve("b")));
            List<Long> afterRestart = QueueJournal.load(config, MinaQueues.resolver(server.port())).items().stream()
                    .map(ItemSnapshot::id).toList();
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), afterRestart);
            assertEquals(afterRestart.size(), new HashSet<>(afterRestart).size());
        }
    }
}
