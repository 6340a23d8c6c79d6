package org.ferryftp.ftp;

import org.ferryftp.session.TransferListener;

import org.ferryftp.ftp.repr.Representation;
import org.ferryftp.ftp.repr.TransferMode;
import org.ferryftp.ftp.repr.TransferType;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Transfers against embedded Apache MINA FtpServer: both data modes, resume, append, STOU, MODE Z, ABOR. */
class MinaTransferTest {

    @TempDir
    Path root;
    EmbeddedMinaServer server;
    final List<LogEntry> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = new EmbeddedMinaServer(root);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    FtpSession session(DataConnectionSettings data, Representation repr) throws FtpException {
        SessionSettings settings = SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD))
                .withData(data).withRepresentation(repr).withBufferSize(64 * 1024);
        FtpSession s = new FtpSession(settings, "test", log::add);
        s.connect();
        return s;
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @EnumSource(value = DataConnectionMode.class, names = {"PASSIVE", "ACTIVE"})
    void roundTripIsByteIdentical(DataConnectionMode mode) throws Exception {
        byte[] data = random(3_000_000, 1);
        try (FtpSession s = session(DataConnectionSettings.PASSIVE.withMode(mode), Representation.BINARY)) {
            MinaSessionTest.upload(s, "up.bin", data);
            assertArrayEquals(data, Files.readAllBytes(root.resolve("up.bin")));
            assertArrayEquals(data, MinaSessionTest.download(s, "up.bin"));
        }
        String wire = mode == DataConnectionMode.ACTIVE ? "PORT " : "PASV";
        assertTrue(log.stream().anyMatch(e -> e.text().startsWith(wire)), "expected " + wire + " on the wire");
        assertTrue(log.stream().anyMatch(e -> e.text().equals("TYPE I")));
    }

    @Test
    void resumesADownload() throws Exception {
        byte[] data = random(1_000_000, 2);
        server.write("big.bin", data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(data, 0, 300_000);
        try (FtpSession s = session(DataConnectionSettings.PASSIVE, Representation.BINARY)) {
            TransferResult r = s.retrieve("big.bin", out, 300_000, TransferListener.NONE);
            assertEquals(700_000, r.bytes());
        }
        assertArrayEquals(data, out.toByteArray());
        assertTrue(log.stream().anyMatch(e -> e.text().equals("REST 300000")));
    }

    @Test
    void resumesAnUpload() throws Exception {
        byte[] data = random(1_000_000, 3);
        server.write("part.bin", Arrays.copyOf(data, 400_000));
        try (FtpSession s = session(DataConnectionSettings.PASSIVE, Representation.BINARY)) {
            assertEquals(400_000, s.size("part.bin"));
            TransferResult r = s.store("part.bin", new ByteArrayInputStream(data), 400_000, TransferListener.NONE);
            assertEquals(600_000, r.bytes());
        }
        assertArrayEquals(data, Files.readAllBytes(root.resolve("part.bin")));
    }

    @Test
    void refusesToResumeWhenTheRepresentationConvertsData() throws Exception {
        try (FtpSession s = session(DataConnectionSettings.PASSIVE, Representation.ASCII)) {
            FtpSettingException e = assertThrows(FtpSettingException.class,
                    () -> s.retrieve("x", new ByteArrayOutputStream(), 10, TransferListener.NONE));
            assertTrue(e.getMessage().startsWith("resuming needs TYPE I"), e.getMessage());
        }
    }

    @Test
    void appends() throws Exception {
        server.write("log.txt", "one\n".getBytes());
        try (FtpSession s = session(DataConnectionSettings.PASSIVE, Representation.BINARY)) {
            s.append("log.txt", new ByteArrayInputStream("two\n".getBytes()), TransferListener.NONE);
        }
        assertEquals("one\ntwo\n", Files.readString(root.resolve("log.txt")));
    }

    @Test
    void deflateModeRoundTrip() throws Exception {
        byte[] data = ("compressible line of text\n".repeat(20_000)).getBytes();
        Representation z = Representation.BINARY.withMode(TransferMode.DEFLATE);
        try (FtpSession s = session(DataConnectionSettings.PASSIVE, z)) {
            MinaSessionTest.upload(s, "z.txt", data);
            assertArrayEquals(data, MinaSessionTest.download(s, "z.txt"));
        }
        assertArrayEquals(data, Files.readAllBytes(root.resolve("z.txt")));
        assertTrue(log.stream().anyMatch(e -> e.text().equals("MODE Z")));
    }

    @Test
    void refusedTypeIsReportedAndNothingElseIsSent() throws Exception {
        server.write("e.txt", "x".getBytes());
        Representation ebcdic = Representation.BINARY.withType(TransferType.EBCDIC);
        try (FtpSession s = session(DataConnectionSettings.PASSIVE, ebcdic)) {
            FtpRefusedException e = assertThrows(FtpRefusedException.class, () -> MinaSessionTest.download(s, "e.txt"));
            assertTrue(e.getMessage().startsWith("server refused TYPE E N: 504"), e.getMessage());
            assertEquals(200, s.noop().code());
        }
        assertFalse(log.stream().anyMatch(e -> e.text().startsWith("RETR")), "no RETR after the refusal");
        assertFalse(log.stream().anyMatch(e -> e.text().equals("TYPE I")), "never falls back to TYPE I");
    }

    @Test
    void abortLeavesTheConnectionInStep() throws Exception {
        server.write("huge.bin", random(40_000_000, 4));
        try (FtpSession s = session(DataConnectionSettings.PASSIVE, Representation.BINARY)) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            TransferAbortedException e = assertThrows(TransferAbortedException.class,
                    () -> s.retrieve("huge.bin", sink, 0, bytes -> {
                        if (bytes > 1_000_000) {
                            s.abort();
                        }
                    }));
            assertFalse(e.isConnectionBroken(), e.getMessage());
            assertTrue(sink.size() < 40_000_000);
            // The next replies must belong to the next commands: no off-by-one after ABOR.
            assertEquals("/", s.pwd());
            server.write("small.txt", "ok".getBytes());
            assertArrayEquals("ok".getBytes(), MinaSessionTest.download(s, "small.txt"));
        }
        assertTrue(log.stream().anyMatch(e -> e.text().equals("ABOR")));
    }

    @Test
    void missingFileIsRefusedAndTheSessionStaysUsable() throws Exception {
        try (FtpSession s = session(DataConnectionSettings.PASSIVE, Representation.BINARY)) {
            FtpRefusedException e = assertThrows(FtpRefusedException.class, () -> MinaSessionTest.download(s, "nope.bin"));
            assertEquals(550, e.reply().code());
            assertTrue(e.getMessage().startsWith("server refused RETR nope.bin: 550"), e.getMessage());
            assertEquals("/", s.pwd());
        }
    }
}
