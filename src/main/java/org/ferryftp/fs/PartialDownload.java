package org.ferryftp.fs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A download in progress. Bytes go to {@code name.ferry-part} next to the target, which only
 * appears, atomically and complete, on {@link #commit(boolean)}; a failed download leaves the partial
 * file for a later resume and never a truncated file under the real name.
 *
 * <p>Beside the partial, {@code name.ferry-part.origin} records where it came from ({@link PartialOrigin});
 * a partial is continued only when that still matches the remote file. A sidecar file rather than an
 * extended attribute or a header in the partial: it works on every file system (FAT, SMB, tmpfs), keeps
 * the partial's bytes exactly the file's bytes, and a person can read it. It is written only when a partial
 * is left behind (the download stops or fails) or grows past {@link #RECORD_AFTER} (so a crash keeps a big
 * download resumable): a small file that completes never has one, which spares creating, renaming and
 * deleting a second file per download (issue 18: 10,000 small files). A crash within the first
 * {@link #RECORD_AFTER} bytes leaves a partial without a record, which is started over (or continued on request).
 *
 * <p>While a download holds it, the partial is locked: {@link FileChannel#tryLock(long, long, boolean)} (of
 * one byte past any data) against other processes, and a set of held paths against other threads of this JVM (a second file lock in one JVM
 * throws {@link OverlappingFileLockException}, and on POSIX closing any channel of the file would drop
 * the first one's lock). A second writer fails at once with {@link PartialInUseException}. The rename
 * onto the target and every deletion happen while the lock is held, so a writer that lost the race
 * never touches the partial.
 */
public final class PartialDownload implements AutoCloseable {

    public static final String SUFFIX = ".ferry-part";

    /** Partial files (by real directory and name) that a download of this JVM holds. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
    /**
     * The one byte every Ferry locks, far past any data: Windows locks are mandatory, and a lock over the data
     * would stop the checksum check (or anyone) from reading the partial while it is held.
     */
    private static final long LOCK_BYTE = Long.MAX_VALUE - 1;
    /** A partial this large has its origin recorded before it grows further: a crash then loses little. */
    static final long RECORD_AFTER = 1024 * 1024;
    /** Attempts at locking a partial that another download keeps renaming or deleting under us. */
    private static final int LOCK_ROUNDS = 5;

    /** When an existing partial file may be continued. */
    public enum Resume {
        /** Never: start over (the user chose to overwrite, or the representation cannot restart). */
        NEVER,
        /** When its recorded origin matches the remote file; otherwise start over and say why. */
        SAME_ORIGIN,
        /**
         * The user asked to resume: as {@link #SAME_ORIGIN}, and a partial without a recorded origin (an older
         * Ferry's, or another program's file under the target's name) is continued too, as curl -C and lftp do.
         */
        ASKED
    }

    private final Path target;
    private final Path partial;
    private final Lock lock;
    private final long resumeOffset;
    private final String startedOver;
    private boolean held = true;
    /** Where the bytes come from, as known now (a download may learn the exact time with the data). */
    private volatile PartialOrigin origin;
    /** Whether {@link #origin} is what the sidecar file on disk says. */
    private volatile boolean recorded;
    /** Whether a sidecar file of this partial is on disk (it may tell an origin learned better since). */
    private boolean onDisk;

    private PartialDownload(Path target, Path partial, Lock lock, long resumeOffset, String startedOver,
                            PartialOrigin origin, boolean recorded) {
        this.target = target;
        this.partial = partial;
        this.lock = lock;
        this.resumeOffset = resumeOffset;
        this.startedOver = startedOver;
        this.origin = origin;
        this.recorded = recorded;
        this.onDisk = recorded;
    }

    /** The partial file of a download to {@code target}. */
    public static Path partialOf(Path target) {
        return target.resolveSibling(target.getFileName() + SUFFIX);
    }

    /** Where the origin of {@code partial} (site, path, size, time) is kept. */
    public static Path originOf(Path partial) {
        return partial.resolveSibling(partial.getFileName() + ".origin");
    }

    /**
     * Locks the partial file of a download of {@code origin} to {@code target} and decides where it
     * starts: at the partial's end when {@code resume} allows continuing it, else at 0 (the partial is
     * emptied, and {@link #startedOverBecause()} says why when there was something to continue).
     *
     * @throws PartialInUseException when another download holds the partial
     */
    public static PartialDownload open(Path target, PartialOrigin origin, Resume resume) throws IOException {
        Path partial = partialOf(target);
        Lock lock = Lock.take(partial, () -> {
            if (resume == Resume.ASKED && Files.notExists(partial) && Files.isRegularFile(target)) {
                // Resuming a file another program left under the real name: continue it under the partial name.
                Files.move(target, partial);
            }
        });
        try {
            FileChannel ch = lock.channel();
            long existing = ch.size();
            Optional<PartialOrigin> stored = existing > 0 ? readOrigin(originOf(partial)) : Optional.empty();
            long offset = 0;
            String why = null;
            if (existing > 0 && resume != Resume.NEVER) {
                if (stored.isPresent()) {
                    Optional<String> difference = stored.get().differenceFrom(origin);
                    if (difference.isEmpty()) {
                        offset = existing;
                    } else {
                        why = "the partial " + partial + " came from " + difference.get() + "; starting over";
                    }
                } else if (resume == Resume.ASKED) {
                    offset = existing;
                } else {
                    why = "the partial " + partial + " has no record of where it came from (Ferry stopped before"
                            + " recording it, or another program wrote it); starting over (--resume would continue it)";
                }
                if (offset > 0 && origin.size() >= 0 && offset > origin.size()) {
                    offset = 0;
                    why = "the partial " + partial + " is larger than " + origin.path() + " on the server; starting over";
                }
            }
            if (offset == 0 && existing > 0) {
                ch.truncate(0);
                stored.ifPresent(old -> originOf(partial).toFile().delete()); // it spoke of the bytes just dropped
                stored = Optional.empty();
            }
            ch.position(offset);
            boolean recorded = stored.equals(Optional.of(origin));
            if (offset > 0 && !recorded) {
                writeOrigin(originOf(partial), origin); // bytes kept from now on are this origin's
                recorded = true;
            }
            return new PartialDownload(target, partial, lock, offset, why, origin, recorded);
        } catch (IOException | RuntimeException | Error e) {
            lock.release();
            throw e;
        }
    }

    /**
     * Deletes the partial file of a download to {@code target} and its origin, unless another download
     * holds it (then it is left alone and this returns false).
     */
    public static boolean discard(Path target) throws IOException {
        Path partial = partialOf(target);
        // java.io.File asks without an exception for a missing file: cancelling 100,000 queued items stays quick.
        if (!partial.toFile().exists()) {
            return true;
        }
        Lock lock;
        try {
            lock = Lock.take(partial, () -> { });
        } catch (PartialInUseException e) {
            return false;
        }
        try {
            deleteHeld(partial);
        } finally {
            lock.release();
        }
        return true;
    }

    /** Bytes already present from an earlier attempt; the server must send from here. */
    public long resumeOffset() {
        return resumeOffset;
    }

    /** Why an existing partial was not continued, or empty when it was (or there was none). */
    public Optional<String> startedOverBecause() {
        return Optional.ofNullable(startedOver);
    }

    public Path partialPath() {
        return partial;
    }

    /**
     * Stream to write the downloaded bytes to; closing it does not commit. The origin is recorded before the
     * partial grows past {@link #RECORD_AFTER}.
     */
    public OutputStream stream() {
        OutputStream file = Channels.newOutputStream(lock.channel());
        return new java.io.FilterOutputStream(file) {
            private long size = resumeOffset;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (size + len > RECORD_AFTER && !recorded) {
                    record();
                }
                file.write(b, off, len);
                size += len;
            }
        };
    }

    /**
     * What the download learned of its origin since it opened the partial (the exact time, which came with the
     * data); it is what gets recorded, and replaces a record already written (at the next write or the close).
     */
    public void cameFrom(PartialOrigin now) {
        if (!now.equals(origin)) {
            origin = now;
            recorded = false;
        }
    }

    private void record() throws IOException {
        writeOrigin(originOf(partial), origin);
        recorded = true;
        onDisk = true;
    }

    /** Bytes in the partial file now. */
    public long size() throws IOException {
        return lock.channel().size();
    }

    /**
     * Renames the partial file to the target in one step, while still holding its lock. With
     * {@code durable} the bytes are forced to disk first, so even a power loss cannot leave a short file
     * under the real name; without it (the default, as in curl, lftp and FileZilla) a crash of Ferry
     * itself still cannot.
     */
    public void commit(boolean durable) throws IOException {
        if (durable) {
            lock.channel().force(true);
        }
        // The record first: a stop between the two leaves a partial without a record (started over next
        // time), never a record beside nothing.
        if (onDisk) {
            Files.deleteIfExists(originOf(partial));
        }
        AtomicFiles.move(partial, target);
        release();
    }

    /** Deletes the partial file and its origin (it cannot be continued) and releases it. */
    public void discard() throws IOException {
        try {
            deleteHeld(partial);
        } finally {
            release();
        }
    }

    /**
     * Releases the partial without committing; it stays, with its origin recorded (when it holds any bytes), for
     * a resume. Where even that small record cannot be written (a full disk), the partial stays without it.
     */
    @Override
    public void close() throws IOException {
        if (!held) {
            return;
        }
        try {
            if (!recorded && lock.channel().size() > 0) {
                record();
            }
        } catch (IOException e) {
            // Kept without a record: a later download starts it over, --resume continues it.
        } finally {
            release();
        }
    }

    private void release() throws IOException {
        if (held) {
            held = false;
            lock.release();
        }
    }

    private static void deleteHeld(Path partial) throws IOException {
        Files.deleteIfExists(partial);
        Files.deleteIfExists(originOf(partial));
    }

    /**
     * Replaces the origin in one rename, so a crash leaves the old one or the new one, never half. The
     * temporary name is fixed: only the holder of the partial's lock writes it.
     */
    private static void writeOrigin(Path file, PartialOrigin origin) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, origin.encode());
        AtomicFiles.move(tmp, file);
    }

    private static Optional<PartialOrigin> readOrigin(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return PartialOrigin.decode(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.empty(); // not ours: as good as none
        }
    }

    /** Something done once this JVM holds the partial's name, before the file itself is opened and locked. */
    @FunctionalInterface
    private interface Prepare {
        void run() throws IOException;
    }

    /** The partial's name held in this JVM and its file locked (through {@code channel}). */
    private record Lock(Path key, FileChannel channel) {

        static Lock take(Path partial, Prepare prepare) throws IOException {
            Path key = partial.toAbsolutePath().getParent().toRealPath().resolve(partial.getFileName());
            if (!HELD.add(key)) {
                throw new PartialInUseException(partial);
            }
            try {
                prepare.run();
                return new Lock(key, lockedChannel(partial));
            } catch (IOException | RuntimeException | Error e) {
                HELD.remove(key);
                throw e;
            }
        }

        /**
         * Opens and locks the partial. A download that committed or discarded it may have renamed or deleted
         * the file between our open and our lock; then the lock is on a file that is no longer the partial,
         * so it is dropped and taken again on what the name now holds.
         */
        private static FileChannel lockedChannel(Path partial) throws IOException {
            for (int round = 0; round < LOCK_ROUNDS; round++) {
                FileChannel ch;
                Object before;
                try {
                    // Usually there is no partial yet: creating it, we know which file the name held.
                    ch = FileChannel.open(partial, StandardOpenOption.READ, StandardOpenOption.WRITE,
                            StandardOpenOption.CREATE_NEW);
                    before = fileKey(partial);
                } catch (FileAlreadyExistsException e) {
                    before = fileKey(partial);
                    try {
                        ch = FileChannel.open(partial, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    } catch (NoSuchFileException gone) {
                        continue; // committed or discarded just now: try creating it again
                    }
                }
                boolean keep = false;
                try {
                    FileLock lock;
                    try {
                        lock = ch.tryLock(LOCK_BYTE, 1, false);
                    } catch (OverlappingFileLockException e) {
                        lock = null; // this JVM holds it under another name (a link)
                    }
                    if (lock == null) {
                        throw new PartialInUseException(partial);
                    }
                    Object after = fileKey(partial);
                    // No key at all for an existing file: this platform has none (Windows), and its locks suffice.
                    keep = after == null ? Files.exists(partial) : after.equals(before);
                    if (keep) {
                        return ch;
                    }
                } finally {
                    if (!keep) {
                        ch.close();
                    }
                }
            }
            throw new PartialInUseException(partial);
        }

        private static Object fileKey(Path file) throws IOException {
            try {
                return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            } catch (NoSuchFileException e) {
                return null;
            }
        }

        void release() throws IOException {
            try {
                channel.close();
            } finally {
                HELD.remove(key);
            }
        }
    }
}
