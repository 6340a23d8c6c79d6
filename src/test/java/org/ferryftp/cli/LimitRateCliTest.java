package org.ferryftp.cli;

import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --limit-rate} as curl takes it (issue 17), against embedded MINA: each command takes at least the time the
 * rate allows, which loopback without a limit beats by far (these sizes move in tens of milliseconds).
 */
class LimitRateCliTest {

    private static final int SIZE = 4_000_000;
    private static final long RATE = 1024 * 1024;
    /** What the limiter may let through beyond rate × time: its 50 ms burst and one chunk in debt (a 1 MiB buffer). */
    private static final long SLACK = RATE / 20 + org.ferryftp.ftp.SessionSettings.DEFAULT_BUFFER;

    @TempDir
    Path tmp;
    final CliRun cli = new CliRun();

    private static byte[] random(long seed) {
        byte[] b = new byte[SIZE];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static long minimumMillis() {
        return (SIZE - SLACK) * 1000 / RATE;
    }

    private long timed(String... args) {
        long start = System.nanoTime();
        assertEquals(0, cli.ferry(args), cli.err());
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void getAndPutAreHeldToTheRate() throws Exception {
        byte[] data = random(1);
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(Files.createDirectories(tmp.resolve("srv")))) {
            server.write("d.bin", data);
            Path local = tmp.resolve("d.bin");
            long get = timed("get", "--limit-rate", "1M", server.url() + "/d.bin", "-o", local.toString());
            assertArrayEquals(data, Files.readAllBytes(local));
            assertTrue(get >= minimumMillis(), "get took only " + get + " ms");

            Path upload = Files.move(local, tmp.resolve("u.bin"));
            long put = timed("put", "--limit-rate", "1024K", upload.toString(), server.url() + "/");
            assertArrayEquals(data, Files.readAllBytes(server.file("u.bin")));
            assertTrue(put >= minimumMillis(), "put took only " + put + " ms");
        }
    }

    @Test
    void aRelayedCopyIsHeldToTheRate() throws Exception {
        byte[] data = random(2);
        try (EmbeddedMinaServer a = new EmbeddedMinaServer(Files.createDirectories(tmp.resolve("a")));
             EmbeddedMinaServer b = new EmbeddedMinaServer(Files.createDirectories(tmp.resolve("b")))) {
            a.write("r.bin", data);
            long relay = timed("fxp", "--relay", "always", "--limit-rate", "1m", a.url() + "/r.bin", b.url() + "/");
            assertArrayEquals(data, Files.readAllBytes(b.file("r.bin")));
            assertTrue(relay >= minimumMillis(), "relay took only " + relay + " ms");
        }
    }

    @Test
    void aBadRateIsOneLineOfUsage() {
        assertEquals(2, cli.ferry("get", "--limit-rate", "fast", "ftp://127.0.0.1:1/x", "-o", tmp.toString()));
        assertTrue(cli.err().contains("--limit-rate takes bytes per second"), cli.err());
        assertEquals(1, cli.err().strip().lines().count(), cli.err());
    }

    @Test
    void curlsSuffixesAreBinaryMultiples() {
        assertEquals(500 * 1024, QueueRun.parseRate("500K"));
        assertEquals(2L * 1024 * 1024, QueueRun.parseRate("2M"));
        assertEquals(1536, QueueRun.parseRate("1.5k"));
        assertEquals(1000, QueueRun.parseRate("1000"));
        assertEquals(1L << 30, QueueRun.parseRate("1G"));
        assertThrows(IllegalArgumentException.class, () -> QueueRun.parseRate("0"));
        assertThrows(IllegalArgumentException.class, () -> QueueRun.parseRate("-5K"));
        assertThrows(IllegalArgumentException.class, () -> QueueRun.parseRate("5T"));
    }
}
