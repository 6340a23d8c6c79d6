package org.ferryftp.transfer.journal;

import org.ferryftp.fs.PartialDownload;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.QueueListener;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.TransferQueue;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journal attached to a real queue and MINA server: history limits, clearing, damaged files, a normal quit. */
class JournalQueueTest {

    @TempDir
    Path tmp;

    Path journalDir() {
        return tmp.resolve("config");
    }

    /** Downloads the given files through a journaled queue, waits, then closes queue and journal. */
    QueueJournal run(EmbeddedMinaServer server, QueueSettings settings, boolean clearHistory, String... paths)
            throws Exception {
        SiteRef site = MinaQueues.site(server.port());
        TransferQueue queue = MinaQueues.queue(settings);
        QueueJournal journal = QueueJournal.attach(queue, journalDir(), MinaQueues.resolver(server.port()));
        try (journal) {
            for (String p : paths) {
                MinaQueues.download(queue, site, p, Files.createDirectories(tmp.resolve("local")));
            }
            assertTrue(queue.awaitIdle(Duration.ofSeconds(60)), queue.snapshot().toString());
            if (clearHistory) {
                queue.clearHistory();
            }
            queue.close();
        }
        return journal;
    }

    EmbeddedMinaServer server() {
        EmbeddedMinaServer server = new EmbeddedMinaServer(tmp.resolve("server"));
        for (String name : List.of("a", "b", "c")) {
            server.write(name, name.getBytes());
        }
        return server;
    }

    List<ItemSnapshot> saved(EmbeddedMinaServer server) {
        JournalLoad load = QueueJournal.load(journalDir(), MinaQueues.resolver(server.port()));
        assertEquals(java.util.Optional.empty(), load.problem());
        return load.items();
    }

    @Test
    void finishedItemsAreKeptUpToTheHistoryLimit() throws Exception {
        try (EmbeddedMinaServer server = server()) {
            run(server, new QueueSettings(1, 5, Duration.ofSeconds(30), Duration.ofMinutes(2), 2, false, org.ferryftp.transfer.RelayPolicy.NEVER),
                    false, "/a", "/b", "/c");
            List<ItemSnapshot> items = saved(server);
            assertEquals(List.of("/b", "/c"), items.stream().map(s -> s.source().path()).toList());
            items.forEach(s -> assertEquals(ItemState.DONE, s.state()));
        }
    }

    @Test
    void clearedHistoryStaysClearedAfterARestart() throws Exception {
        try (EmbeddedMinaServer server = server()) {
            run(server, QueueSettings.DEFAULT, false, "/a", "/b");
            assertEquals(2, saved(server).size());
            run(server, QueueSettings.DEFAULT, true);
            assertEquals(List.of(), saved(server));
            // A third start finds nothing to restore either.
            TransferQueue queue = MinaQueues.queue(QueueSettings.DEFAULT);
            try (QueueJournal j = QueueJournal.attach(queue, journalDir(), MinaQueues.resolver(server.port()))) {
                assertEquals(List.of(), queue.snapshot());
                assertEquals(java.util.Optional.empty(), j.problem());
                queue.close();
            }
        }
    }

    @Test
    void aDamagedJournalIsReportedAndFerryCarriesOnWithANewOne() throws Exception {
        Files.createDirectories(journalDir());
        Files.writeString(journalDir().resolve("queue.jsonl"), "{\"t\":\"journal\",\"v\":1}\ngarbage\n{}\n");
        try (EmbeddedMinaServer server = server()) {
            QueueJournal journal = run(server, QueueSettings.DEFAULT, false, "/a");
            String problem = journal.problem().orElseThrow();
            assertTrue(problem.contains("line 2") && problem.contains("line 3")
                    && problem.contains("queue.jsonl.damaged-"), problem);
            List<ItemSnapshot> items = saved(server);
            assertEquals(1, items.size());
            assertEquals(ItemState.DONE, items.get(0).state());
        }
    }

    @Test
    void aNormalQuitMidTransferComesBackPausedAndResumesOnRequest() throws Exception {
        byte[] big = JournalCrashTest.random(4 * 1024 * 1024, 7);
        Path local = Files.createDirectories(tmp.resolve("local"));
        try (EmbeddedMinaServer server = server()) {
            server.write("big.bin", big);
            SiteRef site = MinaQueues.site(server.port());
            TransferQueue first = MinaQueues.queue(QueueSettings.DEFAULT);
            first.setBandwidthLimit(2L * 1024 * 1024);
            try (QueueJournal journal = QueueJournal.attach(first, journalDir(), MinaQueues.resolver(server.port()))) {
                CountDownLatch moving = new CountDownLatch(1);
                first.addListener(new QueueListener() {
                    @Override
                    public void itemsAdded(List<ItemSnapshot> items) {
                    }

                    @Override
                    public void itemChanged(ItemSnapshot item) {
                        if (item.bytesDone() >= 500_000) {
                            moving.countDown();
                        }
                    }

                    @Override
                    public void itemsRemoved(List<Long> ids) {
                    }
                });
                MinaQueues.download(first, site, "/big.bin", local);
                assertTrue(moving.await(30, TimeUnit.SECONDS));
                // Quit order: the queue first, so the journal records the running item as paused.
                first.close();
            }
            long partial = Files.size(local.resolve("big.bin" + PartialDownload.SUFFIX));

            TransferQueue second = MinaQueues.queue(QueueSettings.DEFAULT);
            try (QueueJournal journal = QueueJournal.attach(second, journalDir(), MinaQueues.resolver(server.port()))) {
                ItemSnapshot restored = second.snapshot().get(0);
                assertEquals(ItemState.PAUSED, restored.state());
                second.resume(List.of(restored.id()));
                assertTrue(second.awaitIdle(Duration.ofSeconds(60)), second.snapshot().toString());
                assertEquals(ItemState.DONE, second.snapshot().get(0).state());
                second.close();
            }
            assertArrayEquals(big, Files.readAllBytes(local.resolve("big.bin")));
            assertEquals(List.of(String.valueOf(partial)), server.transfers().restArguments());
        }
    }
}
