package org.ferryftp.ui.main;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.ferryftp.fs.Location;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Styles;
import org.ferryftp.ui.browser.FileOpening;
import org.ferryftp.ui.browser.FxPaneDialogs;
import org.ferryftp.ui.browser.PaneDialogs;
import org.ferryftp.ui.browser.PaneOperations;
import org.ferryftp.ui.browser.PaneView;
import org.ferryftp.ui.browser.PaneViewModel;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.browser.TransferCoordinator;
import org.ferryftp.ui.edit.EditParts;
import org.ferryftp.ui.edit.FxEditDialogs;
import org.ferryftp.ui.edit.RemoteFiles;
import org.ferryftp.ui.edit.ViewerWindow;
import org.ferryftp.ui.log.LogView;
import org.ferryftp.ftp.LogEntry;
import org.ferryftp.ui.bookmarks.BookmarksMenu;
import org.ferryftp.ui.bookmarks.BookmarksViewModel;
import org.ferryftp.ui.bookmarks.FxBookmarkDialogs;
import org.ferryftp.ui.bookmarks.GlobalBookmarks;
import org.ferryftp.ui.bookmarks.PaneBookmarksButton;
import org.ferryftp.ui.compare.CompareBar;
import org.ferryftp.ui.compare.ComparisonSettings;
import org.ferryftp.ui.compare.ComparisonViewModel;
import org.ferryftp.ui.compare.SyncBrowsing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The main window: toolbar, quick connect, log, the two panes, the transfers area and the status bar. */
public final class MainWindow {

    private static final javafx.css.PseudoClass ACTIVE = javafx.css.PseudoClass.getPseudoClass(Styles.PANE_ACTIVE);

    private final MainWindowConfig config;
    private final Messages msg;
    private final ObservableList<Source> sources;
    private final TransferCoordinator transfers;
    private final PaneTabs left;
    private final PaneTabs right;
    private final PaneDialogs dialogs;
    /** The local disk: what a new tab shows. */
    private final Source local;
    /** Remembers the panes' tabs across restarts, or null (no config directory) to remember none. */
    private final TabsStore tabsStore;
    private final SyncBrowsing sync;
    private final BookmarksViewModel bookmarks;
    private final BookmarksMenu bookmarksMenu;
    private final ComparisonViewModel comparison;
    private final CompareBar compareBar;
    private final SplitPane panes;
    private final LogView logView;
    private final TitledPane logPane;
    private final TitledPane transfersPane;
    private final Label status = new Label();
    private final VBox root;
    private final WindowLayout layout;
    private final QuickConnectBar quick;
    private final MainMenu menu;
    private final org.ferryftp.ui.synchronize.SyncDialogs syncDialogs;
    /** View and Edit of files, or null when the window has none. */
    private final RemoteFiles files;
    /** Remembered tabs of sites in {@code laterSources}, opened when those come; empty once they have come. */
    private final List<WaitingTab> waitingTabs = new java.util.ArrayList<>();
    private boolean laterSourcesCame;
    /** The side quick connect, the toolbar and the menus act on (its selected tab). */
    private PaneTabs active;
    private Stage stage;

    public MainWindow(MainWindowConfig config) {
        this.config = config;
        this.msg = config.messages();
        this.sources = FXCollections.observableArrayList(config.sources());
        this.transfers = new TransferCoordinator(config.submitter(), msg, javafx.application.Platform::runLater);
        this.dialogs = config.dialogs() != null ? config.dialogs()
                : new FxPaneDialogs(() -> stage, msg);
        EditParts editing = config.editing();
        this.files = editing == null ? null : new RemoteFiles(editing.edits(), editing.opener(),
                new ViewerWindow(() -> stage, msg), new FxEditDialogs(() -> stage, msg), editing.choices(),
                config.executor(), msg);
        this.syncDialogs = new org.ferryftp.ui.synchronize.FxSyncDialog(() -> stage, msg);
        local = config.sources().stream().filter(Source::isLocal).findFirst()
                .orElse(Source.local(msg.get("source.local")));
        left = new PaneTabs("left", () -> pane("left"), local, transfers, msg);
        right = new PaneTabs("right", () -> pane("right"), local, transfers, msg);
        sync = new SyncBrowsing(left.selectedProperty().map(PaneView::operations),
                right.selectedProperty().map(PaneView::operations));
        Path dir = config.configDir();
        tabsStore = dir == null ? null : new TabsStore(dir.resolve("tabs.properties"), this::problem, Clock.systemUTC());
        bookmarks = new BookmarksViewModel(new GlobalBookmarks(dir == null ? null : dir.resolve("bookmarks.properties"),
                this::problem, Clock.systemUTC()), id -> config.sites() == null ? List.of() : config.sites().bookmarks(id),
                left.selectedProperty().map(PaneView::viewModel), right.selectedProperty().map(PaneView::viewModel),
                sync, sources, msg);
        bookmarksMenu = new BookmarksMenu(bookmarks, config.bookmarkDialogs() != null ? config.bookmarkDialogs()
                : new FxBookmarkDialogs(() -> stage, msg), this::siteLabel, msg);
        // One empty tab each; show() opens the start sources or the remembered tabs.
        left.add();
        right.add();
        comparison = new ComparisonViewModel(left.selectedProperty().map(PaneView::viewModel),
                right.selectedProperty().map(PaneView::viewModel), new ComparisonSettings(
                dir == null ? null : dir.resolve("comparison.properties"), this::problem, Clock.systemUTC()), msg,
                config.executor());
        compareBar = new CompareBar(comparison, sync, left.selectedProperty(), right.selectedProperty(), msg);
        active = left;
        panes = new SplitPane(left.node(), right.node());
        panes.setId("panes");

        logView = new LogView(config.log(), msg, status::setText, config.openLogFolder());
        logPane = new TitledPane(msg.get("log.title"), logView.node());
        logPane.setId("log-pane");
        logPane.setAnimated(false);
        logPane.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        logView.node().setMinHeight(0);

        transfersPane = new TitledPane(msg.get("transfers.title"),
                config.transfersView() != null ? config.transfersView() : transfersPlaceholder());
        transfersPane.setId("transfers");
        transfersPane.getStyleClass().add(Styles.TRANSFERS);
        transfersPane.setAnimated(false);
        transfersPane.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        if (config.transfersNotice() != null) {
            transfersPane.textProperty().bind(transfersTitle(config.transfersNotice()));
        }

        status.setId("status");
        if (status.getText().isEmpty()) { // a store's problem, found while building the panes, stays in view
            status.setText(msg.get("status.ready"));
        }
        transfers.messageProperty().addListener((o, a, m) -> showStatus(m));
        if (files != null) {
            files.statusProperty().addListener((o, a, m) -> showStatus(m));
        }
        HBox statusBar = new HBox(status);
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        statusBar.getChildren().add(spacer);
        if (config.statusExtras() != null) {
            statusBar.getChildren().add(config.statusExtras());
        }
        statusBar.getChildren().add(speedLimitSwitch());
        statusBar.getStyleClass().add(Styles.STATUS_BAR);
        statusBar.setAlignment(Pos.CENTER_LEFT);

        Toolbar toolbar = new Toolbar(msg, this, config.theme());
        quick = new QuickConnectBar(msg, this::quickConnect, this::saveQuickConnect, config.quickHistory());
        MainSplit middle = new MainSplit(logPane, panes, transfersPane);
        VBox.setVgrow(middle.node(), Priority.ALWAYS);
        menu = new MainMenu(msg, this, config.theme(), config.menus(), new HelpWindows(msg, () -> stage),
                compareBar.viewMenuItems(), bookmarksMenu.menu());
        root = new VBox(menu.node(), toolbar.node(), quick.node(), compareBar.node(), middle.node(), statusBar);
        bookmarks.messageProperty().addListener((o, a, m) -> showStatus(m));
        root.getStyleClass().add(Styles.MAIN);
        layout = new WindowLayout(config.stateStore(), middle, panes, left.selectedProperty(), right.selectedProperty());
        for (PaneTabs side : new PaneTabs[] {left, right}) {
            // A click anywhere in a pane or on its tabs makes it active (even on a control that takes no focus).
            side.node().addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> setActive(side));
            side.selectedProperty().addListener((o, was, now) -> {
                was.node().pseudoClassStateChanged(ACTIVE, false);
                now.node().pseudoClassStateChanged(ACTIVE, side == active);
            });
        }
        setActive(left);
        config.laterSources().whenComplete((later, failed) -> {
            Runnable add = () -> laterSourcesCame(later == null ? List.of() : later);
            if (javafx.application.Platform.isFxApplicationThread()) {
                add.run();
            } else {
                javafx.application.Platform.runLater(add);
            }
        });
    }

    /** A remembered tab whose site is one of the later sources: its pane (not opened yet) and where it was. */
    private record WaitingTab(PaneTabs side, PaneView pane, String siteId, String path) {
    }

    /** The later sources join the panes' lists; the tabs waiting for them open (on the local disk if gone). */
    private void laterSourcesCame(List<Source> later) {
        sources.removeIf(s -> later.stream().anyMatch(s::sameSide));
        sources.addAll(later);
        laterSourcesCame = true;
        int unknown = 0;
        for (WaitingTab tab : waitingTabs) {
            if (!tab.side().tabs().contains(tab.pane()) || tab.pane().viewModel().sourceProperty().get() != null) {
                continue; // closed meanwhile, or the user opened something else in it
            }
            java.util.Optional<Source> site = findSite(tab.siteId());
            if (site.isEmpty()) {
                unknown++;
            }
            tab.pane().viewModel().open(site.orElse(local), site.isEmpty() ? null : tab.path());
        }
        if (unknown > 0) {
            showStatus(msg.format("tabs.restoredLocal", unknown));
        } else if (!waitingTabs.isEmpty() && status.getText().equals(msg.get("sites.loading"))) {
            showStatus(msg.get("status.ready"));
        }
        waitingTabs.clear();
    }

    private java.util.Optional<Source> findSite(String siteId) {
        return sources.stream().filter(x -> !x.isLocal() && x.site().id().equals(siteId)).findFirst();
    }

    /** The status bar's speed-limit switch, as FileZilla's: lit while the limits apply; a click turns them on or off. */
    private Node speedLimitSwitch() {
        org.ferryftp.ui.prefs.LivePreferences prefs = config.menus().preferences();
        javafx.scene.control.ToggleButton toggle = new javafx.scene.control.ToggleButton(null,
                new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignS.SPEEDOMETER));
        toggle.setId("speed-limits");
        toggle.getStyleClass().addAll("flat", Styles.SPEED_SWITCH);
        toggle.selectedProperty().bindBidirectional(prefs.limitsOnProperty());
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        toggle.setTooltip(tip);
        Runnable describe = () -> {
            String limits = org.ferryftp.ui.prefs.LivePreferences.describeLimits(prefs.preferencesProperty().get(), msg);
            String text = limits.isEmpty() ? msg.get("speed.none")
                    : msg.format(toggle.isSelected() ? "speed.on" : "speed.off", limits);
            tip.setText(text);
            toggle.setAccessibleText(text);
            ((org.kordamp.ikonli.javafx.FontIcon) toggle.getGraphic()).setIconCode(toggle.isSelected() && !limits.isEmpty()
                    ? org.kordamp.ikonli.materialdesign2.MaterialDesignS.SPEEDOMETER_SLOW
                    : org.kordamp.ikonli.materialdesign2.MaterialDesignS.SPEEDOMETER);
        };
        toggle.selectedProperty().addListener((o, a, b) -> describe.run());
        prefs.preferencesProperty().addListener((o, a, b) -> describe.run());
        describe.run();
        return toggle;
    }

    /** A new tab's pane on side {@code id}: its own view model and connection. */
    private PaneView pane(String id) {
        PaneOperations ops = new PaneOperations(new PaneViewModel(config.executor(), config.browsers(), msg), dialogs);
        PaneView p = new PaneView(ops, transfers, sources, () -> other(id).selected().viewModel().currentLocation(),
                msg, id, new PaneBookmarksButton(bookmarks, bookmarksMenu, ops.pane(), msg, id).node(),
                config.menus().preferences().behaviour(), files == null ? FileOpening.NONE : files);
        p.viewModel().statusProperty().addListener((o, a, s) -> showStatus(s));
        return p;
    }

    /** A store's problem (a damaged or unwritable file), in one line: to the log and the status bar. */
    private void problem(String line) {
        config.log().log(new LogEntry(Instant.now(), "ferry", LogEntry.Direction.ERROR, line));
        showStatus(line);
    }

    /** The label of the source with this id, or null. */
    private String siteLabel(String sourceId) {
        return sources.stream().filter(s -> !s.isLocal() && s.site().id().equals(sourceId)).map(Source::label)
                .findFirst().orElse(null);
    }

    private PaneTabs other(String id) {
        return id.equals("left") ? right : left;
    }

    /**
     * "Transfers", or while the pane is folded and the queue's notice (inside the pane, so unseen) says something,
     * "Transfers — " and what it says.
     */
    private javafx.beans.binding.StringBinding transfersTitle(javafx.beans.value.ObservableValue<String> notice) {
        String plain = msg.get("transfers.title");
        return javafx.beans.binding.Bindings.createStringBinding(() -> {
            String said = notice.getValue();
            return transfersPane.isExpanded() || said == null || said.isEmpty() ? plain
                    : msg.format("transfers.title.notice", said);
        }, notice, transfersPane.expandedProperty());
    }

    private Node transfersPlaceholder() {
        Label empty = new Label(msg.get("transfers.empty"));
        empty.getStyleClass().add(Styles.TRANSFERS_EMPTY);
        return new StackPane(empty);
    }

    static String title(String app, Source left, Source right) {
        return left == null || right == null ? app : app + " \u2014 " + left.label() + " \u2014 " + right.label();
    }

    /** Builds the scene, restores the layout, shows the stage and opens the start sources. */
    public void show(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(root);
        // The pane holding the keyboard focus is the active one (quick connect and toolbar act on it).
        scene.focusOwnerProperty().addListener((o, old, owner) -> {
            for (javafx.scene.Node n = owner; n != null; n = n.getParent()) {
                if (n == left.node() || n == right.node()) {
                    setActive(n == left.node() ? left : right);
                    return;
                }
            }
        });
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::tabKeys);
        scene.getStylesheets().add(MainWindow.class.getResource(Styles.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        // Both panes in the title, so that windows and task bars tell connections apart.
        var leftSource = left.selectedProperty().flatMap(p -> p.viewModel().sourceProperty());
        var rightSource = right.selectedProperty().flatMap(p -> p.viewModel().sourceProperty());
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> title(msg.get("app.title"), leftSource.getValue(), rightSource.getValue()),
                leftSource, rightSource));
        layout.restore(stage);
        // The panes start listing on their workers first, so that the listings arrive while the FX thread
        // styles and lays out the new window (stage.show), not after it.
        openTabs();
        stage.show();
        // Split panes settle their first layout on the next pulse; set dividers after it too.
        layout.applyDividers();
        javafx.application.Platform.runLater(layout::applyDividers);
        javafx.application.Platform.runLater(() -> layout.reapplySize(stage));
        left.selected().focusTable();
    }

    /** The remembered tabs, or the start sources; a tab of a site no longer known opens on the local disk. */
    private void openTabs() {
        TabsStore.SavedTabs saved = tabsStore == null ? TabsStore.SavedTabs.NONE : tabsStore.load();
        int unknown = openTabs(left, saved.left(), config.leftStart()) + openTabs(right, saved.right(),
                config.rightStart());
        if (unknown > 0) {
            showStatus(msg.format("tabs.restoredLocal", unknown));
        }
    }

    /** Opens one side's remembered tabs (or its start source); returns how many sites were not found. */
    private int openTabs(PaneTabs side, TabsStore.SavedSide saved, Source start) {
        if (saved.tabs().isEmpty()) {
            side.selected().viewModel().open(start);
            return 0;
        }
        int unknown = 0;
        List<PaneView> opened = new java.util.ArrayList<>();
        for (TabsStore.SavedTab tab : saved.tabs()) {
            java.util.Optional<Source> site = tab.siteId() == null ? java.util.Optional.of(local)
                    : findSite(tab.siteId());
            PaneView pane = opened.isEmpty() ? side.selected() : side.add();
            opened.add(pane);
            if (site.isEmpty() && !laterSourcesCame) {
                // Perhaps a saved site, not read yet: the tab opens when they are.
                waitingTabs.add(new WaitingTab(side, pane, tab.siteId(), tab.path()));
                showStatus(msg.get("sites.loading"));
                continue;
            }
            String dir = tab.path();
            if (site.isEmpty()) {
                // A quick connect (no password is kept), the demo, or a deleted site: the local disk instead.
                unknown++;
                dir = null;
            } else if (tab.siteId() == null && dir != null && !java.nio.file.Files.isDirectory(Path.of(dir))) {
                dir = null; // a local folder gone meanwhile: home
            }
            pane.viewModel().open(site.orElse(local), dir);
        }
        side.select(opened.get(saved.selected()));
        return unknown;
    }

    /** The tabs to remember: each tab's site (none for the local disk) and folder, and the selected one. */
    private TabsStore.SavedSide saved(PaneTabs side) {
        List<TabsStore.SavedTab> tabs = new java.util.ArrayList<>();
        for (PaneView p : side.tabs()) {
            java.util.Optional<WaitingTab> waiting = waitingTabs.stream()
                    .filter(w -> w.pane() == p && p.viewModel().sourceProperty().get() == null).findFirst();
            if (waiting.isPresent()) { // closed before its site was read: remembered as it was
                tabs.add(new TabsStore.SavedTab(waiting.get().siteId(), waiting.get().path()));
                continue;
            }
            Source s = p.viewModel().sourceProperty().get();
            tabs.add(new TabsStore.SavedTab(s == null || s.isLocal() ? null : s.site().id(),
                    p.viewModel().pathProperty().get()));
        }
        return new TabsStore.SavedSide(tabs, side.tabs().indexOf(side.selected()));
    }

    /** Ctrl+Tab and Ctrl+Shift+Tab (or Ctrl+Page Down and Ctrl+Page Up) switch tabs in the active pane. */
    private void tabKeys(javafx.scene.input.KeyEvent e) {
        if (!e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        javafx.scene.input.KeyCode k = e.getCode();
        int step = k == javafx.scene.input.KeyCode.TAB ? (e.isShiftDown() ? -1 : 1)
                : k == javafx.scene.input.KeyCode.PAGE_DOWN && !e.isShiftDown() ? 1
                : k == javafx.scene.input.KeyCode.PAGE_UP && !e.isShiftDown() ? -1 : 0;
        if (step != 0) {
            e.consume();
            switchTab(step);
        }
    }

    /** Saves the layout and closes both panes' connections; the caller then closes the executor. */
    public void close() {
        if (stage != null) {
            layout.save(stage);
        }
        logView.stop();
        if (files != null) {
            files.close(); // deletes the private copies
        }
        if (tabsStore != null) {
            tabsStore.save(new TabsStore.SavedTabs(saved(left), saved(right)));
        }
        left.closeAll();
        right.closeAll();
    }

    void quickConnect(QuickConnect.Result r) {
        if (r.site() == null) {
            showStatus(msg.get(r.errorKey()));
            return;
        }
        Source s = Source.of(r.site());
        sources.removeIf(x -> x.sameSide(s));
        sources.add(s);
        active().viewModel().open(s);
        active().focusTable();
    }

    void saveQuickConnect(QuickConnect.Result r) {
        if (r.site() == null) {
            showStatus(msg.get(r.errorKey()));
        } else if (config.sites() != null) {
            showStatus(config.sites().saveQuickConnect(r));
        }
    }

    void openPreferences() {
        if (config.preferences() != null) {
            config.preferences().run();
        }
    }

    void openSiteManager() {
        if (config.sites() != null) {
            config.sites().openManager();
        }
    }

    /**
     * Opens a site in one pane at {@code remoteDir} (its home when null); when {@code localDir} is set
     * and the other pane shows the local disk, that pane goes there.
     */
    public void openSite(boolean inRight, Source site, String remoteDir, String localDir) {
        PaneView pane = (inRight ? right : left).selected();
        PaneView other = (inRight ? left : right).selected();
        if (sources.stream().noneMatch(x -> x.sameSide(site))) {
            sources.add(site);
        }
        pane.viewModel().open(site, remoteDir);
        Source otherSource = other.viewModel().sourceProperty().get();
        if (localDir != null && otherSource != null && otherSource.isLocal()) {
            other.viewModel().navigate(localDir);
        }
        setActive(inRight ? right : left);
        pane.focusTable();
    }

    /** Replaces the sources that {@code which} selects (for example the saved sites) with {@code with}. */
    public void replaceSources(java.util.function.Predicate<Source> which, java.util.List<Source> with) {
        sources.removeIf(which);
        sources.addAll(with);
    }

    /** Shows a message in the status bar. */
    public void status(String message) {
        showStatus(message);
    }

    /** The owner for dialogs (null before {@link #show}). */
    public Stage stage() {
        return stage;
    }

    void refreshBoth() {
        left.selected().viewModel().refresh();
        right.selected().viewModel().refresh();
    }

    // ---- tabs ----------------------------------------------------------------------------------------

    /** Ctrl+T: a new tab in the active pane, on the local disk (FileZilla's new tab starts disconnected too). */
    void newTabInActive() {
        active.openNew();
        active().focusTable();
    }

    /** Ctrl+W: closes the active pane's tab and its connection; the last one gives way to a local tab. */
    void closeTabInActive() {
        active.close(active.selected());
        active().focusTable();
    }

    void switchTab(int step) {
        active.selectNext(step);
        active().focusTable();
    }

    void disconnectActive() {
        active().viewModel().open(config.sources().get(0));
    }

    void toggleLog() {
        logPane.setExpanded(!logPane.isExpanded());
    }

    void toggleTransfers() {
        transfersPane.setExpanded(!transfersPane.isExpanded());
    }

    /** Transfer, Synchronize folders…: the dialog on the two panes' folders, with the comparison's rules. */
    void synchronizeFolders() {
        PaneViewModel lvm = left.selected().viewModel();
        PaneViewModel rvm = right.selected().viewModel();
        Source l = lvm.sourceProperty().get();
        Source r = rvm.sourceProperty().get();
        String lp = lvm.pathProperty().get();
        String rp = rvm.pathProperty().get();
        if (l == null || r == null || lp == null || rp == null) {
            showStatus(msg.get("synchronize.noFolders"));
            return;
        }
        syncDialogs.open(new org.ferryftp.ui.synchronize.SyncViewModel(
                new org.ferryftp.ui.synchronize.SyncViewModel.Folder(l, lp),
                new org.ferryftp.ui.synchronize.SyncViewModel.Folder(r, rp), comparison.rules(), config.browsers(),
                config.executor(), config.submitter(), msg));
    }

    void transferFromActive() {
        active().transferSelection();
    }

    // ---- the menu bar's actions on the active pane ---------------------------------------------------

    void refreshActive() {
        active().refresh();
    }

    void newFolderInActive() {
        active().newFolder();
    }

    void renameInActive() {
        active().focusTable();
        active().renameInPlace();
    }

    void deleteInActive() {
        active().deleteSelection();
    }

    void editPathInActive() {
        active().editPath();
    }

    void filterInActive() {
        active().focusFilter();
    }

    void toggleHiddenInActive() {
        active().viewModel().showHiddenProperty().set(!active().viewModel().showHiddenProperty().get());
    }

    void toggleTrees() {
        left.selected().toggleTree();
        right.selected().toggleTree();
    }

    /** Opens the active pane's source again, in the folder it shows (a fresh connection). */
    void reconnectActive() {
        Source s = active().viewModel().sourceProperty().get();
        if (s != null) {
            active().viewModel().open(s, active().viewModel().pathProperty().get());
        }
    }

    void customCommandInActive() {
        active().customCommand();
    }

    void searchInActive() {
        active().openSearch();
    }

    void viewFileInActive() {
        active().viewSelectedFile();
    }

    void editFileInActive() {
        active().editSelectedFile();
    }

    void focusQuickConnect() {
        quick.focus();
    }

    void openLogFolder() {
        if (config.openLogFolder() != null) {
            config.openLogFolder().run();
        }
    }

    /** File, Quit: closes the window as its close button does (the app then shuts down). */
    void quit() {
        if (stage != null) {
            stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
            if (stage.isShowing()) {
                stage.close();
            }
        }
    }

    /** The menu bar (tests, and the Bookmarks menu that the bookmarks work fills). */
    public javafx.scene.control.MenuBar menuBar() {
        return menu.node();
    }


    private void setActive(PaneTabs side) {
        // Only on a real change: restyling a pane re-applies CSS to its whole subtree.
        if (side == active && side.selected().node().getPseudoClassStates().contains(ACTIVE)) {
            return;
        }
        active = side;
        left.selected().node().pseudoClassStateChanged(ACTIVE, side == left);
        right.selected().node().pseudoClassStateChanged(ACTIVE, side == right);
    }

    /** The active side's selected tab. */
    private PaneView active() {
        return active.selected();
    }

    private void showStatus(String s) {
        if (s != null && !s.isEmpty()) {
            status.setText(s);
        }
    }

    /** A queue listener that refreshes a pane when a transfer completes in the directory it shows. */
    public org.ferryftp.transfer.QueueListener refresher() {
        return new RefreshOnArrival(left.tabs(), right.tabs());
    }

    /** The Bookmarks menu (for the menu bar and the toolbar). */
    public BookmarksMenu bookmarksMenu() {
        return bookmarksMenu;
    }

    public ComparisonViewModel comparison() {
        return comparison;
    }

    public SyncBrowsing syncBrowsing() {
        return sync;
    }

    public BookmarksViewModel bookmarks() {
        return bookmarks;
    }

    /** The left side's selected tab. */
    public PaneView left() {
        return left.selected();
    }

    /** The right side's selected tab. */
    public PaneView right() {
        return right.selected();
    }

    /** The left side's tabs. */
    public PaneTabs leftTabs() {
        return left;
    }

    public PaneTabs rightTabs() {
        return right;
    }

    public Location activeLocation() {
        return active().viewModel().currentLocation();
    }

    public VBox root() {
        return root;
    }
}
