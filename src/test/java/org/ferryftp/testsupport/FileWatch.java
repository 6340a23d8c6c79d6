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
        long deadline = System.nanoTime() + timeout.toNanos();
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            file.toAbsolutePath().getParent().register(watch, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY);
            while (true) {
                // Looked at after registering, so a write in between is not missed.
                if (Files.exists(file) && Files.size(file) >= bytes) {
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
            return Files.exists(file) && Files.size(file) >= bytes;
        }
    }
}
