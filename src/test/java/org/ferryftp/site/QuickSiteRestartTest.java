package org.ferryftp.site;

import org.ferryftp.transfer.StandardSessions;
import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.site.vault.MemoryCredentialStore;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.testsupport.QueueProgress;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.TransferQueue;
import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.ferryftp.transfer.journal.QueueJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A quick connection's download interrupted by quitting comes back after a restart and resumes: the journal held
 * only its id, the password is asked for again (never written), and the file ends byte-identical.
 */
class QuickSiteRestartTest {

    @TempDir
    Path tmp;

    @Test
    void anInterruptedQuickConnectDownloadResumesAfterARestartWithThePasswordAskedAgain() throws Exception {
        byte[] content = new byte[3 * EmbeddedMinaServer.SLOW_BYTES_PER_SECOND];
        new Random(15).nextBytes(content);
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(tmp.resolve("server"))) {
            server.write("big.bin", content);
            Path config = tmp.resolve("config");
            Path local = Files.createDirectories(tmp.resolve("local"));
            // The slow user downloads at 1 MiB/s: the first run is stopped part-way.
            SiteRef quick = QuickSites.ref(SessionSettings.of("127.0.0.1", server.port(),
                    Credentials.of(EmbeddedMinaServer.SLOW_USER, EmbeddedMinaServer.PASSWORD)));

            List<String> asked = new CopyOnWriteArrayList<>();
            SiteCatalog first = new SiteCatalog(new MemoryCredentialStore(), p -> {
                asked.add(p.name());
                return Optional.empty();
            });
            TransferQueue queue = TransferQueue.create(QueueSettings.DEFAULT, first.sessions(new StandardSessions(LogListener.NONE)),
                    ConflictPolicy.fixed(ConflictChoice.RESUME));
            try (QueueJournal journal = QueueJournal.attach(queue, config, first.resolver(id -> Optional.empty()))) {
                CountDownLatch partWay = QueueProgress.past(queue, 256 * 1024);
                queue.submit(List.of(new TransferRequest(Location.remote(quick, "/big.bin"), false,
                        Location.local(local.toString()), Priority.NORMAL)));
                assertTrue(partWay.await(20, TimeUnit.SECONDS), queue.snapshot().toString());
                queue.close();
            }
            assertEquals(List.of(), asked, "this run's quick connection has its password");
            String journalText = Files.readString(config.resolve("queue.jsonl"));
            assertFalse(journalText.contains(EmbeddedMinaServer.PASSWORD), journalText);

            // The next run: a new catalog, nothing of the quick connection but the journal's id.
            SiteCatalog second = new SiteCatalog(new MemoryCredentialStore(), p -> {
                asked.add(p.name());
                return Optional.of(EmbeddedMinaServer.PASSWORD);
            });
            TransferQueue again = TransferQueue.create(QueueSettings.DEFAULT, second.sessions(new StandardSessions(LogListener.NONE)),
                    ConflictPolicy.fixed(ConflictChoice.RESUME));
            try (QueueJournal journal = QueueJournal.attach(again, config, second.resolver(id -> Optional.empty()))) {
                ItemSnapshot restored = again.snapshot().get(0);
                assertEquals(ItemState.PAUSED, restored.state(), restored.toString());
                assertEquals(quick.id(), restored.source().site().id());
                assertNull(restored.source().site().settings().credentials().password());
                again.resume(List.of(restored.id()));
                assertTrue(again.awaitIdle(Duration.ofSeconds(30)), again.snapshot().toString());
                assertEquals(ItemState.DONE, again.snapshot().get(0).state(), again.snapshot().toString());
                again.close();
            }
            assertEquals(List.of(quick.name()), asked, "asked once, for the quick connection by its user@host:port");
            assertArrayEquals(content, Files.readAllBytes(local.resolve("big.bin")));
            assertFalse(Files.readString(config.resolve("queue.jsonl")).contains(EmbeddedMinaServer.PASSWORD));
        }
    }

    @Test
    void onlyIdsThisClassWritesComeBack() {
        SiteRef ref = QuickSites.ref(SessionSettings.of("::1", 2121, Credentials.of("ann@corp", "pw")));
        assertEquals("quick:ann@corp@[::1]:2121", ref.id());
        SiteRef back = QuickSites.fromId(ref.id()).orElseThrow();
        assertEquals(ref.settings().host(), back.settings().host());
        assertEquals("ann@corp", back.settings().credentials().user());
        assertNull(back.settings().credentials().password());
        assertEquals("ferry@", QuickSites.fromId("quick:anonymous@h:21").orElseThrow().settings().credentials()
                .password(), "anonymous needs no question");
        for (String bad : List.of("quick:", "quick:@h:21", "quick:u@h", "quick:u@h:0", "quick:u@h:021", "site:p1",
                "quick:u@:21")) {
            assertEquals(Optional.empty(), QuickSites.fromId(bad), bad);
        }
    }
}
