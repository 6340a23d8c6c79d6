package org.ferryftp.transfer;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogEntry;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commands a server-to-server copy costs around the transfer itself (issue 18, app-fxp: the copy of one file in
 * a running app against lftp's), with the checks that keep it byte-identical and safe: the stored size before the
 * rename, and the final name still free.
 */
class FxpRoundTripsTest {

    static final Instant SOURCE_TIME = Instant.parse("2024-03-05T06:07:08Z");

    final List<LogEntry> log = new CopyOnWriteArrayList<>();

    TransferQueue queue() {
        SessionFactory sessions = s -> {
            FtpSession session = new FtpSession(s.settings(), s.name(), log::add);
            session.connect();
            return session;
        };
        return TransferQueue.create(QueueSettings.DEFAULT.withConcurrency(1), sessions,
                ConflictPolicy.fixed(ConflictChoice.OVERWRITE), SiteToSite.DEFAULTS);
    }

    static SiteRef site(String id, ScriptedFtpServer server) {
        return new SiteRef(id, id, server.sessionSettings(), 2);
    }

    byte[] copy(ScriptedFtpServer a, ScriptedFtpServer b) throws Exception {
        byte[] data = new byte[200_000];
        new Random(18).nextBytes(data);
        a.putFile("/x.bin", data).setModifiedTime("/x.bin", SOURCE_TIME);
        try (TransferQueue q = queue()) {
            q.submit(List.of(new TransferRequest(Location.remote(site("A", a), "/x.bin"), false,
                    Location.remote(site("B", b), "/"), Priority.NORMAL)));
            assertTrue(q.awaitIdle(Duration.ofSeconds(30)));
            assertInstanceOf(ItemState.Done.class, q.snapshot().get(0).state(), q.snapshot().toString());
        }
        return data;
    }

    /** What one connection sent and received, in order, as "→ TEXT" and "← TEXT". */
    List<String> dialogue(String connection) {
        return log.stream().filter(e -> e.connection().equals(connection) && e.direction() != LogEntry.Direction.INFO)
                .map(e -> e.direction().arrow() + " " + e.text()).toList();
    }

    @Test
    void afterTheTransferTheChecksGoTogetherAndTheTimeGoesWithTheRename() throws Exception {
        try (ScriptedFtpServer a = new ScriptedFtpServer(); ScriptedFtpServer b = new ScriptedFtpServer()) {
            byte[] data = copy(a, b);
            assertArrayEquals(data, b.file("/x.bin"));
            assertFalse(b.exists("/x.bin.ferry-part"));
            assertEquals(SOURCE_TIME, b.modifiedTime("/x.bin"), "the copy keeps the source's time");

            List<String> onB = b.commands();
            int stor = onB.indexOf("STOR /x.bin.ferry-part");
            assertTrue(stor >= 0, onB.toString());
            List<String> after = onB.subList(stor + 1, onB.size()).stream().filter(c -> !c.equals("QUIT")).toList();
            assertEquals(List.of("SIZE /x.bin.ferry-part", "SIZE /x.bin", "MFMT 20240305060708 /x.bin.ferry-part",
                    "RNFR /x.bin.ferry-part", "RNTO /x.bin"), after, "on B after the transfer: " + onB);

            List<String> onA = a.commands();
            int retr = onA.indexOf("RETR /x.bin");
            assertTrue(retr >= 0, onA.toString());
            assertEquals(List.of(), onA.subList(retr + 1, onA.size()).stream().filter(c -> !c.equals("QUIT"))
                    .toList(), "nothing more is asked of A after the transfer: " + onA);

            // Two writes on B: both size checks before their replies, then the time and the rename.
            List<String> d = dialogue("B");
            int checks = d.indexOf("→ SIZE /x.bin.ferry-part");
            assertEquals("→ SIZE /x.bin", d.get(checks + 1), d.toString());
            int time = d.indexOf("→ MFMT 20240305060708 /x.bin.ferry-part");
            assertEquals(List.of("→ RNFR /x.bin.ferry-part", "→ RNTO /x.bin"), d.subList(time + 1, time + 3),
                    d.toString());
        }
    }

    @Test
    void beforeTheTransferBothServersAreAskedAtOnceEachInOneWrite() throws Exception {
        try (ScriptedFtpServer a = new ScriptedFtpServer(); ScriptedFtpServer b = new ScriptedFtpServer()) {
            b.putFile("/x.bin", new byte[10]); // overwritten: its size is what the conflict check asks for
            byte[] data = copy(a, b);
            assertArrayEquals(data, b.file("/x.bin"));
            assertEquals(SOURCE_TIME, b.modifiedTime("/x.bin"));
        }
        List<String> all = log.stream().filter(e -> e.direction() != LogEntry.Direction.INFO)
                .map(e -> e.connection() + " " + e.direction().arrow() + " " + e.text()).toList();
        int start = Math.min(all.indexOf("A → TYPE I"), all.indexOf("B → TYPE I"));
        assertTrue(start >= 0, all.toString());
        // The plan's questions to both servers, all sent before any answer is read ...
        assertEquals(java.util.Set.of("A → TYPE I", "A → SIZE /x.bin", "A → MDTM /x.bin", "B → TYPE I",
                "B → SIZE /x.bin"), java.util.Set.copyOf(all.subList(start, start + 5)), all.toString());
        // ... each server's in one write.
        List<String> onA = dialogue("A");
        int t = onA.indexOf("→ TYPE I");
        assertEquals(List.of("→ TYPE I", "→ SIZE /x.bin", "→ MDTM /x.bin"), onA.subList(t, t + 3), onA.toString());
        assertEquals(1, onA.stream().filter(c -> c.startsWith("→ MDTM")).count(), "the time is asked once: " + onA);
        List<String> onB = dialogue("B");
        int u = onB.indexOf("→ TYPE I");
        assertEquals(List.of("→ TYPE I", "→ SIZE /x.bin"), onB.subList(u, u + 2), onB.toString());
    }

    @Test
    void aSourceThatAdvertisesSizeButDoesNotHaveItIsAskedTheUsualWayAndTheSessionStaysInStep() throws Exception {
        try (ScriptedFtpServer a = new ScriptedFtpServer(); ScriptedFtpServer b = new ScriptedFtpServer()) {
            a.refusesAdvertised(org.ferryftp.testsupport.Rfc959Extension.SIZE, 502);
            byte[] data = copy(a, b);
            assertArrayEquals(data, b.file("/x.bin"));
            assertEquals(SOURCE_TIME, b.modifiedTime("/x.bin"));
            List<String> onA = a.commands();
            int size = onA.indexOf("SIZE /x.bin");
            assertEquals(List.of("SIZE /x.bin", "MDTM /x.bin", "MLST /x.bin"), onA.subList(size, size + 3),
                    "the size from MLST after SIZE's refusal: " + onA);
        }
    }
}
