package org.ferryftp.transfer;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.PartialDownload;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogEntry;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ftp.Timeouts;
import org.ferryftp.testsupport.Rfc959Extension;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a folder's download costs per file where the listing gives times only to the minute (vsftpd's LIST; issue 18,
 * {@code app-small-get}): the exact time (MDTM) travels in the same write as EPSV and RETR, and the file still keeps
 * the time to the second.
 */
class DownloadRoundTripsTest {

    @TempDir
    Path local;
    @TempDir
    Path serverRoot;

    final List<LogEntry> log = new CopyOnWriteArrayList<>();

    TransferQueue queue() {
        SessionFactory sessions = s -> {
            FtpSession session = new FtpSession(s.settings(), "scripted", log::add);
            session.connect();
            return session;
        };
        return TransferQueue.create(QueueSettings.DEFAULT.withConcurrency(1), sessions,
                ConflictPolicy.fixed(ConflictChoice.OVERWRITE), SiteToSite.DEFAULTS);
    }

    static SiteRef scripted(ScriptedFtpServer server) {
        return new SiteRef("scripted", "Scripted", SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of("ferry", "secret")).withTimeouts(Timeouts.ofSeconds(5, 5, 5)), 1);
    }

    /** Files of 4 KiB on the server, each with a time that has seconds (which a LIST line cuts off). */
    byte[][] serverFolder(String name, int files, Instant time) throws Exception {
        Path dir = Files.createDirectories(serverRoot.resolve(name));
        Random random = new Random(files);
        byte[][] data = new byte[files][4096];
        for (int i = 0; i < files; i++) {
            random.nextBytes(data[i]);
            Path f = dir.resolve("f" + i + ".bin");
            Files.write(f, data[i]);
            Files.setLastModifiedTime(f, FileTime.from(time.plusSeconds(i)));
        }
        return data;
    }

    @Test
    void theExactTimeGoesOutWithTheTransferNotOnARoundTripOfItsOwn() throws Exception {
        Instant time = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2))
                .plusSeconds(7);
        byte[][] data = serverFolder("small", 4, time);
        try (ScriptedFtpServer s = new ScriptedFtpServer(serverRoot).lacks(Rfc959Extension.MLSD, 502)
                .lacks(Rfc959Extension.MLST, 502); TransferQueue q = queue()) {
            q.submit(List.of(new TransferRequest(Location.remote(scripted(s), "/small"), true,
                    Location.local(local.toString()), Priority.NORMAL)));
            assertTrue(q.awaitIdle(Duration.ofSeconds(60)), q.snapshot().toString());
            for (ItemSnapshot item : q.snapshot()) {
                assertInstanceOf(ItemState.Done.class, item.state(), item.toString());
            }
        }
        List<String> texts = log.stream().map(LogEntry::text).toList();
        int pipelined = 0;
        for (int i = 0; i < 4; i++) {
            String name = "/small/f" + i + ".bin";
            int mdtm = texts.indexOf("MDTM " + name);
            assertTrue(mdtm >= 0, "the exact time is asked: " + texts);
            assertEquals(1, texts.stream().filter(t -> t.equals("MDTM " + name)).count(), texts.toString());
            if (texts.get(mdtm + 1).equals("EPSV") && texts.get(mdtm + 2).equals("RETR " + name)) {
                pipelined++;
            }
            Path file = local.resolve("small/f" + i + ".bin");
            assertArrayEquals(data[i], Files.readAllBytes(file));
            assertEquals(time.plusSeconds(i), Files.getLastModifiedTime(file).toInstant(), "kept to the second");
        }
        // The first file of a connection asks EPSV on its own (it may not work); every later one pipelines.
        assertTrue(pipelined >= 3, "MDTM, EPSV and RETR in one write: " + texts);
        try (var left = Files.list(local.resolve("small"))) {
            assertEquals(List.of(), left.filter(p -> p.toString().contains(PartialDownload.SUFFIX)).toList());
        }
    }
}
