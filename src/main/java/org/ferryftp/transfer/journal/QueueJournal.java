package org.ferryftp.transfer.journal;

import org.ferryftp.fs.ConfigLock;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.QueueListener;
import org.ferryftp.transfer.TransferQueue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Journals a transfer queue to {@code queue.jsonl} (JSON Lines, append-only) so that a restart, even
 * after SIGKILL, restores every unfinished item; downloads then resume from their partial files.
 *
 * <p>Queue events arrive on transfer workers and must not wait for the disk, so each event is only
 * handed to one owned writer thread, which keeps the file, the model of live items and the progress
 * throttle to itself (no locks). Adds, state changes and removals are flushed to the OS as soon as the
 * writer has caught up with the events handed to it: they are what a restart needs, and a burst of them
 * (a directory's 10,000 children, four workers finishing files) costs one write call, not one each;
 * a flush without fsync is that write call. Progress records (at most
 * one a second per item, informational only) are flushed within 200 ms. Nothing is forced to disk
 * per record: that survives a crash of Ferry (the OS has the data), not a power loss, where the
 * last records may be lost. The file is compacted on open and whenever 5 MB or ten records per live
 * item (at least 1000) have been appended since the last compaction.
 *
 * <p>Close the queue before the journal, so the final pauses of running items are recorded.
 */
public final class QueueJournal implements QueueListener, AutoCloseable {

    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final int RECORDS_PER_ITEM = 10;
    static final int MIN_RECORDS = 1000;
    static final long FLUSH_DELAY_MS = 200;
    static final long PROGRESS_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final JournalFiles files;
    private final JournalCodec codec;
    private final LiveItems live;
    private final LongSupplier nanos;
    private final ScheduledExecutorService writer;
    private final Map<Long, Long> lastProgress = new HashMap<>();
    private volatile String problem;
    private Writer out;
    /** Growth since the last compaction, which is what triggers the next one (a large live queue alone must not). */
    private long appendedBytes;
    private int appendedRecords;
    private boolean flushPending;
    /** A flush is queued behind the events handed over so far (see {@link #write}). */
    private boolean catchUpFlushQueued;
    /** This process's hold on the journal, released on close. */
    private final ConfigLock.Held ownership;

    QueueJournal(JournalFiles files, JournalCodec codec, JournalReader.Replay replay, LongSupplier nanos,
                 ConfigLock.Held ownership) {
        this.ownership = ownership;
        this.files = files;
        this.codec = codec;
        this.live = replay.live();
        this.nanos = nanos;
        this.problem = replay.problem().orElse(null);
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ferry-journal");
            t.setDaemon(true);
            return t;
        });
        ex.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.writer = ex;
        if (replay.writable()) {
            try {
                compact();
            } catch (IOException e) {
                broken(e);
            }
        }
    }

    /**
     * Reads the journal in {@code dir}; damaged files are kept aside and reported, never thrown. A journal
     * that another Ferry holds is not read.
     */
    public static JournalLoad load(Path dir, SiteResolver sites) {
        JournalFiles files = new JournalFiles(dir, Clock.systemUTC());
        Owner owner = Owner.of(files, dir);
        try (ConfigLock.Held held = owner.hold().orElse(null)) {
            if (held == null) {
                return new JournalLoad(List.of(), Optional.of(owner.refusal()));
            }
            JournalReader.Replay r = new JournalReader(files, new JournalCodec()).read();
            return new JournalLoad(r.live().snapshots(sites), r.problem());
        }
    }

    /**
     * Restores the queue from the journal in {@code dir} and journals it from then on. Never throws
     * for a damaged or unwritable journal: see {@link #problem()} for what to tell the user.
     *
     * <p>One process owns a journal for its whole run (a lock file beside it). A second Ferry on the same
     * config directory neither restores the queue, which the first one is running, nor journals its own
     * transfers, which would interleave with the first one's records: it says so and its transfers run
     * unjournaled. Waiting instead would keep the second window from opening for as long as the first runs.
     */
    public static QueueJournal attach(TransferQueue queue, Path dir, SiteResolver sites) {
        return open(queue, dir, sites, queue::restore);
    }

    /**
     * Like {@link #attach}, but the journal is read (and the queue restored) only once {@code start} completes,
     * on {@code io}: a window's first frame does not wait for it. The queue holds what is submitted meanwhile
     * (see {@link TransferQueue#restore(CompletionStage)}), and also when reading fails or {@code io} refuses.
     *
     * @return the journal once the queue is restored
     */
    public static CompletableFuture<QueueJournal> attachAfter(CompletionStage<?> start, Executor io,
                                                              TransferQueue queue, Path dir, SiteResolver sites) {
        CompletableFuture<List<ItemSnapshot>> saved = new CompletableFuture<>();
        queue.restore(saved);
        CompletableFuture<QueueJournal> journal = start.thenApplyAsync(ignored -> open(queue, dir, sites,
                saved::complete), io).toCompletableFuture();
        journal.whenComplete((opened, failed) -> saved.complete(List.of()));
        return journal;
    }

    private static QueueJournal open(TransferQueue queue, Path dir, SiteResolver sites,
                                     Consumer<List<ItemSnapshot>> restore) {
        JournalFiles files = new JournalFiles(dir, Clock.systemUTC());
        JournalCodec codec = new JournalCodec();
        Owner owner = Owner.of(files, dir);
        if (owner.hold().isEmpty()) {
            JournalReader.Replay none = new JournalReader.Replay(new LiveItems(), Optional.of(owner.refusal()), false);
            restore.accept(List.of());
            return new QueueJournal(files, codec, none, System::nanoTime, () -> { });
        }
        JournalReader.Replay replay = new JournalReader(files, codec).read();
        List<ItemSnapshot> restored = replay.live().snapshots(sites);
        QueueJournal journal = new QueueJournal(files, codec, replay, System::nanoTime, owner.hold().get());
        // Listen before restoring, so nothing the restored items do is missed; the journal already
        // knows them, so their re-announcement only records what changed (running became queued).
        queue.addListener(journal);
        restore.accept(restored);
        return journal;
    }

    /** This process's hold on a journal, or why there is none. */
    private record Owner(Optional<ConfigLock.Held> hold, String refusal) {

        static Owner of(JournalFiles files, Path dir) {
            String unsaved = ", so it was not restored here and transfers started here are not saved (they run "
                    + "as usual).";
            try {
                return new Owner(ConfigLock.tryHold(files.journal()),
                        "Another Ferry is already using the saved transfer queue in " + dir + unsaved);
            } catch (IOException e) {
                return new Owner(Optional.empty(), "The saved transfer queue in " + dir + " could not be locked ("
                        + e.getMessage() + ")" + unsaved);
            }
        }
    }

    /** A message for the user when the journal could not be restored or written. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public void itemsAdded(List<ItemSnapshot> items) {
        submit(() -> items.forEach(this::added));
    }

    @Override
    public void itemChanged(ItemSnapshot item) {
        submit(() -> changed(item));
    }

    @Override
    public void itemsRemoved(List<Long> ids) {
        submit(() -> {
            ids.forEach(lastProgress::remove);
            write(new JournalRecord.Removed(ids), true);
        });
    }

    private void submit(Runnable task) {
        try {
            writer.execute(task);
        } catch (RejectedExecutionException e) {
            // Closed: later events are not journaled.
        }
    }

    private void added(ItemSnapshot s) {
        if (live.get(s.id()).isPresent()) {
            changed(s);
        } else {
            write(JournalRecord.Added.of(s), true);
            if (s.ownTarget() != null) {
                write(new JournalRecord.Wrote(s.id(), s.ownTarget()), true);
            }
            live.track(s);
        }
    }

    private void changed(ItemSnapshot s) {
        // Unknown items are skipped: either removed (final) or announced soon with a newer snapshot.
        JournalRecord.Added known = live.get(s.id()).orElse(null);
        if (known == null) {
            return;
        }
        if (s.ownTarget() != null && !s.ownTarget().equals(live.ownTarget(s.id()).orElse(null))) {
            write(new JournalRecord.Wrote(s.id(), s.ownTarget()), true);
        }
        long now = nanos.getAsLong();
        if (!known.state().equals(s.state()) || known.priority() != s.priority()) {
            write(new JournalRecord.StateChanged(s.id(), s.state(), s.priority(), s.bytesDone()), true);
            lastProgress.put(s.id(), now);
        } else if (s.bytesDone() != known.bytesDone()) {
            Long last = lastProgress.get(s.id());
            if (last == null || now - last >= PROGRESS_INTERVAL_NANOS) {
                write(new JournalRecord.Progress(s.id(), s.bytesDone()), false);
                lastProgress.put(s.id(), now);
            }
        }
        live.track(s);
    }

    private void write(JournalRecord r, boolean flushNow) {
        if (out == null) {
            return;
        }
        try {
            String line = codec.encode(r);
            out.write(line);
            out.write('\n');
            live.apply(r);
            appendedBytes += utf8Length(line) + 1;
            appendedRecords++;
            if (appendedBytes > MAX_BYTES
                    || appendedRecords > Math.max(MIN_RECORDS, RECORDS_PER_ITEM * live.size())) {
                compact();
            } else if (flushNow) {
                if (!catchUpFlushQueued) {
                    // Queued last, so it runs once the events already handed over are written too.
                    catchUpFlushQueued = true;
                    submit(this::catchUpFlush);
                }
            } else if (!flushPending) {
                flushPending = true;
                writer.schedule(this::flush, FLUSH_DELAY_MS, TimeUnit.MILLISECONDS);
            }
        } catch (IOException e) {
            broken(e);
        }
    }

    private void catchUpFlush() {
        catchUpFlushQueued = false;
        flush();
    }

    private void flush() {
        flushPending = false;
        if (out != null) {
            try {
                out.flush();
            } catch (IOException e) {
                broken(e);
            }
        }
    }

    /** Rewrites the file to just the live items, then keeps appending to the new file. */
    private void compact() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
        files.replace(() -> live.compacted().map(codec::encode).iterator());
        appendedBytes = 0;
        appendedRecords = 0;
        out = new BufferedWriter(Files.newBufferedWriter(files.journal(), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND));
    }

    /** The line's length in UTF-8, counted without encoding it (a copy per record otherwise). */
    static long utf8Length(String line) {
        long bytes = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < line.length()
                    && Character.isLowSurrogate(line.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                // Also a lone surrogate, which the file's encoder refuses anyway.
                bytes += 3;
            }
        }
        return bytes;
    }

    private void broken(IOException e) {
        problem = "The transfer queue can no longer be saved (" + e.getMessage() + "); after a restart, "
                + "transfers since then may be missing.";
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // Already failing; the message above says so.
            }
            out = null;
        }
    }

    /** Writes out what is pending and stops the writer thread. */
    @Override
    public void close() {
        submit(() -> {
            if (out != null) {
                try {
                    out.close();
                } catch (IOException e) {
                    broken(e);
                }
                out = null;
            }
        });
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            ownership.close();
        }
    }

    /** Waits until every event handed over so far is written and flushed (for tests). */
    void sync() throws InterruptedException {
        try {
            writer.submit(this::flush).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("journal writer stuck", e);
        }
    }
}
