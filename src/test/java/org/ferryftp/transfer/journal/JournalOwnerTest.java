package org.ferryftp.transfer.journal;

import org.ferryftp.testsupport.FileWatch;

import org.ferryftp.fs.ConfigLock;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One journal, one owner: a second Ferry on the same config directory neither restores the queue (the
 * first one runs it) nor writes the journal (it would interleave with the first one's records). It says
 * so, and its own transfers run unjournaled.
 */
class JournalOwnerTest {

    @TempDir
    Path tmp;

    @Test
    void aSecondFerryProcessNeitherRestoresNorWritesTheJournal() throws Exception {
        Path config = tmp.resolve("config");
        Path local = Files.createDirectories(tmp.resolve("local"));
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(tmp.resolve("server"))) {
            server.write("a", "first".getBytes());
            server.write("b", "second".getBytes());
            Process first = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), JournalCrashChild.class.getName(),
                    String.valueOf(server.port()), local.toString(), config.toString(), "0", "/a"))
                    .redirectErrorStream(true).start();
            try {
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> awaitDone(config.resolve(JournalFiles.NAME)));
                byte[] journalOfFirst = Files.readAllBytes(config.resolve(JournalFiles.NAME));

                TransferQueue second = MinaQueues.queue(QueueSettings.DEFAULT);
                try (QueueJournal journal = QueueJournal.attach(second, config, MinaQueues.resolver(server.port()))) {
                    String problem = journal.problem().orElseThrow();
                    assertTrue(problem.contains("Another Ferry") && problem.contains(config.toString()), problem);
                    assertEquals(List.of(), second.snapshot(), "not restored: the first process runs these");
                    MinaQueues.download(second, MinaQueues.site(server.port()), "/b", local);
                    assertTrue(second.awaitIdle(Duration.ofSeconds(30)));
                    second.close();
                }
                assertArrayEquals("second".getBytes(), Files.readAllBytes(local.resolve("b")), "runs unjournaled");
                assertArrayEquals(journalOfFirst, Files.readAllBytes(config.resolve(JournalFiles.NAME)),
                        "the first process's journal is untouched");
            } finally {
                first.destroyForcibly();
                first.waitFor();
            }
            // The owner is gone: the next Ferry restores what it journaled.
            TransferQueue third = MinaQueues.queue(QueueSettings.DEFAULT);
            try (QueueJournal journal = QueueJournal.attach(third, config, MinaQueues.resolver(server.port()))) {
                assertEquals(java.util.Optional.empty(), journal.problem());
                List<ItemSnapshot> items = third.snapshot();
                assertEquals(List.of("/a"), items.stream().map(s -> s.source().path()).toList());
                assertEquals(ItemState.DONE, items.get(0).state());
                third.close();
            }
        }
    }

    @Test
    void aSecondJournalInOneProcessIsRefusedUntilTheFirstCloses() throws Exception {
        Path config = tmp.resolve("config");
        TransferQueue a = MinaQueues.queue(QueueSettings.DEFAULT);
        TransferQueue b = MinaQueues.queue(QueueSettings.DEFAULT);
        try (a; b) {
            QueueJournal first = QueueJournal.attach(a, config, id -> java.util.Optional.empty());
            try (QueueJournal second = QueueJournal.attach(b, config, id -> java.util.Optional.empty())) {
                assertTrue(second.problem().orElseThrow().contains("Another Ferry"));
            }
            first.close();
            try (QueueJournal again = QueueJournal.attach(b, config, id -> java.util.Optional.empty())) {
                assertEquals(java.util.Optional.empty(), again.problem());
            }
        }
        // And a plain file lock is free again afterwards.
        try (ConfigLock.Held held = ConfigLock.acquire(config.resolve(JournalFiles.NAME))) {
            assertTrue(Files.exists(ConfigLock.lockFile(config.resolve(JournalFiles.NAME))));
        }
    }

    /** Waits on the first process's journal until it records the download as done. */
    private static void awaitDone(Path journal) throws Exception {
        assertTrue(FileWatch.awaitText(journal, "\"state\":\"done\"", Duration.ofSeconds(60)), "download done");
    }
}
