package org.ferryftp.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises read-modify-write of one config file across threads and processes: a
 * {@code name.lock} file beside it is locked with {@link FileChannel#lock()} (other processes), and
 * a per-path {@link ReentrantLock} guards threads of this JVM, which a file lock cannot (the JDK
 * throws {@code OverlappingFileLockException} instead of waiting).
 *
 * <pre>{@code
 * try (ConfigLock.Held held = ConfigLock.acquire(sitesJson)) {
 *     read, change, AtomicFiles.replace(sitesJson, ...);
 * }
 * }</pre>
 */
public final class ConfigLock {

    private static final ConcurrentHashMap<Path, ReentrantLock> LOCAL = new ConcurrentHashMap<>();
    /** Files held with {@link #tryHold}: their owner is a holder, not a thread. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private ConfigLock() {
    }

    /** Asked for when there is something to say: a command line run that goes well never starts the logging. */
    private static org.slf4j.Logger log() {
        return org.slf4j.LoggerFactory.getLogger(ConfigLock.class);
    }

    /** A held lock; closing it releases both the file lock and the in-process lock. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits until this thread holds {@code file}'s lock in this process and across processes. */
    public static Held acquire(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        ReentrantLock local = LOCAL.computeIfAbsent(key, k -> new ReentrantLock());
        if (!local.tryLock()) {
            log().debug("waiting for {}: another thread of this process holds it", key);
            local.lock();
        }
        if (local.getHoldCount() > 1) {
            // Re-entered by the same thread: the outer hold already owns the file lock.
            return local::unlock;
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(key.getParent());
            channel = FileChannel.open(lockFile(key), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock tried = channel.tryLock();
            if (tried == null) {
                log().info("waiting for {}: another Ferry holds its lock", key);
            }
            FileLock lock = tried != null ? tried : channel.lock();
            FileChannel ch = channel;
            return () -> {
                try {
                    lock.release();
                    ch.close();
                } catch (IOException ignored) {
                    // Closing the channel releases the lock anyway; nothing is left to undo.
                } finally {
                    local.unlock();
                }
            };
        } catch (IOException | RuntimeException | Error e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
            local.unlock();
            throw e;
        }
    }

    /**
     * Holds {@code file}'s lock until the returned hold is closed (from any thread), or returns empty at
     * once when another holder, in this process or another, has it. For a file that one owner keeps for
     * its whole run, like the transfer journal; a file is guarded either this way or by {@link #acquire},
     * never both.
     */
    public static Optional<Held> tryHold(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            log().info("{} is held by another owner in this Ferry; not taking it", key);
            return Optional.empty();
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(key.getParent());
            channel = FileChannel.open(lockFile(key), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                log().info("{} is held by another Ferry; not taking it", key);
                channel.close();
                HELD.remove(key);
                return Optional.empty();
            }
            FileChannel ch = channel;
            return Optional.of(() -> {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // Closing the channel releases the lock; nothing is left to undo.
                } finally {
                    HELD.remove(key);
                }
            });
        } catch (IOException | RuntimeException | Error e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
            HELD.remove(key);
            throw e;
        }
    }

    /** The lock file that guards {@code file}. */
    public static Path lockFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    /**
     * Copies a damaged {@code file} aside as {@code name.damaged-yyyyMMdd-HHmmss} (plus a counter when that exists)
     * and returns where it went, so the user can look at it and nothing is lost. A file already kept aside with the
     * same content is not copied again (a damaged file read by every run is kept once); its copy is returned.
     */
    public static Path keepAside(Path file, Clock clock) throws IOException {
        Optional<Path> kept = keptAlready(file);
        if (kept.isPresent()) {
            return kept.get();
        }
        String stamp = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp);
        for (int n = 2; Files.exists(aside); n++) {
            aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp + "-" + n);
        }
        Files.copy(file, aside);
        return aside;
    }

    private static Optional<Path> keptAlready(Path file) throws IOException {
        String prefix = file.getFileName() + ".damaged-";
        Path dir = file.toAbsolutePath().getParent();
        try (Stream<Path> siblings = Files.list(dir)) {
            for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList()) {
                if (Files.mismatch(p, file) == -1) {
                    return Optional.of(file.resolveSibling(p.getFileName()));
                }
            }
        }
        return Optional.empty();
    }
}
