package org.ferryftp.ui.search;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ferryftp.fs.FileBrowser;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.concurrent.UiExecutor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A search window's state: the criteria the user edits, the hits as they stream in, whether a search runs, and
 * what the last one came to. Searches run through {@link RemoteSearch} on the pane's browser, on the
 * {@link UiExecutor}; hits land here on the UI thread. Downloading and revealing are the pane's (given as
 * callbacks); deleting asks {@link SearchDialogs} first. Never touches controls.
 */
public final class RemoteSearchViewModel {

    private final UiExecutor executor;
    private final FileBrowser browser;
    private final Messages msg;
    private final SearchDialogs dialogs;
    private final Consumer<List<SearchHit>> download;
    private final Consumer<SearchHit> reveal;
    private final ZoneId zone;
    private final StringProperty root = new SimpleStringProperty(this, "root");
    private final StringProperty pattern = new SimpleStringProperty(this, "pattern", "");
    private final BooleanProperty regex = new SimpleBooleanProperty(this, "regex");
    private final StringProperty minSize = new SimpleStringProperty(this, "minSize", "");
    private final StringProperty maxSize = new SimpleStringProperty(this, "maxSize", "");
    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>(this, "fromDate");
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>(this, "toDate");
    private final IntegerProperty maxDepth = new SimpleIntegerProperty(this, "maxDepth",
            SearchCriteria.DEFAULT_MAX_DEPTH);
    private final IntegerProperty maxEntries = new SimpleIntegerProperty(this, "maxEntries",
            SearchCriteria.DEFAULT_MAX_ENTRIES);
    private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();
    private final ObservableList<SearchHit> hitsView = FXCollections.unmodifiableObservableList(hits);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<SearchReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * @param startDir where the search starts unless the user changes it (the pane's directory)
     * @param download queues hits into the other pane's directory
     * @param reveal   shows a hit in the pane: its folder, with it selected
     */
    public RemoteSearchViewModel(UiExecutor executor, FileBrowser browser, String startDir, Messages msg,
                                 SearchDialogs dialogs, Consumer<List<SearchHit>> download,
                                 Consumer<SearchHit> reveal, ZoneId zone) {
        this.executor = executor;
        this.browser = browser;
        this.msg = msg;
        this.dialogs = dialogs;
        this.download = download;
        this.reveal = reveal;
        this.zone = zone;
        root.set(startDir);
        status.set(msg.format("search.limits", maxDepth.get(), maxEntries.get()));
    }

    public String siteName() {
        return browser.displayName();
    }

    public StringProperty rootProperty() {
        return root;
    }

    public StringProperty patternProperty() {
        return pattern;
    }

    public BooleanProperty regexProperty() {
        return regex;
    }

    public StringProperty minSizeProperty() {
        return minSize;
    }

    public StringProperty maxSizeProperty() {
        return maxSize;
    }

    public ObjectProperty<LocalDate> fromDateProperty() {
        return fromDate;
    }

    public ObjectProperty<LocalDate> toDateProperty() {
        return toDate;
    }

    public IntegerProperty maxDepthProperty() {
        return maxDepth;
    }

    public IntegerProperty maxEntriesProperty() {
        return maxEntries;
    }

    /** The hits so far, in the order found. */
    public ObservableList<SearchHit> hits() {
        return hitsView;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Progress and outcome, one line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the criteria cannot be searched for (one line), or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** How the last search ended, or null while none has. */
    public ReadOnlyObjectProperty<SearchReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** Starts a search with the criteria as they are now; a running one is cancelled first. */
    public void search() {
        SearchCriteria criteria;
        try {
            criteria = criteria();
        } catch (IllegalArgumentException bad) {
            error.set(bad.getMessage());
            return;
        }
        cancel();
        error.set(null);
        hits.clear();
        report.set(null);
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        running.set(true);
        status.set(msg.format("search.running", criteria.root()));
        executor.execute(() -> new RemoteSearch(browser).run(criteria,
                batch -> executor.onUiThread(() -> {
                    if (!stop.get()) {
                        hits.addAll(batch);
                    }
                }), stop::get), r -> finished(stop, r), failure -> finished(stop, new SearchReport(
                        SearchReport.Ending.CANCELLED, hits.size(), 0, 0, false, List.of(failure.toString()))));
    }

    private void finished(AtomicBoolean which, SearchReport r) {
        if (which != cancelled) {
            return; // a newer search replaced this one
        }
        running.set(false);
        report.set(r);
        String key = switch (r.ending()) {
            case COMPLETE -> r.depthLimited() ? "search.doneDepth" : "search.done";
            case ENTRY_LIMIT -> "search.entryLimit";
            case CANCELLED -> "search.cancelled";
        };
        String text = msg.format(key, hits.size(), r.entriesSeen(), r.directoriesListed(), maxDepth.get(),
                maxEntries.get());
        if (!r.failures().isEmpty()) {
            text += " " + msg.format("search.failures", r.failures().size(), r.failures().get(0));
        }
        status.set(text);
    }

    /** Stops the running search, if any; hits found so far stay. */
    public void cancel() {
        if (running.get()) {
            cancelled.set(true);
        }
    }

    SearchCriteria criteria() {
        String dir = root.get() == null || root.get().isBlank() ? null : root.get().strip();
        if (dir == null) {
            throw new IllegalArgumentException(msg.get("search.noRoot"));
        }
        Instant from = fromDate.get() == null ? null : fromDate.get().atStartOfDay(zone).toInstant();
        Instant until = toDate.get() == null ? null : toDate.get().plusDays(1).atStartOfDay(zone).toInstant();
        return new SearchCriteria(dir, NamePatterns.compile(pattern.get(), regex.get()),
                SizeText.parse(minSize.get()), SizeText.parse(maxSize.get()), from, until, maxDepth.get(),
                maxEntries.get());
    }

    public void download(List<SearchHit> selected) {
        if (!selected.isEmpty()) {
            download.accept(List.copyOf(selected));
        }
    }

    public void reveal(SearchHit hit) {
        if (hit != null) {
            reveal.accept(hit);
        }
    }

    /** Deletes the hits after the user confirms; deleted ones leave the list, failures are told in the status. */
    public void delete(List<SearchHit> selected) {
        if (selected.isEmpty() || running.get() || !dialogs.confirmDelete(selected)) {
            return;
        }
        List<SearchHit> targets = List.copyOf(selected);
        executor.execute(() -> {
            for (SearchHit h : targets) {
                synchronized (browser) {
                    browser.delete(h.path(), h.directory(), h.directory());
                }
                executor.onUiThread(() -> hits.remove(h));
            }
            return targets.size();
        }, n -> status.set(msg.format("search.deleted", n)),
                failure -> status.set(msg.format("search.deleteFailed", failure.getMessage())));
    }
}
