package org.ferryftp.ui.browser;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ferryftp.fs.FileBrowser;
import org.ferryftp.fs.Location;
import org.ferryftp.ftp.FtpException;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.browser.Listing.RowFilter;
import org.ferryftp.ui.concurrent.UiExecutor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * State of one browser pane: which source, which directory, its rows, history, busy and error
 * state. Work on the {@link FileBrowser} runs through the {@link UiExecutor}; results land here on
 * the UI thread. Never touches controls.
 */
public final class PaneViewModel {

    private static final int CACHE_SIZE = 64;
    private static final int RECENT_SIZE = 15;

    private record Opened(FileBrowser browser, Listing listing) {
    }

    private final UiExecutor executor;
    private final BrowserFactory factory;
    private final Messages messages;
    private final FileRows fileRows;
    private final ReadOnlyObjectWrapper<Source> source = new ReadOnlyObjectWrapper<>(this, "source");
    private final ReadOnlyStringWrapper path = new ReadOnlyStringWrapper(this, "path");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(this, "canGoBack");
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper(this, "canGoForward");
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final BooleanProperty showHidden = new SimpleBooleanProperty(this, "showHidden", false);
    /** What the table shows. Replaced with one setAll; no FilteredList/SortedList chain to re-evaluate. */
    private final ObservableList<FileRow> visibleRows = FXCollections.observableArrayList();
    private final ObservableList<FileRow> visibleView = FXCollections.unmodifiableObservableList(visibleRows);
    /** All rows of the directory, kept sorted by {@link #order}, so filtering never needs a sort. */
    private List<FileRow> allRows = List.of();
    private Comparator<? super FileRow> order = FileRows.directoriesFirst(null);
    private final ObservableList<String> unparsed = FXCollections.observableArrayList();
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private final NavigationHistory history = new NavigationHistory();
    private final Map<String, Listing> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Listing> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    private FileBrowser browser;
    private Comparator<FileRow> columnOrder;
    private int generation;
    private Runnable retry;

    public PaneViewModel(UiExecutor executor, BrowserFactory factory, Messages messages) {
        this.executor = executor;
        this.factory = factory;
        this.messages = messages;
        this.fileRows = new FileRows(messages);
        filter.addListener((o, a, b) -> refilter());
        showHidden.addListener((o, a, b) -> refilter());
    }

    // ---- properties -------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Source> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pathProperty() {
        return path.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The inline error (connection failed), or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Last message for the status bar, e.g. a failed rename. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return canGoForward.getReadOnlyProperty();
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public BooleanProperty showHiddenProperty() {
        return showHidden;
    }

    /** Rows after filter and sort: what the table shows. */
    public ObservableList<FileRow> rows() {
        return visibleView;
    }

    /** All rows of the directory, before filtering. */
    public int totalRows() {
        return allRows.size();
    }

    public ObservableList<String> unparsedLines() {
        return FXCollections.unmodifiableObservableList(unparsed);
    }

    public ObservableList<String> recentDirectories() {
        return FXCollections.unmodifiableObservableList(recent);
    }

    /** Sets the table's column order; folders stay first. */
    public void setColumnOrder(Comparator<FileRow> order) {
        // The table re-applies its order on every items change; re-sorting 100k rows each time would stall.
        if (java.util.Objects.equals(order, columnOrder)) {
            return;
        }
        columnOrder = order;
        this.order = FileRows.directoriesFirst(order);
        Comparator<? super FileRow> wanted = this.order;
        List<FileRow> rows = allRows;
        if (rows.size() < 20_000) {
            allRows = Listing.sorted(rows, wanted);
            refilter();
            return;
        }
        // Big directories are re-sorted off the UI thread; the table keeps its old order meanwhile.
        busy.set(true);
        executor.execute(() -> Listing.sorted(rows, wanted), result -> {
            busy.set(false);
            if (allRows == rows && this.order == wanted) {
                allRows = result;
                refilter();
            }
        }, failure -> busy.set(false));
    }

    /** The directory shown now, as a {@link Location}; null while nothing is shown. */
    public Location currentLocation() {
        Source s = source.get();
        String p = path.get();
        if (s == null || p == null) {
            return null;
        }
        return s.isLocal() ? Location.local(p) : Location.remote(s.site(), p);
    }

    public String childPath(String name) {
        return browser == null ? null : browser.join(path.get(), name);
    }

    // ---- navigation -------------------------------------------------------------------------

    /** Shows {@code newSource} from its home directory, on its own connection. */
    public void open(Source newSource) {
        open(newSource, null);
    }

    /** Shows {@code newSource} from {@code startDir} (its home directory when null), on its own connection. */
    public void open(Source newSource, String startDir) {
        int gen = ++generation;
        closeBrowser();
        cache.clear();
        history.clear();
        recent.clear();
        allRows = List.of();
        visibleRows.clear();
        unparsed.clear();
        path.set(null);
        source.set(newSource);
        error.set(null);
        retry = () -> open(newSource, startDir);
        busy.set(true);
        Comparator<? super FileRow> order = this.order;
        RowFilter rowFilter = rowFilter();
        updateHistoryFlags();
        executor.execute(() -> {
            FileBrowser b = factory.open(newSource);
            try {
                synchronized (b) {
                    String home = startDir != null && !startDir.isBlank() ? startDir : b.home();
                    return new Opened(b, listing(b, home, order, rowFilter));
                }
            } catch (Exception | Error e) {
                b.close();
                throw e;
            }
        }, opened -> {
            if (gen != generation) {
                executor.execute(() -> close(opened.browser()), x -> { }, x -> { });
                return;
            }
            browser = opened.browser();
            busy.set(false);
            show(opened.listing());
        }, failure -> {
            if (gen == generation) {
                busy.set(false);
                error.set(messages.format("error.connect", newSource.label(), reason(failure)));
            }
        });
    }

    public void navigate(String target) {
        load(target, true, true);
    }

    public void refresh() {
        if (path.get() != null) {
            load(path.get(), false, false);
        }
    }

    public void back() {
        history.back(path.get()).ifPresent(p -> load(p, false, true));
        updateHistoryFlags();
    }

    public void forward() {
        history.forward(path.get()).ifPresent(p -> load(p, false, true));
        updateHistoryFlags();
    }

    public void up() {
        if (browser != null && path.get() != null) {
            String parent = browser.parent(path.get());
            if (parent != null) {
                navigate(parent);
            }
        }
    }

    /** Enters a folder row; returns false for files. */
    public boolean enter(FileRow row) {
        if (row == null || !row.isDirectory() || browser == null) {
            return false;
        }
        navigate(browser.join(path.get(), row.name()));
        return true;
    }

    /** Repeats what failed: opening the source or loading the directory. */
    public void retry() {
        if (retry != null) {
            error.set(null);
            retry.run();
        }
    }

    private void load(String target, boolean recordHistory, boolean useCache) {
        if (browser == null || target == null) {
            return;
        }
        String from = path.get();
        Listing cached = useCache ? cache.get(target) : null;
        if (cached != null) {
            generation++;
            busy.set(false);
            arrived(cached, from, recordHistory);
            return;
        }
        int gen = ++generation;
        FileBrowser b = browser;
        busy.set(true);
        Comparator<? super FileRow> order = this.order;
        RowFilter rowFilter = rowFilter();
        executor.execute(() -> {
            synchronized (b) {
                return listing(b, target, order, rowFilter);
            }
        }, l -> {
            if (gen == generation) {
                busy.set(false);
                arrived(l, from, recordHistory);
            }
        }, failure -> {
            if (gen != generation) {
                return;
            }
            busy.set(false);
            if (from == null || (failure instanceof FtpException fe && fe.isConnectionBroken())) {
                retry = () -> load(target, recordHistory, false);
                error.set(messages.format("error.list", target, reason(failure)));
            } else {
                status.set(messages.format("error.list", target, reason(failure)));
            }
        });
    }

    private void arrived(Listing l, String from, boolean recordHistory) {
        if (recordHistory && from != null && !from.equals(l.path())) {
            history.visited(from);
        }
        show(l);
        updateHistoryFlags();
    }

    private Listing listing(FileBrowser b, String dir, Comparator<? super FileRow> order, RowFilter filter)
            throws Exception {
        return Listing.build(b.list(dir), fileRows, order, filter);
    }

    private RowFilter rowFilter() {
        String f = filter.get() == null ? "" : filter.get().trim().toLowerCase(Locale.ROOT);
        return new RowFilter(f, showHidden.get());
    }

    private void show(Listing listing) {
        Listing l = listing.order() == order ? listing
                : new Listing(listing.path(), Listing.sorted(listing.rows(), order), listing.unparsed(), order, null, null);
        cache.put(l.path(), l);
        error.set(null);
        allRows = l.rows();
        if (l.visible() != null && rowFilter().equals(l.filter())) {
            visibleRows.setAll(l.visible());
        } else {
            refilter();
        }
        unparsed.setAll(l.unparsed());
        path.set(l.path());
        recent.remove(l.path());
        recent.add(0, l.path());
        if (recent.size() > RECENT_SIZE) {
            recent.remove(RECENT_SIZE, recent.size());
        }
    }

    /** Names of the sub-folders of {@code dir}, from the cache or listed in the background. */
    public void childFolders(String dir, Consumer<List<String>> consumer) {
        Listing cached = cache.get(dir);
        if (cached != null) {
            consumer.accept(folderNames(cached));
            return;
        }
        FileBrowser b = browser;
        if (b == null) {
            return;
        }
        Comparator<? super FileRow> order = this.order;
        RowFilter rowFilter = rowFilter();
        executor.execute(() -> {
            synchronized (b) {
                return listing(b, dir, order, rowFilter);
            }
        }, l -> {
            if (b == browser) {
                cache.put(l.path(), l);
                consumer.accept(folderNames(l));
            }
        }, failure -> consumer.accept(List.of()));
    }

    private List<String> folderNames(Listing l) {
        return l.rows().stream().filter(FileRow::isDirectory).map(FileRow::name)
                .filter(n -> showHidden.get() || !n.startsWith("."))
                .sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    /** The parent of {@code p} on this pane's side, or null at the root. */
    public String parentOf(String p) {
        return browser == null ? null : browser.parent(p);
    }

    public String join(String dir, String name) {
        return browser == null ? null : browser.join(dir, name);
    }

    private void refilter() {
        visibleRows.setAll(rowFilter().apply(allRows));
    }

    private void updateHistoryFlags() {
        canGoBack.set(history.canGoBack());
        canGoForward.set(history.canGoForward());
    }

    // ---- shared with PaneOperations -----------------------------------------------------------

    FileBrowser browser() {
        return browser;
    }

    UiExecutor executor() {
        return executor;
    }

    Messages messages() {
        return messages;
    }

    void setBusy(boolean b) {
        busy.set(b);
    }

    void setStatus(String s) {
        status.set(s);
    }

    /** Drops the cached listing of the current directory and lists it again. */
    void invalidateAndRefresh() {
        cache.clear();
        refresh();
    }

    static String reason(Throwable t) {
        String m = t.getMessage();
        if (t instanceof java.net.UnknownHostException) {
            return "unknown host " + m;
        }
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** Closes this pane's connection (in the background). */
    public void close() {
        generation++;
        closeBrowser();
    }

    private void closeBrowser() {
        FileBrowser old = browser;
        browser = null;
        if (old != null) {
            executor.execute(() -> close(old), x -> { }, x -> { });
        }
    }

    private static Void close(FileBrowser b) {
        synchronized (b) {
            b.close();
        }
        return null;
    }
}
