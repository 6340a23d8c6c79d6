package org.ferryftp.ui.log;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ferryftp.ftp.LogEntry;
import org.ferryftp.ftp.LogListener;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Collects the control dialogue of every connection from any thread and moves it into an observable
 * list in batches: {@link #drain()} runs on the UI thread about ten times a second, never per line.
 */
public final class LogBuffer implements LogListener {

    private final ConcurrentLinkedQueue<LogEntry> pending = new ConcurrentLinkedQueue<>();
    private final ObservableList<LogEntry> entries = FXCollections.observableArrayList();
    private final int capacity;

    public LogBuffer(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public void log(LogEntry entry) {
        pending.add(entry);
    }

    /** UI thread: moves everything pending into {@link #entries()} in one change; returns how many. */
    public int drain() {
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
