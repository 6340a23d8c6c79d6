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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Tells when an opened file was saved: watches each file's folder ({@link WatchService}; editors that save by
 * writing a new file and renaming it over the old one are covered by the create event) and reports the file once
 * per change of its size or modification time, so the several events one save makes are one report.
 */
public final class SaveWatcher implements AutoCloseable {

    private record Stamp(long size, long modified) {
    }

    private final WatchService watch;
    private final Consumer<Path> saved;
    private final Map<Path, Stamp> stamps = new ConcurrentHashMap<>();
    private final Thread thread;

    /** @param saved told, on the watcher's own thread, the path of a file that was saved */
    public SaveWatcher(Consumer<Path> saved) throws IOException {
        this.watch = FileSystems.getDefault().newWatchService();
        this.saved = saved;
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
                    if (event.context() instanceof Path name) {
                        changed(dir.resolve(name));
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
    }
}
