package org.ferryftp.transfer.edit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Tells when an opened file was saved: watches each file's folder ({@link WatchService}; editors that save by
 * writing a new file and renaming it over the old one are covered by the create event) and reports the file once
 * per change of its size or modification time, so the several events one save makes are one report. A save is
 * reported once the file has been quiet for a moment: an editor that truncates and then writes in parts would
 * otherwise be caught half-way, and the half-written file uploaded.
 */
public final class SaveWatcher implements AutoCloseable {

    private record Stamp(long size, long modified) {
    }

    /** Long enough for an editor's several writes of one save, short enough not to be noticed. */
    public static final Duration QUIET = Duration.ofMillis(400);

    private final WatchService watch;
    private final Consumer<Path> saved;
    private final Duration quiet;
    private final Map<Path, Stamp> stamps = new ConcurrentHashMap<>();
    private final Map<Path, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reports;
    private final Thread thread;

    /** @param saved told, on its own thread, the path of a file that was saved */
    public SaveWatcher(Consumer<Path> saved) throws IOException {
        this(saved, QUIET);
    }

    /** @param quiet how long a file must stay unchanged after an event before its save is reported */
    public SaveWatcher(Consumer<Path> saved, Duration quiet) throws IOException {
        this.watch = FileSystems.getDefault().newWatchService();
        this.saved = saved;
        this.quiet = quiet;
        this.reports = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ferry-edit-saves");
            t.setDaemon(true);
            return t;
        });
        this.thread = new Thread(this::run, "ferry-edit-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts watching {@code file} as it is now. */
    public void watch(Path file) throws IOException {
        stamps.put(file, stamp(file));
        file.getParent().register(watch, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
    }

    private static Stamp stamp(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new Stamp(a.size(), a.lastModifiedTime().toMillis());
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watch.take();
                Path dir = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name && stamps.containsKey(dir.resolve(name))) {
                        // Each event restarts the file's quiet period; the report comes when it ends.
                        Path file = dir.resolve(name);
                        ScheduledFuture<?> before = pending.put(file, reports.schedule(() -> changed(file),
                                quiet.toMillis(), TimeUnit.MILLISECONDS));
                        if (before != null) {
                            before.cancel(false);
                        }
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private void changed(Path file) {
        Stamp before = stamps.get(file);
        if (before == null || !Files.isRegularFile(file)) {
            return;
        }
        Stamp now;
        try {
            now = stamp(file);
        } catch (IOException e) {
            return; // replaced while we looked; the create event of the new file follows
        }
        if (!Objects.equals(before, now) && stamps.replace(file, before, now)) {
            saved.accept(file);
        }
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread.interrupt();
        reports.shutdownNow();
    }
}
