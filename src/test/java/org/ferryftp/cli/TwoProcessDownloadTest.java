package org.ferryftp.cli;

import org.ferryftp.fs.PartialDownload;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two Ferry processes download different versions to one local name at once: the second fails at
 * once naming the partial file, the first finishes, and the file is one whole version.
 */
class TwoProcessDownloadTest {

    static final int SIZE = 8 * 1024 * 1024; // about 8 s at the slow user's rate

    @TempDir
    Path root;
    @TempDir
    Path local;
    @TempDir
    Path config;

    @Test
    void aSecondProcessFailsClearlyAndNothingIsSpliced() throws Exception {
        byte[] v1 = random(SIZE, 1);
        byte[] v2 = random(SIZE, 2);
        Path target = local.resolve("big.bin");
        Path partial = local.resolve("big.bin" + PartialDownload.SUFFIX);
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(root)) {
            server.write("one/big.bin", v1);
            server.write("two/big.bin", v2);
            Process first = ferryGet(server, "/one/big.bin", target, "first");
            Process second = null;
            try {
                awaitWriting(first, partial);
                second = ferryGet(server, "/two/big.bin", target, "second");
                assertTrue(second.waitFor(60, TimeUnit.SECONDS), "second process ended");
                String secondErr = Files.readString(config.resolve("second.err"));
                assertEquals(1, second.exitValue(), secondErr);
                assertTrue(secondErr.contains("another transfer is writing " + partial), secondErr);
                assertTrue(first.isAlive(), "the second failed at once, while the first was still writing");
                assertTrue(first.waitFor(60, TimeUnit.SECONDS), "first process ended");
                assertEquals(0, first.exitValue(), Files.readString(config.resolve("first.err")));
            } finally {
                first.destroyForcibly();
                if (second != null) {
                    second.destroyForcibly();
                }
            }
        }
        assertArrayEquals(v1, Files.readAllBytes(target));
        assertTrue(Files.notExists(partial));
    }

    @Test
    void startedTogetherOneWinsOrTheyTakeTurnsAndTheFileIsOneWholeVersion() throws Exception {
        byte[] v1 = random(SIZE / 4, 3);
        byte[] v2 = random(SIZE / 4, 4);
        Path target = local.resolve("big.bin");
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(root)) {
            server.write("one/big.bin", v1);
            server.write("two/big.bin", v2);
            Process[] both = {ferryGet(server, "/one/big.bin", target, "one"), ferryGet(server, "/two/big.bin", target, "two")};
            int succeeded = 0;
            try {
                for (int i = 0; i < both.length; i++) {
                    assertTrue(both[i].waitFor(60, TimeUnit.SECONDS), "process " + i + " ended");
                    String err = Files.readString(config.resolve((i == 0 ? "one" : "two") + ".err"));
                    if (both[i].exitValue() == 0) {
                        succeeded++;
                    } else {
                        assertEquals(1, both[i].exitValue(), err);
                        assertTrue(err.contains("another transfer is writing " + target + PartialDownload.SUFFIX), err);
                    }
                }
            } finally {
                for (Process p : both) {
                    p.destroyForcibly();
                }
            }
            assertTrue(succeeded >= 1, "one of them finished");
        }
        byte[] result = Files.readAllBytes(target);
        assertTrue(java.util.Arrays.equals(v1, result) || java.util.Arrays.equals(v2, result), "one whole version");
    }

    private Process ferryGet(EmbeddedMinaServer server, String path, Path target, String name) throws IOException {
        String url = "ftp://" + EmbeddedMinaServer.SLOW_USER + "@127.0.0.1:" + server.port() + path;
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.ferryftp.app.Main",
                "get", url, "-o", target.toString(), "--on-conflict", "overwrite")
                .redirectOutput(config.resolve(name + ".out").toFile())
                .redirectError(config.resolve(name + ".err").toFile());
        pb.environment().put("FERRY_PASSWORD", EmbeddedMinaServer.PASSWORD);
        pb.environment().put("FERRY_CONFIG_DIR", config.resolve(name).toString());
        return pb.start();
    }

    /** Waits until the first process has bytes in its partial file. */
    private static void awaitWriting(Process first, Path partial) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(Files.exists(partial) && Files.size(partial) > 0)) {
            if (!first.isAlive() || System.nanoTime() > deadline) {
                fail("the first process never wrote its partial file");
            }
            first.waitFor(20, TimeUnit.MILLISECONDS); // returns early if it ends
        }
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }
}
