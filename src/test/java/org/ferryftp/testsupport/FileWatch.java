package org.ferryftp.testsupport;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a file that another thread or process writes, on the file system's own change events
 * (inotify on Linux) rather than by sleeping between looks.
 */
public final class FileWatch {

    private FileWatch() {
    }

    /** Returns once {@code file} holds at least {@code bytes}; false when {@code timeout} passed first. */
    public static boolean awaitSize(Path file, long bytes, Duration timeout) throws IOException, InterruptedException {
        return await(file.toAbsolutePath().getParent(), () -> Files.exists(file) && Files.size(file) >= bytes, timeout);
    }

    /**
     * Returns once {@code file} exists and its text holds {@code text}; false when {@code timeout} passed first. Its
     * directory is made if the writer has not made it yet, so that it can be watched.
     */
    public static boolean awaitText(Path file, String text, Duration timeout) throws IOException, InterruptedException {
        return await(Files.createDirectories(file.toAbsolutePath().getParent()),
                () -> Files.exists(file) && Files.readString(file).contains(text), timeout);
    }

    /** What is awaited, looked at again after each change in the directory. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws IOException;
    }

    /**
     * Returns once {@code condition} holds, looking again whenever something in {@code dir} is created or changed;
     * false when {@code timeout} passed first.
     */
    public static boolean await(Path dir, Condition condition, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            while (true) {
                // Looked at after registering, so a change in between is not missed.
                if (condition.holds()) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                WatchKey key = watch.poll(left, TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        } catch (ClosedWatchServiceException e) {
            return condition.holds();
        }
    }
}
