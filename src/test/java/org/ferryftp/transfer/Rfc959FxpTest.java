package org.ferryftp.transfer;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.testsupport.Rfc959Extension;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FXP with a server that has RFC 959 only and no PASV: it can still be the PORT side, either way round. */
class Rfc959FxpTest {

    static SiteRef site(String id, ScriptedFtpServer server) {
        return new SiteRef(id, id, SessionSettings.of("127.0.0.1", server.port(), Credentials.of("ferry", "secret")), 2);
    }

    static TransferQueue queue(ConflictChoice onConflict) {
        SessionFactory factory = s -> {
            FtpSession session = new FtpSession(s.settings(), LogListener.NONE);
            session.connect();
            return session;
        };
        RetryPolicy retry = new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(50), 0, new Random(1));
        return TransferQueue.create(QueueSettings.DEFAULT, factory, ConflictPolicy.fixed(onConflict), retry,
                SiteToSite.DEFAULTS);
    }

    @ParameterizedTest(name = "{0}, RFC 959 server is the source: {1}")
    @CsvSource({"500,true", "501,true", "502,true", "504,true", "500,false", "501,false", "502,false", "504,false"})
    void aServerWithoutPasvIsThePortSide(int code, boolean oldIsSource) throws Exception {
        byte[] data = new byte[300_000];
        new Random(code).nextBytes(data);
        try (ScriptedFtpServer old = ScriptedFtpServer.rfc959Only(code).lacks(Rfc959Extension.PASV, code);
             ScriptedFtpServer modern = new ScriptedFtpServer()) {
            ScriptedFtpServer source = oldIsSource ? old : modern;
            ScriptedFtpServer target = oldIsSource ? modern : old;
            source.putFile("/x.bin", data);
            // Already there with the same size: the conflict check (from LIST on the old server) skips it.
            source.putFile("/same.bin", data);
            target.putFile("/same.bin", new byte[data.length]);
            try (TransferQueue q = queue(ConflictChoice.OVERWRITE_IF_SIZE_DIFFERS)) {
                q.submit(List.of(
                        new TransferRequest(Location.remote(site("S", source), "/x.bin"), false,
                                Location.remote(site("T", target), "/"), Priority.NORMAL),
                        new TransferRequest(Location.remote(site("S", source), "/same.bin"), false,
                                Location.remote(site("T", target), "/"), Priority.NORMAL)));
                assertTrue(q.awaitIdle(Duration.ofSeconds(60)));
                assertInstanceOf(ItemState.Done.class, q.snapshot().get(0).state(), q.snapshot().toString());
                assertInstanceOf(ItemState.Skipped.class, q.snapshot().get(1).state(), q.snapshot().toString());
            }
            assertArrayEquals(data, target.file("/x.bin"));
            assertArrayEquals(new byte[data.length], target.file("/same.bin"), "skipped, not overwritten");
            assertTrue(old.commands().stream().anyMatch(c -> c.startsWith("PORT ")), old.commands().toString());
        }
    }
}
