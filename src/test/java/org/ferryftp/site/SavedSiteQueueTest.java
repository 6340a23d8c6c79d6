package org.ferryftp.site;

import org.ferryftp.transfer.StandardSessions;
import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.site.vault.MemoryCredentialStore;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.TransferQueue;
import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.ferryftp.transfer.journal.JournalLoad;
import org.ferryftp.transfer.journal.QueueJournal;
import org.ferryftp.transfer.journal.SiteResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue with a saved site: requests carry a password-free ref, the catalog's session factory
 * logs in with the stored password, and the journal finds the site again after a restart.
 */
class SavedSiteQueueTest {

    @TempDir
    Path tmp;

    @Test
    void aSavedSiteDownloadsWithItsStoredPasswordAndIsFoundAgainAfterARestart() throws Exception {
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(tmp.resolve("server"))) {
            server.write("a.txt", "alpha".getBytes(StandardCharsets.UTF_8));
            SiteProfile profile = SiteProfile.builder("p1", "Mina", "127.0.0.1").port(server.port())
                    .user(EmbeddedMinaServer.USER).build();
            MemoryCredentialStore credentials = new MemoryCredentialStore();
            credentials.put(SiteSessions.credentialKey(profile), EmbeddedMinaServer.PASSWORD);
            SiteCatalog catalog = new SiteCatalog(credentials, p -> Optional.empty());
            catalog.setProfiles(List.of(profile));
            SiteResolver resolver = catalog.resolver(id -> Optional.empty());
            SiteRef ref = resolver.resolve("site:p1").orElseThrow();
            assertNull(ref.settings().credentials().password(), "the queue item holds no password");

            Path config = tmp.resolve("config");
            Path local = Files.createDirectories(tmp.resolve("local"));
            TransferQueue queue = TransferQueue.create(QueueSettings.DEFAULT, catalog.sessions(new StandardSessions(LogListener.NONE)),
                    ConflictPolicy.fixed(ConflictChoice.SKIP));
            try (QueueJournal journal = QueueJournal.attach(queue, config, resolver)) {
                queue.submit(List.of(new TransferRequest(Location.remote(ref, "/a.txt"), false,
                        Location.local(local.toString()), Priority.NORMAL)));
                assertTrue(queue.awaitIdle(Duration.ofSeconds(30)), queue.snapshot().toString());
                queue.close();
            }
            assertEquals("alpha", Files.readString(local.resolve("a.txt")));

            JournalLoad restored = QueueJournal.load(config, catalog.resolver(id -> Optional.empty()));
            assertEquals(Optional.empty(), restored.problem());
            List<ItemSnapshot> items = restored.items();
            assertEquals(1, items.size());
            assertEquals("site:p1", items.get(0).source().site().id());
        }
    }
}
