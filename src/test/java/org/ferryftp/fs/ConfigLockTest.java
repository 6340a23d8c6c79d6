package org.ferryftp.fs;

import org.ferryftp.testsupport.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLockTest {

    static final int ROUNDS = 200;

    @TempDir
    Path dir;

    @Test
    void twoThreadsReadModifyWriteWithoutLosingAChange() throws Exception {
        Path counter = dir.resolve("counter.txt");
        Files.writeString(counter, "0");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Runnable increments = () -> {
                try {
                    start.await();
                    for (int i = 0; i < ROUNDS; i++) {
                        try (ConfigLock.Held held = ConfigLock.acquire(counter)) {
                            int n = Integer.parseInt(Files.readString(counter));
                            Thread.yield(); // widen the window another writer would need
                            AtomicFiles.replace(counter, Integer.toString(n + 1).getBytes(StandardCharsets.UTF_8));
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            Future<?> a = threads.submit(increments);
            Future<?> b = threads.submit(increments);
            start.countDown();
            a.get();
            b.get();
        } finally {
            threads.shutdownNow();
        }
        assertEquals(Integer.toString(2 * ROUNDS), Files.readString(counter));
        assertTrue(Files.exists(ConfigLock.lockFile(counter)));
    }

    @Test
    void theHoldingThreadMayAcquireAgain() throws Exception {
        Path file = dir.resolve("sub/x.properties");
        try (ConfigLock.Held outer = ConfigLock.acquire(file); ConfigLock.Held inner = ConfigLock.acquire(file)) {
            assertTrue(Files.exists(ConfigLock.lockFile(file)));
        }
        // Released: another thread gets it at once.
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            other.submit(() -> {
                ConfigLock.acquire(file).close();
                return null;
            }).get();
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void keepAsideCopiesWithATimestampAndNeverReplacesAnEarlierCopy() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-05-06T07:08:09Z"), ZoneOffset.UTC);
        Path file = Files.writeString(dir.resolve("a.properties"), "one");
        Path first = ConfigLock.keepAside(file, clock);
        Files.writeString(file, "two");
        Path second = ConfigLock.keepAside(file, clock);
        assertEquals(dir.resolve("a.properties.damaged-20260506-070809"), first);
        assertEquals(dir.resolve("a.properties.damaged-20260506-070809-2"), second);
        assertEquals("one", Files.readString(first));
        assertEquals("two", Files.readString(second));
        assertEquals("two", Files.readString(file), "the original stays until its owner replaces it");
        assertEquals(second, ConfigLock.keepAside(file, clock), "the same damage is kept once");
        Files.writeString(file, "one");
        assertEquals(first, ConfigLock.keepAside(file, clock));
    }

    @Test
    void aLockHeldElsewhereIsRefusedAndLogged() throws Exception {
        Path journal = dir.resolve("queue.jsonl");
        try (LogCapture log = LogCapture.of(ConfigLock.class);
             ConfigLock.Held first = ConfigLock.tryHold(journal).orElseThrow()) {
            assertTrue(ConfigLock.tryHold(journal).isEmpty());
            assertEquals(List.of("INFO " + journal.toAbsolutePath().normalize()
                    + " is held by another owner in this Ferry; not taking it"), log.lines());
        }
        ConfigLock.tryHold(journal).orElseThrow().close(); // released: it can be taken again
    }
}
