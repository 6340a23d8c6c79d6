package org.ferryftp.transfer;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A site-to-site copy between a server on 127.0.0.1 and one on ::1: PASV/PORT (and EPSV/EPRT) name one address
 * family, so neither server can reach the other. The copy is refused up front, before any PASV or PORT, with a
 * message saying why; where the relay policy allows, it goes through Ferry instead, byte for byte.
 */
class FxpAcrossAddressFamiliesTest {

    static SiteRef site(String id, ScriptedFtpServer server) {
        return new SiteRef(id, id, SessionSettings.of(server.host(), server.port(), Credentials.of("ferry", "secret")), 2);
    }

    static TransferQueue queue(RelayPolicy relay) {
        SessionFactory factory = s -> {
            FtpSession session = new FtpSession(s.settings(), LogListener.NONE);
            session.connect();
            return session;
        };
        RetryPolicy retry = new RetryPolicy(1, Duration.ofMillis(20), Duration.ofMillis(50), 0, new Random(1));
        QueueSettings d = QueueSettings.DEFAULT;
        return TransferQueue.create(new QueueSettings(d.concurrency(), 1, d.keepAlive(), d.idleTimeout(),
                d.historyLimit(), d.durableFiles(), relay), factory, ConflictPolicy.fixed(ConflictChoice.OVERWRITE), retry,
                SiteToSite.DEFAULTS);
    }

    @ParameterizedTest(name = "IPv6 source: {0}, relay: {1}")
    @CsvSource({"true,NEVER", "false,NEVER", "true,FALLBACK", "false,FALLBACK"})
    void aCopyBetweenAddressFamiliesIsRefusedUpFrontAndRelayedWhereAllowed(boolean v6IsSource, RelayPolicy relay)
            throws Exception {
        byte[] data = new byte[200_000];
        new Random(6).nextBytes(data);
        try (ScriptedFtpServer v4 = new ScriptedFtpServer();
             ScriptedFtpServer v6 = ScriptedFtpServer.on(InetAddress.getByName("::1"))) {
            ScriptedFtpServer source = v6IsSource ? v6 : v4;
            ScriptedFtpServer target = v6IsSource ? v4 : v6;
            source.putFile("/x.bin", data);
            try (TransferQueue q = queue(relay)) {
                q.submit(List.of(new TransferRequest(Location.remote(site("S", source), "/x.bin"), false,
                        Location.remote(site("T", target), "/"), Priority.NORMAL)));
                assertTrue(q.awaitIdle(Duration.ofSeconds(60)));
                ItemState state = q.snapshot().get(0).state();
                if (relay == RelayPolicy.NEVER) {
                    ItemState.Failed failed = assertInstanceOf(ItemState.Failed.class, state);
                    String v4Name = v6IsSource ? "T" : "S";
                    String v6Name = v6IsSource ? "S" : "T";
                    assertEquals("a direct copy cannot work: " + v4Name + " is reached over IPv4 and " + v6Name
                            + " over IPv6, and servers of different address families cannot connect to each"
                            + " other; allow relaying through Ferry for these sites", failed.reason());
                    assertNull(target.file("/x.bin"), "nothing written");
                } else {
                    assertInstanceOf(ItemState.Done.class, state, q.snapshot().toString());
                    assertArrayEquals(data, target.file("/x.bin"));
                }
            }
            for (ScriptedFtpServer s : List.of(v4, v6)) {
                assertTrue(s.commands().stream().noneMatch(c -> c.toUpperCase().startsWith("PORT ")),
                        "no server was told to connect to the other: " + s.commands());
            }
        }
    }

    @ParameterizedTest(name = "relay allowed: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void twoIpv6ServersCopyDirectlyWithEpsvAndEprt(boolean relayAllowed) throws Exception {
        byte[] data = new byte[200_000];
        new Random(16).nextBytes(data);
        try (ScriptedFtpServer a = ScriptedFtpServer.on(InetAddress.getByName("::1"));
             ScriptedFtpServer b = ScriptedFtpServer.on(InetAddress.getByName("::1"))) {
            a.putFile("/x.bin", data);
            try (TransferQueue q = queue(relayAllowed ? RelayPolicy.FALLBACK : RelayPolicy.NEVER)) {
                q.submit(List.of(new TransferRequest(Location.remote(site("A", a), "/x.bin"), false,
                        Location.remote(site("B", b), "/"), Priority.NORMAL)));
                assertTrue(q.awaitIdle(Duration.ofSeconds(60)));
                assertInstanceOf(ItemState.Done.class, q.snapshot().get(0).state(), q.snapshot().toString());
            }
            assertArrayEquals(data, b.file("/x.bin"));
            List<String> all = new java.util.ArrayList<>(a.commands());
            all.addAll(b.commands());
            assertTrue(all.stream().anyMatch(c -> c.startsWith("EPSV")), all.toString());
            assertTrue(all.stream().anyMatch(c -> c.startsWith("EPRT |2|")), all.toString());
            assertTrue(all.stream().noneMatch(c -> c.startsWith("PASV") || c.startsWith("PORT ")), all.toString());
            // Directly: one RETR on A, one STOR on B, no second RETR for a relay.
            assertEquals(1, a.commands().stream().filter(c -> c.startsWith("RETR")).count(), a.commands().toString());
        }
    }
}
