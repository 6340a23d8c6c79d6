package org.ferryftp.transfer;

import org.ferryftp.fs.Location;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Server-to-server copies keep the source's time as uploads keep the local file's, and a target that cannot set
 * times is named once per site for the queue's lifetime, however many files go there, directly (FXP) or relayed.
 */
class TimeNoticesTest {

    private static final Instant SOURCE_TIME = Instant.parse("2021-03-04T05:06:07Z");

    @ParameterizedTest(name = "relay {0}")
    @EnumSource(value = RelayPolicy.class, names = {"FALLBACK", "ALWAYS"})
    void aTargetThatCannotSetTimesIsNamedOncePerSite(RelayPolicy relay) throws Exception {
        byte[] one = bytes(1, 70_000);
        byte[] two = bytes(2, 50_000);
        List<String> notices = Collections.synchronizedList(new ArrayList<>());
        SessionFactory factory = s -> {
            FtpSession session = new FtpSession(s.settings(), entry -> {
                if (entry.text().contains("cannot set modification times")) {
                    notices.add(s.id() + ": " + entry.text());
                }
            });
            session.connect();
            return session;
        };
        RetryPolicy retry = new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(50), 0, new Random(1));
        try (ScriptedFtpServer source = new ScriptedFtpServer();
             ScriptedFtpServer timeless1 = ScriptedFtpServer.rfc959Only(500);
             ScriptedFtpServer timeless2 = ScriptedFtpServer.rfc959Only(502);
             ScriptedFtpServer keeper = new ScriptedFtpServer();
             TransferQueue q = TransferQueue.create(QueueSettings.DEFAULT.withConcurrency(1).withRelay(relay),
                     factory, ConflictPolicy.fixed(ConflictChoice.OVERWRITE), retry, SiteToSite.DEFAULTS)) {
            source.putFile("/one.bin", one).setModifiedTime("/one.bin", SOURCE_TIME);
            source.putFile("/two.bin", two).setModifiedTime("/two.bin", SOURCE_TIME);
            List<TransferRequest> requests = new ArrayList<>();
            for (var target : Map.of("T1", timeless1, "T2", timeless2, "K", keeper).entrySet()) {
                for (String name : List.of("/one.bin", "/two.bin")) {
                    requests.add(new TransferRequest(Location.remote(Rfc959FxpTest.site("S", source), name), false,
                            Location.remote(Rfc959FxpTest.site(target.getKey(), target.getValue()), "/"),
                            Priority.NORMAL));
                }
            }
            q.submit(requests);
            assertTrue(q.awaitIdle(Duration.ofSeconds(60)));
            assertTrue(q.snapshot().stream().allMatch(i -> i.state() instanceof ItemState.Done),
                    q.snapshot().toString());
            for (ScriptedFtpServer target : List.of(timeless1, timeless2, keeper)) {
                assertArrayEquals(one, target.file("/one.bin"));
                assertArrayEquals(two, target.file("/two.bin"));
            }
            assertEquals(SOURCE_TIME, keeper.modifiedTime("/one.bin"));
            assertEquals(SOURCE_TIME, keeper.modifiedTime("/two.bin"));
        }
        Map<String, Integer> perSite = new TreeMap<>();
        for (String n : notices) {
            perSite.merge(n.substring(0, n.indexOf(':')), 1, Integer::sum);
        }
        assertEquals(Map.of("T1", 1, "T2", 1), perSite, notices.toString());
    }

    private static byte[] bytes(int seed, int size) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }
}
