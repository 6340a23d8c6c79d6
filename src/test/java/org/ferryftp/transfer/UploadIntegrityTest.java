package org.ferryftp.transfer;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ftp.Timeouts;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.ferryftp.testsupport.UploadCutter;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uploads are done only when byte-identical: an item's own earlier attempt is continued, never skipped as a
 * conflict; the file appears under its name only when complete; size and checksum decide "done".
 */
class UploadIntegrityTest {

    @TempDir
    Path local;
    @TempDir
    Path serverRoot;
    final List<String> notes = new CopyOnWriteArrayList<>();

    TransferQueue queue(ConflictChoice choice) {
        SessionFactory sessions = s -> {
            FtpSession session = new FtpSession(s.settings(), entry -> {
                if (entry.direction() == org.ferryftp.ftp.LogEntry.Direction.INFO) {
                    notes.add(entry.text());
                }
            });
            session.connect();
            return session;
        };
        RetryPolicy retry = new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(50), 0, new Random(1));
        return TransferQueue.create(QueueSettings.DEFAULT, sessions, ConflictPolicy.fixed(choice), retry);
    }

    static SiteRef mina(EmbeddedMinaServer server, boolean viaTempName) {
        return new SiteRef("mina", "MINA", SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)), 2, viaTempName);
    }

    static SiteRef scripted(ScriptedFtpServer server) {
        return new SiteRef("scripted", "Scripted", SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of("ferry", "secret")).withTimeouts(Timeouts.ofSeconds(5, 5, 5)), 1);
    }

    Path localFile(String name, int size, long seed) throws Exception {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return Files.write(local.resolve(name), data);
    }

    static ItemSnapshot upload(TransferQueue q, Path file, SiteRef site) throws InterruptedException {
        q.submit(List.of(new TransferRequest(Location.local(file.toString()), false, Location.remote(site, "/"),
                Priority.NORMAL)));
        assertTrue(q.awaitIdle(Duration.ofSeconds(60)), q.snapshot().toString());
        return q.snapshot().get(q.snapshot().size() - 1);
    }

    @Test
    void aRetryAfterTheServerSessionDiedMidStorContinuesItsOwnTempFile() throws Exception {
        Path src = localFile("big.bin", 3_000_000, 1);
        UploadCutter cutter = new UploadCutter(1_000_000, 1);
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(serverRoot, cutter);
             TransferQueue q = queue(ConflictChoice.SKIP)) {
            ItemSnapshot item = upload(q, src, mina(server, true));
            assertInstanceOf(ItemState.Done.class, item.state(), item.toString());
            assertTrue(item.attempts() >= 2, item.toString());
            assertEquals(0, cutter.cutsLeft());
            // Continued where the cut left it, not started over.
            assertEquals(List.of("1000000"), server.transfers().restArguments());
        }
        assertArrayEquals(Files.readAllBytes(src), Files.readAllBytes(serverRoot.resolve("big.bin")));
        assertFalse(Files.exists(serverRoot.resolve("big.bin.ferry-part")));
    }

    @Test
    void withoutTempNamesARetryStillContinuesItsOwnPartialInsteadOfSkippingIt() throws Exception {
        Path src = localFile("direct.bin", 2_000_000, 2);
        UploadCutter cutter = new UploadCutter(700_000, 1);
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(serverRoot, cutter);
             TransferQueue q = queue(ConflictChoice.SKIP)) {
            ItemSnapshot item = upload(q, src, mina(server, false));
            assertInstanceOf(ItemState.Done.class, item.state(), item.toString());
            assertEquals(0, cutter.cutsLeft());
        }
        assertArrayEquals(Files.readAllBytes(src), Files.readAllBytes(serverRoot.resolve("direct.bin")));
    }

    @Test
    void aFileAppearsUnderItsNameOnlyWhenComplete() throws Exception {
        Path src = localFile("part.bin", 2_000_000, 3);
        // Every attempt is cut: the upload fails, and its bytes are only under the temporary name.
        UploadCutter cutter = new UploadCutter(300_000, 100);
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(serverRoot, cutter);
             TransferQueue q = queue(ConflictChoice.SKIP)) {
            ItemSnapshot item = upload(q, src, mina(server, true));
            assertInstanceOf(ItemState.Failed.class, item.state(), item.toString());
        }
        assertFalse(Files.exists(serverRoot.resolve("part.bin")));
        assertTrue(Files.size(serverRoot.resolve("part.bin.ferry-part")) > 0);
    }

    @Test
    void anExistingTargetIsReplacedOnlyWhenComplete_andOnlyWhenTheDecisionSaidOverwrite() throws Exception {
        Path src = localFile("keep.bin", 300_000, 4);
        Files.write(serverRoot.resolve("keep.bin"), "old".getBytes());
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(serverRoot)) {
            try (TransferQueue q = queue(ConflictChoice.SKIP)) {
                assertInstanceOf(ItemState.Skipped.class, upload(q, src, mina(server, true)).state());
            }
            assertEquals("old", Files.readString(serverRoot.resolve("keep.bin")));
            try (TransferQueue q = queue(ConflictChoice.OVERWRITE)) {
                assertInstanceOf(ItemState.Done.class, upload(q, src, mina(server, true)).state());
            }
        }
        assertArrayEquals(Files.readAllBytes(src), Files.readAllBytes(serverRoot.resolve("keep.bin")));
        assertFalse(Files.exists(serverRoot.resolve("keep.bin.ferry-part")));
    }

    @Test
    void aServerThatRefusesRntoOntoAFileGetsDeleThenRnto() throws Exception {
        Path src = localFile("x.bin", 100_000, 5);
        try (ScriptedFtpServer s = new ScriptedFtpServer().refusesRenameOntoFile()) {
            s.putFile("/x.bin", "old".getBytes());
            try (TransferQueue q = queue(ConflictChoice.OVERWRITE)) {
                ItemSnapshot item = upload(q, src, scripted(s));
                assertInstanceOf(ItemState.Done.class, item.state(), item.toString());
            }
            assertArrayEquals(Files.readAllBytes(src), s.file("/x.bin"));
            assertFalse(s.exists("/x.bin.ferry-part"));
            List<String> c = s.commands();
            assertTrue(c.indexOf("DELE /x.bin") > c.indexOf("RNTO /x.bin"), c.toString());
            assertTrue(notes.stream().anyMatch(n -> n.contains("deleted /x.bin first")), notes.toString());
        }
    }

    @Test
    void whereRenamingIsRefusedTheSiteFallsBackToDirectUploadsForTheRestOfTheRun() throws Exception {
        Path one = localFile("one.bin", 50_000, 6);
        Path two = localFile("two.bin", 60_000, 7);
        try (ScriptedFtpServer s = new ScriptedFtpServer()) {
            s.script("RNFR", "502 Command not implemented.\r\n");
            SiteRef site = scripted(s);
            try (TransferQueue q = queue(ConflictChoice.SKIP)) {
                assertInstanceOf(ItemState.Done.class, upload(q, one, site).state(), q.snapshot().toString());
                assertInstanceOf(ItemState.Done.class, upload(q, two, site).state(), q.snapshot().toString());
            }
            assertArrayEquals(Files.readAllBytes(one), s.file("/one.bin"));
            assertArrayEquals(Files.readAllBytes(two), s.file("/two.bin"));
            assertFalse(s.exists("/one.bin.ferry-part"));
            assertFalse(s.exists("/two.bin.ferry-part"));
            assertEquals(1, s.commands().stream().filter(c -> c.startsWith("RNFR")).count(), s.commands().toString());
            assertTrue(notes.stream().anyMatch(n -> n.contains("uploading directly to Scripted for the rest of this run")),
                    notes.toString());
        }
    }

    @Test
    void aConnectionLostJustAfterTheRenameIsRecognisedAsTheItemsOwnRename() throws Exception {
        Path src = localFile("r.bin", 80_000, 11);
        try (ScriptedFtpServer s = new ScriptedFtpServer()) {
            s.dropAfterNext("RNTO");
            try (TransferQueue q = queue(ConflictChoice.SKIP)) {
                ItemSnapshot item = upload(q, src, scripted(s));
                assertInstanceOf(ItemState.Done.class, item.state(), item.toString());
                assertTrue(item.attempts() >= 2, item.toString());
            }
            assertArrayEquals(Files.readAllBytes(src), s.file("/r.bin"));
            assertFalse(s.exists("/r.bin.ferry-part"));
            assertEquals(1, s.commands().stream().filter(c -> c.startsWith("STOR")).count(), "not sent twice");
        }
    }

    @Test
    void withoutRestStreamTheRetryAppendsToItsOwnTempFile() throws Exception {
        Path src = localFile("a.bin", 300_000, 12);
        try (ScriptedFtpServer s = new ScriptedFtpServer()) {
            s.features("UTF8", "SIZE", "MDTM", "EPSV");
            s.cutUpload("/a.bin.ferry-part", 100_000);
            try (TransferQueue q = queue(ConflictChoice.SKIP)) {
                ItemSnapshot item = upload(q, src, scripted(s));
                assertInstanceOf(ItemState.Done.class, item.state(), item.toString());
            }
            assertArrayEquals(Files.readAllBytes(src), s.file("/a.bin"));
            assertTrue(s.commands().contains("APPE /a.bin.ferry-part"), s.commands().toString());
            assertFalse(s.commands().stream().anyMatch(c -> c.startsWith("REST")), s.commands().toString());
        }
    }

    @Test
    void aChecksumMismatchFailsAndLeavesNothingUnderTheFinalName() throws Exception {
        Path src = localFile("c.bin", 40_000, 8);
        try (ScriptedFtpServer s = new ScriptedFtpServer()) {
            s.features("UTF8", "SIZE", "MDTM", "REST STREAM", "EPSV", "XSHA256");
            s.wrongChecksum("/c.bin");
            try (TransferQueue q = queue(ConflictChoice.SKIP)) {
                ItemSnapshot item = upload(q, src, scripted(s));
                assertInstanceOf(ItemState.Failed.class, item.state(), item.toString());
                assertTrue(((ItemState.Failed) item.state()).reason().contains("checksum mismatch"), item.toString());
                assertEquals(5, item.attempts(), "never skipped as an existing target");
            }
            assertFalse(s.exists("/c.bin"));
        }
    }

    @Test
    void sizeIsCheckedWithMlstWhenTheServerHasNoSize() throws Exception {
        Path src = localFile("m.bin", 70_000, 9);
        try (ScriptedFtpServer s = new ScriptedFtpServer()) {
            s.features("UTF8", "MDTM", "REST STREAM", "EPSV", "MLST type*;size*;modify*;perm*;");
            try (TransferQueue q = queue(ConflictChoice.SKIP)) {
                assertInstanceOf(ItemState.Done.class, upload(q, src, scripted(s)).state());
            }
            assertArrayEquals(Files.readAllBytes(src), s.file("/m.bin"));
            assertTrue(s.commands().contains("MLST /m.bin.ferry-part"), s.commands().toString());
        }
    }

    @Test
    void aRestartFromTheJournalContinuesTheItemsOwnTempFile() throws Exception {
        Path src = localFile("restart.bin", 6_000_000, 10);
        Path config = Files.createDirectories(local.resolve("config"));
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(serverRoot)) {
            // Small buffers and a low limit: the upload is far from done when the queue closes, even on a busy machine.
            SiteRef site = new SiteRef("mina", "MINA", mina(server, true).settings().withBufferSize(64 * 1024), 2);
            org.ferryftp.transfer.journal.SiteResolver sites = id -> java.util.Optional.of(site);
            TransferQueue first = queue(ConflictChoice.SKIP);
            org.ferryftp.transfer.journal.QueueJournal journal =
                    org.ferryftp.transfer.journal.QueueJournal.attach(first, config, sites);
            first.setBandwidthLimit(500_000);
            java.util.concurrent.CountDownLatch moving = QueueControlTest.progressPast(first, 600_000);
            first.submit(List.of(new TransferRequest(Location.local(src.toString()), false, Location.remote(site, "/"),
                    Priority.NORMAL)));
            assertTrue(moving.await(20, java.util.concurrent.TimeUnit.SECONDS));
            first.close(); // as at a quit: the running upload stops where it is
            journal.close();
            assertFalse(Files.exists(serverRoot.resolve("restart.bin")));

            try (TransferQueue second = queue(ConflictChoice.SKIP)) {
                org.ferryftp.transfer.journal.QueueJournal again =
                        org.ferryftp.transfer.journal.QueueJournal.attach(second, config, sites);
                ItemSnapshot restored = second.snapshot().get(0);
                assertEquals("/restart.bin.ferry-part", restored.ownTarget().path(), restored.toString());
                second.resume(List.of(restored.id()));
                assertTrue(second.awaitIdle(Duration.ofSeconds(60)));
                ItemSnapshot item = second.snapshot().get(0);
                assertInstanceOf(ItemState.Done.class, item.state(), item.toString());
                again.close();
            }
            assertTrue(server.transfers().restArguments().stream().anyMatch(r -> Long.parseLong(r) >= 600_000),
                    "continued, not started over: " + server.transfers().restArguments());
        }
        assertArrayEquals(Files.readAllBytes(src), Files.readAllBytes(serverRoot.resolve("restart.bin")));
        assertFalse(Files.exists(serverRoot.resolve("restart.bin.ferry-part")));
    }
}
