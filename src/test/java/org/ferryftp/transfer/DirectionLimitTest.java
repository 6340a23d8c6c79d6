package org.ferryftp.transfer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Separate upload and download limits (issue 17): each holds its own direction and leaves the other alone. */
class DirectionLimitTest {

    private static final int SIZE = 3_000_000;
    private static final long RATE = 1_000_000;
    /** Bytes the limiter may let through beyond rate × time: its 50 ms burst and one 64 KiB chunk in debt. */
    private static final long SLACK = RATE / 20 + 64 * 1024;

    @TempDir
    Path serverRoot;
    @TempDir
    Path local;

    @org.junit.jupiter.params.ParameterizedTest(name = "limit uploads: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void aDirectionLimitHoldsItsDirectionAndNotTheOther(boolean limitUploads) throws Exception {
        byte[] data = QueueFixture.random(SIZE, 17);
        QueueFixture.write(local.resolve("up.bin"), data);
        QueueFixture.write(serverRoot.resolve("down.bin"), data);
        try (QueueFixture fx = new QueueFixture(serverRoot)) {
            if (limitUploads) {
                fx.queue.setUploadLimit(RATE);
            } else {
                fx.queue.setDownloadLimit(RATE);
            }
            long upload = timed(fx, () -> fx.upload(local.resolve("up.bin"), false, "/"));
            long download = timed(fx, () -> fx.download("/down.bin", false, local));
            long limited = limitUploads ? upload : download;
            long free = limitUploads ? download : upload;
            assertTrue(limited >= (SIZE - SLACK) * 1000 / RATE, "the limited direction took only " + limited + " ms");
            assertTrue(free < limited / 2, "the other direction took " + free + " ms, the limited " + limited + " ms");
        }
        assertArrayEquals(data, Files.readAllBytes(serverRoot.resolve("up.bin")));
        assertArrayEquals(data, Files.readAllBytes(local.resolve("down.bin")));
    }

    private static long timed(QueueFixture fx, Runnable submit) throws InterruptedException {
        long start = System.nanoTime();
        submit.run();
        fx.awaitIdle();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
