package org.ferryftp.transfer;

import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ftp.Timeouts;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commands a folder's upload costs per file (issue 18: the queue's small-file speed), with the checks that
 * keep it safe: a name is asked about before writing unless the folder was created empty by this very upload.
 */
class UploadRoundTripsTest {

    @TempDir
    Path local;
    @TempDir
    Path serverRoot;

    TransferQueue queue(ConflictChoice choice) {
        SessionFactory sessions = s -> {
            FtpSession session = new FtpSession(s.settings(), entry -> { });
            session.connect();
            return session;
        };
        return TransferQueue.create(QueueSettings.DEFAULT.withConcurrency(1), sessions, ConflictPolicy.fixed(choice),
                SiteToSite.DEFAULTS);
    }

    Path folder(String name, int files) throws IOException {
        Path dir = Files.createDirectories(local.resolve(name));
        Random random = new Random(files);
        for (int i = 0; i < files; i++) {
            byte[] data = new byte[4096];
            random.nextBytes(data);
            Files.write(dir.resolve("f" + i + ".bin"), data);
        }
        return dir;
    }

    static List<ItemSnapshot> upload(TransferQueue q, Path folder, SiteRef site, String into)
            throws InterruptedException {
        q.submit(List.of(new TransferRequest(Location.local(folder.toString()), true, Location.remote(site, into),
                Priority.NORMAL)));
        assertTrue(q.awaitIdle(Duration.ofSeconds(60)), q.snapshot().toString());
        return q.snapshot();
    }

    static SiteRef scripted(ScriptedFtpServer server) {
        return new SiteRef("scripted", "Scripted", SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of("ferry", "secret")).withTimeouts(Timeouts.ofSeconds(5, 5, 5)), 1);
    }

    @Test
    void intoAFolderTheUploadCreatedNoNameIsAskedAboutBeforeItIsWritten() throws Exception {
        Path folder = folder("fresh", 3);
        try (ScriptedFtpServer s = new ScriptedFtpServer(serverRoot); TransferQueue q = queue(ConflictChoice.SKIP)) {
            for (ItemSnapshot item : upload(q, folder, scripted(s), "/up")) {
                assertInstanceOf(ItemState.Done.class, item.state(), item.toString());
            }
            List<String> c = s.commands();
            for (int i = 0; i < 3; i++) {
                String name = "/up/fresh/f" + i + ".bin";
                int stor = c.indexOf("STOR " + name + ".ferry-part");
                assertTrue(stor >= 0, c.toString());
                assertFalse(c.subList(0, stor).contains("SIZE " + name), "asked before writing: " + c);
                assertFalse(c.contains("SIZE " + name + ".ferry-part") && c.indexOf("SIZE " + name + ".ferry-part")
                        < stor, "looked for a partial of its own: " + c);
                assertFalse(c.contains("MDTM " + name + ".ferry-part"), "a size check asks no time: " + c);
                // After the data: the two size checks, then the time with the rename; nothing else.
                String next = stor + 6 < c.size() ? c.get(stor + 6) : "";
                assertTrue(next.startsWith("EPSV") || next.startsWith("QUIT") || next.isEmpty(), c.toString());
                assertEquals("SIZE " + name + ".ferry-part", c.get(stor + 1), c.toString());
                assertEquals("SIZE " + name, c.get(stor + 2), c.toString());
                assertTrue(c.get(stor + 3).startsWith("MFMT ") && c.get(stor + 3).endsWith(name + ".ferry-part"),
                        c.toString());
                assertEquals("RNTO " + name, c.get(stor + 5), c.toString());
                assertEquals(Files.getLastModifiedTime(folder.resolve("f" + i + ".bin")).toInstant()
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                        Files.getLastModifiedTime(serverRoot.resolve("up/fresh/f" + i + ".bin")).toInstant(),
                        "the file keeps its time");
                assertArrayEquals(Files.readAllBytes(folder.resolve("f" + i + ".bin")),
                        Files.readAllBytes(serverRoot.resolve("up/fresh/f" + i + ".bin")));
            }
        }
    }

    @Test
    void intoAFolderThatWasThereEveryNameIsStillAskedAbout() throws Exception {
        Path folder = folder("again", 3);
        try (ScriptedFtpServer s = new ScriptedFtpServer(serverRoot)) {
            try (TransferQueue q = queue(ConflictChoice.SKIP)) {
                upload(q, folder, scripted(s), "/up");
                // The same drop again, in the same queue: the folder exists now, and SKIP must find every file.
                Files.write(folder.resolve("f1.bin"), "changed".getBytes());
                List<ItemSnapshot> all = upload(q, folder, scripted(s), "/up");
                long skipped = all.stream().filter(i -> i.state() instanceof ItemState.Skipped).count();
                assertEquals(3, skipped, all.toString());
            }
            assertEquals(4096, Files.size(serverRoot.resolve("up/again/f1.bin")));
        }
    }

    @Test
    void aFileSomeoneElsePutsIntoTheNewFolderMeanwhileIsNotReplaced() throws Exception {
        Path folder = folder("race", 2);
        byte[] theirs = "someone else's".getBytes();
        // While the first file is being written, another client puts the second file's name there.
        DefaultFtplet other = new DefaultFtplet() {
            @Override
            public FtpletResult onUploadStart(org.apache.ftpserver.ftplet.FtpSession session, FtpRequest request)
                    throws IOException {
                if (request.getArgument().endsWith("f0.bin.ferry-part")) {
                    Files.write(serverRoot.resolve("up/race/f1.bin"), theirs);
                }
                return FtpletResult.DEFAULT;
            }
        };
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(serverRoot, other);
             TransferQueue q = queue(ConflictChoice.OVERWRITE)) {
            SiteRef site = new SiteRef("mina", "MINA", SessionSettings.of("127.0.0.1", server.port(),
                    Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)), 1, true);
            List<ItemSnapshot> all = upload(q, folder, site, "/up");
            ItemSnapshot second = all.stream().filter(i -> i.source().path().endsWith("f1.bin")).findFirst()
                    .orElseThrow();
            assertInstanceOf(ItemState.Failed.class, second.state(), all.toString());
        }
        assertArrayEquals(theirs, Files.readAllBytes(serverRoot.resolve("up/race/f1.bin")));
        assertArrayEquals(Files.readAllBytes(folder.resolve("f0.bin")),
                Files.readAllBytes(serverRoot.resolve("up/race/f0.bin")));
    }
}
