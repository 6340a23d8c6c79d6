package org.ferryftp.ui.browser;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.ferryftp.fs.FileBrowser;
import org.ferryftp.fs.Location;
import org.ferryftp.ftp.FtpException;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.concurrent.UiExecutor;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * State of one browser pane: which source, which directory, busy and error state. Its rows live in
 * {@link PaneRows}, its history in {@link PaneNavigation}, listed directories in a {@link ListingCache}, its
 * connection in a {@link PaneConnection};
 * listing runs through the {@link DirectoryLoader} on the {@link UiExecutor}, and results land here on
 * the UI thread. Never touches controls.
 */
public final class PaneViewModel {

    private final UiExecutor executor;
    private final Messages messages;
    private final PaneLoads loads;
    private final PaneRows rows;
    private final PaneNavigation navigation = new PaneNavigation();
    private final ListingCache cache = new ListingCache();
    private final PaneConnection connection;
    private final RowMarks marks = new RowMarks();
    private final ReadOnlyObjectWrapper<Source> source = new ReadOnlyObjectWrapper<>(this, "source");
    private final ReadOnlyStringWrapper path = new ReadOnlyStringWrapper(this, "path");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder");
    private final ReadOnlyBooleanWrapper onlyHidden = new ReadOnlyBooleanWrapper(this, "onlyHidden");
    private final ReadOnlyStringWrapper revealed = new ReadOnlyStringWrapper(this, "revealed");
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper(this, "closed");
    /** True while the source is still logging in: the table says so instead of "empty". */
    private boolean connecting;
    private Runnable retry;

    public PaneViewModel(UiExecutor executor, BrowserFactory factory, Messages messages) {
        this.executor = executor;
        this.messages = messages;
        this.loads = new PaneLoads(executor, factory, new DirectoryLoader(executor, new FileRows(messages)));
        this.rows = new PaneRows(executor, busy::set, marks);
        this.connection = new PaneConnection(loads, rows, cache);
        this.placeholder.set(messages.get("table.empty"));
        rows.visible().addListener((javafx.collections.ListChangeListener<FileRow>) c -> updatePlaceholder());
        rows.filterProperty().addListener((o, a, b) -> updatePlaceholder());
    }

    /** Why the table is empty: still connecting, nothing there, only hidden items, or nothing matches the filter. */
    private void updatePlaceholder() {
        if (connecting) {
            return;
        }
        int hidden = rows.visible().isEmpty() ? rows.hiddenCount() : 0;
        String filterText = rows.filterProperty().get() == null ? "" : rows.filterProperty().get().trim();
        onlyHidden.set(hidden > 0 && hidden == rows.total());
        if (!rows.visible().isEmpty() || rows.total() == 0) {
            placeholder.set(messages.get("table.empty"));
        } else if (!filterText.isEmpty()) {
            placeholder.set(messages.format("table.noMatch", filterText));
        } else if (hidden > 0) {
            placeholder.set(messages.format("table.onlyHidden", hidden));
        } else {
            placeholder.set(messages.get("table.empty"));
        }
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

    /** What the table says when it has no rows: connecting to the source, or an empty folder. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** True when the folder has items but all are hidden files the toggle keeps out; the view offers to show them. */
    public ReadOnlyBooleanProperty onlyHiddenProperty() {
        return onlyHidden.getReadOnlyProperty();
    }

    /** The name of a row to select once it is shown (a search result revealed here), or null. */
    public ReadOnlyStringProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    /** Goes to the folder of {@code target} and asks the view to select it there (a search result). */
    public void reveal(String target) {
        String parent = parentOf(target);
        if (parent != null) {
            revealed.set(nameIn(target));
            navigate(parent);
        }
    }

    /** The row to reveal was selected. */
    public void revealDone() {
        revealed.set(null);
    }

    private static String nameIn(String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        int slash = Math.max(p.lastIndexOf('/'), p.lastIndexOf(java.io.File.separatorChar));
        return p.substring(slash + 1);
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return navigation.canGoBackProperty();
    }

    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return navigation.canGoForwardProperty();
    }

    public StringProperty filterProperty() {
        return rows.filterProperty();
    }

    public BooleanProperty showHiddenProperty() {
        return rows.showHiddenProperty();
    }

    /** Rows after filter and sort: what the table shows. */
    public ObservableList<FileRow> rows() {
        return rows.visible();
    }

    /** All rows of the directory, before filtering; replaced as a whole whenever they change. */
    public ReadOnlyObjectProperty<List<FileRow>> allRowsProperty() {
        return rows.allProperty();
    }

    /** The directory comparison's marks on this pane's rows. */
    public RowMarks marks() {
        return marks;
    }

    /** All rows of the directory, before filtering. */
    public int totalRows() {
        return rows.total();
    }

    public ObservableList<String> unparsedLines() {
        return rows.unparsed();
    }

    public ObservableList<String> recentDirectories() {
        return navigation.recent();
    }

    /** Sets the table's column order; folders stay first. */
    public void setColumnOrder(Comparator<FileRow> order) {
        rows.setColumnOrder(order);
    }

    /** The directory shown now, as a {@link Location}; null while nothing is shown. */
    public Location currentLocation() {
        Source s = source.get();
        return s == null || path.get() == null ? null : s.locationOf(path.get());
    }

    public String childPath(String name) {
        return connection.join(path.get(), name);
    }

    // ---- navigation -------------------------------------------------------------------------

    /** Shows {@code newSource} from its home directory, on its own connection. */
    public void open(Source newSource) {
        open(newSource, null);
    }

    /** Shows {@code newSource} from {@code startDir} (its home directory when null), on its own connection. */
    public void open(Source newSource, String startDir) {
        connection.close();
        cache.clear();
        navigation.clear();
        rows.clear();
        path.set(null);
        source.set(newSource);
        error.set(null);
        retry = () -> open(newSource, startDir);
        busy.set(true);
        connecting = true;
        onlyHidden.set(false);
        placeholder.set(messages.format("pane.connecting", newSource.label()));
        loads.open(newSource, startDir, rows.order(), rows.rowFilter(), this::showPart, opened -> {
            connection.opened(opened.browser());
            busy.set(false);
            connecting = false;
            show(opened.listing());
        }, failure -> {
            busy.set(false);
            connecting = false;
            placeholder.set(messages.get("table.empty"));
            error.set(messages.format("error.connect", newSource.label(), FailureReason.of(failure)));
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
        navigation.back(path.get()).ifPresent(p -> load(p, false, true));
    }

    public void forward() {
        navigation.forward(path.get()).ifPresent(p -> load(p, false, true));
    }

    public void up() {
        if (path.get() != null) {
            String parent = connection.parentOf(path.get());
            if (parent != null) {
                navigate(parent);
            }
        }
    }

    /** Enters a folder row; returns false for files. */
    public boolean enter(FileRow row) {
        if (row == null || !row.isDirectory() || connection.browser() == null) {
            return false;
        }
        navigate(connection.join(path.get(), row.name()));
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
        FileBrowser browser = connection.browser();
        if (browser == null || target == null) {
            return;
        }
        String from = path.get();
        Listing cached = useCache ? cache.get(target) : null;
        if (cached != null) {
            loads.cancel();
            busy.set(false);
            arrived(cached, from, recordHistory);
            return;
        }
        busy.set(true);
        loads.list(browser, target, rows.order(), rows.rowFilter(), new PaneLoads.Callbacks(this::showPart, l -> {
            busy.set(false);
            arrived(l, from, recordHistory);
        }, failure -> {
            busy.set(false);
            Listing before = from == null ? null : cache.get(from);
            if (before != null && !from.equals(path.get())) {
                // Rows of the failed listing were shown on the way; the directory we came from comes back.
                show(before);
            }
            if (from == null || (failure instanceof FtpException fe && fe.isConnectionBroken())) {
                retry = () -> load(target, recordHistory, false);
                error.set(messages.format("error.list", target, FailureReason.of(failure)));
            } else {
                status.set(messages.format("error.list", target, FailureReason.of(failure)));
            }
        }));
    }

    private void arrived(Listing l, String from, boolean recordHistory) {
        navigation.arrived(from, l.path(), recordHistory);
        show(l);
    }

    /** The rows listed so far of the directory being loaded (still busy); the path moves with them. */
    private void showPart(Listing part) {
        if (rows.showPart(part)) {
            path.set(part.path());
        }
    }

    private void show(Listing listing) {
        Listing l = rows.inCurrentOrder(listing);
        cache.put(l);
        error.set(null);
        // The path first: the tree gives the rows' folders to the folder it shows (a typed path or a double
        // click put the new folder's sub-folders under the folder left behind).
        path.set(l.path());
        rows.show(l);
        navigation.shown(l.path());
        updatePlaceholder(); // an empty list replaced by an empty list fires no change
    }

    /** Names of the sub-folders of {@code dir}, from the cache or listed in the background. */
    public void childFolders(String dir, Consumer<List<String>> consumer) {
        connection.childFolders(dir, consumer);
    }

    /** The parent of {@code p} on this pane's side, or null at the root. */
    public String parentOf(String p) {
        return connection.parentOf(p);
    }

    public String join(String dir, String name) {
        return connection.join(dir, name);
    }

    // ---- shared with PaneOperations -----------------------------------------------------------

    FileBrowser browser() {
        return connection.browser();
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

    /** Closes this pane's connection (in the background). */
    public void close() {
        loads.cancel();
        connection.close();
        closed.set(true);
    }

    /** True once {@link #close()} ran: the pane's tab or window closed (what used its connection ends too). */
    public ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }
}
