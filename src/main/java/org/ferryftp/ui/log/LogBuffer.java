package org.ferryftp.ui.log;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ferryftp.ftp.LogEntry;
import org.ferryftp.ftp.LogListener;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Collects the control dialogue of every connection from any thread and moves it into an observable
 * list in batches: the first line after a drain asks for the next one, on the UI thread about 100 ms later, so
 * a busy log is drained about ten times a second, never per line, and an idle one not at all (a polling timer
 * kept the toolkit drawing 60 frames a second in an idle window).
 */
public final class LogBuffer implements LogListener {

    private static final long DRAIN_DELAY_MILLIS = 100;

    private final ConcurrentLinkedQueue<LogEntry> pending = new ConcurrentLinkedQueue<>();
    private final ObservableList<LogEntry> entries = FXCollections.observableArrayList();
    private final AtomicBoolean drainAsked = new AtomicBoolean();
    private final int capacity;
    private final Executor drainSoon;

    /** Drains on the JavaFX thread, {@value #DRAIN_DELAY_MILLIS} ms after the first line that waits. */
    public LogBuffer(int capacity) {
        this(capacity, CompletableFuture.delayedExecutor(DRAIN_DELAY_MILLIS, TimeUnit.MILLISECONDS, Platform::runLater));
    }

    /** @param drainSoon runs a drain on the UI thread a little later; lines that arrive meanwhile join it */
    public LogBuffer(int capacity, Executor drainSoon) {
        this.capacity = capacity;
        this.drainSoon = drainSoon;
    }

    @Override
    public void log(LogEntry entry) {
        pending.add(entry);
        if (drainAsked.compareAndSet(false, true)) {
            drainSoon.execute(this::drain);
        }
    }

    /** UI thread: moves everything pending into {@link #entries()} in one change; returns how many. */
    public int drain() {
        // Cleared first: a line added while this drains asks again rather than waiting for a line after it.
        drainAsked.set(false);
        List<LogEntry> batch = new ArrayList<>();
        for (LogEntry e; (e = pending.poll()) != null; ) {
            batch.add(e);
        }
        if (batch.isEmpty()) {
            return 0;
        }
        if (batch.size() >= capacity) {
            entries.setAll(batch.subList(batch.size() - capacity, batch.size()));
        } else {
            int overflow = entries.size() + batch.size() - capacity;
            if (overflow > 0) {
                entries.remove(0, overflow);
            }
            entries.addAll(batch);
        }
        return batch.size();
    }

    public ObservableList<LogEntry> entries() {
        return entries;
    }

    public void clear() {
        entries.clear();
    }

    /** Lines as text, for copying and saving. */
    public static String format(List<LogEntry> lines) {
        StringBuilder sb = new StringBuilder();
        for (LogEntry e : lines) {
            sb.append(e.format()).append(System.lineSeparator());
        }
        return sb.toString();
    }
}
