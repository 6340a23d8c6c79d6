package org.ferryftp.ui.browser;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.ferryftp.fs.Location;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Styles;
import org.ferryftp.ui.browser.PaneActions.Action;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.util.List;
import java.util.function.Supplier;

/** One browser pane: source selector, navigation, path bar, folder tree and file table. */
public final class PaneView {

    private final BorderPane root = new BorderPane();
    private final PaneViewModel vm;
    private final PaneOperations ops;
    private final TransferCoordinator transfers;
    private final Supplier<Location> otherPane;
    private final Messages msg;
    private final FileTable table;
    private final DirectoryTree tree;
    private final PathBar pathBar;
    private final SplitPane split;
    private final ComboBox<Source> sourceBox = new ComboBox<>();
    private final TextField filterField = new TextField();
    private boolean syncingSource;
    private final Node navigationExtra;
    private final FileOpening opening;
    private final PaneActions actions;

    private final javafx.beans.value.ObservableValue<PaneBehaviour> behaviour;

    /** With FileZilla's behaviour (files go to the other pane, ".." heads listings). */
    public PaneView(PaneOperations ops, TransferCoordinator transfers, ObservableList<Source> sources,
                    Supplier<Location> otherPane, Messages msg, String id) {
        this(ops, transfers, sources, otherPane, msg, id, (Node) null);
    }

    /** @param navigationExtra shown after the path bar (the bookmarks button), or null */
    public PaneView(PaneOperations ops, TransferCoordinator transfers, ObservableList<Source> sources,
                    Supplier<Location> otherPane, Messages msg, String id, Node navigationExtra) {
        this(ops, transfers, sources, otherPane, msg, id, navigationExtra,
                new javafx.beans.property.SimpleObjectProperty<>(PaneBehaviour.FILEZILLA));
    }

    /** With FileZilla's behaviour unless {@code behaviour} says otherwise, and no extra navigation. */
    public PaneView(PaneOperations ops, TransferCoordinator transfers, ObservableList<Source> sources,
                    Supplier<Location> otherPane, Messages msg, String id,
                    javafx.beans.value.ObservableValue<PaneBehaviour> behaviour) {
        this(ops, transfers, sources, otherPane, msg, id, null, behaviour);
    }

    /** @param opening what "View" (Shift+F4) and "Edit" (F4) do with the selected file */
    public PaneView(PaneOperations ops, TransferCoordinator transfers, ObservableList<Source> sources,
                    Supplier<Location> otherPane, Messages msg, String id, FileOpening opening) {
        this(ops, transfers, sources, otherPane, msg, id, null,
                new javafx.beans.property.SimpleObjectProperty<>(PaneBehaviour.FILEZILLA), opening);
    }

    public PaneView(PaneOperations ops, TransferCoordinator transfers, ObservableList<Source> sources,
                    Supplier<Location> otherPane, Messages msg, String id, Node navigationExtra,
                    javafx.beans.value.ObservableValue<PaneBehaviour> behaviour) {
        this(ops, transfers, sources, otherPane, msg, id, navigationExtra, behaviour, FileOpening.NONE);
    }

    /**
     * @param navigationExtra shown after the navigation buttons (the bookmarks button), or null
     * @param behaviour       what Enter and double-click do, and whether ".." heads listings
     * @param opening         what "View" (Shift+F4) and "Edit" (F4) do with the selected file
     */
    public PaneView(PaneOperations ops, TransferCoordinator transfers, ObservableList<Source> sources,
                    Supplier<Location> otherPane, Messages msg, String id, Node navigationExtra,
                    javafx.beans.value.ObservableValue<PaneBehaviour> behaviour, FileOpening opening) {
        this.behaviour = behaviour;
        this.opening = opening;
        this.vm = ops.pane();
        this.navigationExtra = navigationExtra;
        this.ops = ops;
        this.transfers = transfers;
        this.otherPane = otherPane;
        this.msg = msg;
        root.setId(id);
        root.getStyleClass().add(Styles.PANE);
        table = new FileTable(vm, ops, transfers, msg, id, behaviour, this::activate);
        tree = new DirectoryTree(vm, id);
        pathBar = new PathBar(vm, msg, id);
        split = new SplitPane(tree.control(), table.control());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.13);
        // A taller pane shows more files; the tree keeps its height.
        SplitPane.setResizableWithParent(tree.control(), false);

        root.setTop(new VBox(header(sources, id), pathRow()));
        root.setCenter(new StackPane(split, errorBox(id)));
        root.setBottom(footer(id));
        actions = actions();
        table.control().setContextMenu(actions.contextMenu(msg));
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> actions.handle(e, table.control()));
        vm.rows().addListener((ListChangeListener<FileRow>) c -> selectRevealed());
        vm.revealedProperty().addListener((o, a, b) -> selectRevealed());
        vm.busyProperty().addListener((o, a, b) -> selectRevealed());
    }

    /** Selects the row a search result asked to reveal, once its folder is shown. */
    private void selectRevealed() {
        String name = vm.revealedProperty().get();
        if (name == null || vm.busyProperty().get()) {
            return;
        }
        vm.rows().stream().filter(r -> r.name().equals(name)).findFirst().ifPresent(r -> {
            vm.revealDone();
            table.control().getSelectionModel().clearSelection();
            table.control().getSelectionModel().select(r);
            table.control().scrollTo(r);
            table.control().requestFocus();
        });
    }

    /** Ctrl+Shift+F: a recursive search of this pane's site from its directory, in a window of its own. */
    public void openSearch() {
        Location here = vm.currentLocation();
        if (here == null || here.isLocal() || vm.browser() == null) {
            return;
        }
        javafx.stage.Stage window = org.ferryftp.ui.search.SearchWindow.open(root.getScene().getWindow(), msg,
                new org.ferryftp.ui.search.RemoteSearchViewModel(vm.executor(), vm.browser(), here.path(), msg,
                        new org.ferryftp.ui.search.FxSearchDialogs(msg, root.getScene().getWindow()),
                        hits -> transfers.transfer(hits.stream().map(h -> new TransferPlanner.Item(
                                Location.remote(here.site(), h.path()),
                                Location.remote(here.site(), vm.parentOf(h.path())), h.directory())).toList(),
                                otherPane.get()),
                        h -> vm.reveal(h.path()), java.time.ZoneId.systemDefault()));
        // The search lists through this pane's connection: when the pane leaves the site, the search ends with it.
        // So does closing the pane's tab, which closes the connection.
        javafx.beans.value.ChangeListener<Source> left = (o, a, b) -> window.close();
        javafx.beans.value.ChangeListener<Boolean> closed = (o, a, b) -> window.close();
        vm.sourceProperty().addListener(left);
        vm.closedProperty().addListener(closed);
        window.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> {
            vm.sourceProperty().removeListener(left);
            vm.closedProperty().removeListener(closed);
        });
    }

    public BorderPane node() {
        return root;
    }

    public PaneViewModel viewModel() {
        return vm;
    }

    /** What this pane does to its files (synchronized browsing creates a missing folder through it). */
    public PaneOperations operations() {
        return ops;
    }

    public SplitPane treeSplit() {
        return split;
    }

    public javafx.scene.control.TableView<FileRow> table() {
        return table.control();
    }

    public void focusTable() {
        table.control().requestFocus();
    }

    private Node header(ObservableList<Source> sources, String id) {
        sourceBox.setId(id + "-source");
        sourceBox.setItems(sources);
        sourceBox.setTooltip(new Tooltip(msg.get("pane.source")));
        // Wide enough for user@host:port; longer labels lose their middle, not the port at the end.
        sourceBox.setPrefWidth(210);
        sourceBox.setMinWidth(110);
        sourceBox.setCellFactory(list -> new SourceCell());
        sourceBox.setButtonCell(new SourceCell());
        sourceBox.valueProperty().addListener((o, a, s) -> {
            if (!syncingSource && s != null && !s.sameSide(vm.sourceProperty().get())) {
                vm.open(s);
            }
        });
        vm.sourceProperty().addListener((o, a, s) -> {
            syncingSource = true;
            sourceBox.setValue(s);
            syncingSource = false;
        });
        Button back = iconButton(id + "-back", MaterialDesignA.ARROW_LEFT, msg.get("nav.back"), vm::back);
        back.disableProperty().bind(vm.canGoBackProperty().not());
        Button forward = iconButton(id + "-forward", MaterialDesignA.ARROW_RIGHT, msg.get("nav.forward"), vm::forward);
        forward.disableProperty().bind(vm.canGoForwardProperty().not());
        Button up = iconButton(id + "-up", MaterialDesignA.ARROW_UP, msg.get("nav.up"), vm::up);
        Button refresh = iconButton(id + "-refresh", MaterialDesignR.REFRESH, msg.get("nav.refresh"), vm::refresh);
        MenuButton recent = new MenuButton(null, new FontIcon(MaterialDesignH.HISTORY));
        recent.setId(id + "-recent");
        recent.setTooltip(new Tooltip(msg.get("nav.recent")));
        recent.getStyleClass().add("flat");
        recent.setOnShowing(e -> recent.getItems().setAll(vm.recentDirectories().stream().map(p -> {
            MenuItem item = new MenuItem(p);
            item.setMnemonicParsing(false);
            item.setOnAction(a -> vm.navigate(p));
            return item;
        }).toList()));

        filterField.setId(id + "-filter");
        filterField.setPromptText(msg.get("pane.filter"));
        filterField.setPrefColumnCount(10);
        filterField.textProperty().bindBidirectional(vm.filterProperty());
        HBox.setHgrow(filterField, Priority.SOMETIMES);
        ToggleButton hidden = new ToggleButton(null, new FontIcon(MaterialDesignE.EYE_OFF_OUTLINE));
        hidden.setId(id + "-hidden");
        hidden.setTooltip(new Tooltip(msg.get("pane.hidden")));
        hidden.selectedProperty().bindBidirectional(vm.showHiddenProperty());
        hidden.selectedProperty().addListener((o, a, on) ->
                hidden.setGraphic(new FontIcon(on ? MaterialDesignE.EYE_OUTLINE : MaterialDesignE.EYE_OFF_OUTLINE)));

        Button badge = new Button(null, new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        badge.setId(id + "-unparsed");
        badge.getStyleClass().addAll(Styles.WARNING_BADGE, "flat");
        badge.visibleProperty().bind(Bindings.isNotEmpty(vm.unparsedLines()));
        badge.managedProperty().bind(badge.visibleProperty());
        badge.textProperty().bind(Bindings.size(vm.unparsedLines()).asString());
        Tooltip badgeTip = new Tooltip();
        badge.setTooltip(badgeTip);
        vm.unparsedLines().addListener((ListChangeListener<String>) c -> badgeTip.setText(
                msg.format("unparsed.tooltip", vm.unparsedLines().size()) + "\n"
                        + String.join("\n", vm.unparsedLines().subList(0, Math.min(10, vm.unparsedLines().size())))));
        badge.setOnAction(e -> UnparsedDialog.show(root, msg, vm.unparsedLines()));

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId(id + "-busy");
        spinner.setPrefSize(18, 18);
        spinner.setMaxSize(18, 18);
        spinner.visibleProperty().bind(vm.busyProperty());

        HBox bar = new HBox(4, sourceBox, back, forward, up, refresh, recent, spacer(), filterField, hidden, badge,
                spinner);

        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.PANE_HEADER);
        return bar;
    }

    /** The path bar, and after it the extra navigation (bookmarks) when given: the header has no width to spare. */
    private Node pathRow() {
        if (navigationExtra == null) {
            return pathBar.node();
        }
        HBox row = new HBox(pathBar.node(), navigationExtra);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(pathBar.node(), Priority.ALWAYS);
        return row;
    }

    private Node errorBox(String id) {
        Label title = new Label(msg.get("error.title"), new FontIcon(MaterialDesignL.LAN_DISCONNECT));
        title.getStyleClass().add(Styles.ERROR_TITLE);
        Label text = new Label();
        text.setId(id + "-error");
        text.setWrapText(true);
        text.getStyleClass().add(Styles.ERROR_TEXT);
        text.textProperty().bind(vm.errorProperty());
        Button retry = new Button(msg.get("error.retry"));
        retry.setId(id + "-retry");
        retry.setDefaultButton(false);
        retry.setOnAction(e -> vm.retry());
        VBox box = new VBox(10, title, text, retry);
        box.setAlignment(Pos.CENTER);
        box.setMaxSize(420, Region.USE_PREF_SIZE);
        box.getStyleClass().add(Styles.ERROR_BOX);
        box.visibleProperty().bind(vm.errorProperty().isNotNull());
        StackPane holder = new StackPane(box);
        holder.visibleProperty().bind(box.visibleProperty());
        holder.setPickOnBounds(false);
        return holder;
    }

    private Node footer(String id) {
        Label summary = new Label();
        summary.setId(id + "-summary");
        summary.textProperty().bind(Bindings.createStringBinding(() -> msg.format("pane.summary",
                vm.rows().size(), vm.totalRows(), table.control().getSelectionModel().getSelectedItems().size()),
                vm.rows(), table.control().getSelectionModel().getSelectedItems()));
        HBox footer = new HBox(summary);
        footer.getStyleClass().add("ferry-pane-footer");
        return new VBox(new UnparsedLines(vm.unparsedLines(), msg, id).node(), footer);
    }

    /**
     * Everything the pane does from its context menu and its keys, in the menu's order (keys alone last). The
     * presses are FileZilla's and Total Commander's: F5 refresh, F6 transfer, F7 new folder, F2 rename, F4 edit.
     */
    private PaneActions actions() {
        return new PaneActions(List.of(
                Action.menu("menu.open", "Enter", p -> p.onTable() && p.code() == KeyCode.ENTER && !p.alt(),
                        () -> activate(focused())),
                Action.menu("menu.transferToOther", "F6", p -> p.bare(KeyCode.F6), this::transferSelection),
                Action.menu("menu.viewFile", "Shift+F4", p -> p.code() == KeyCode.F4 && p.shift(),
                        this::viewSelectedFile),
                Action.menu("menu.editFile", "F4", p -> p.code() == KeyCode.F4 && !p.shift(), this::editSelectedFile),
                Action.menu("menu.openWith", () -> selectedFile().ifPresent(opening::editWith)),
                Action.menu("menu.mkdir", "F7", p -> p.bare(KeyCode.F7), ops::newFolder).afterSeparator(),
                Action.menu("menu.rename", "F2", p -> p.outsideText(KeyCode.F2), table::editName),
                Action.menu("menu.delete", "Del", p -> p.outsideText(KeyCode.DELETE),
                        () -> ops.delete(table.selection())),
                Action.menu("menu.chmod", () -> ops.chmod(table.selection())),
                Action.menu("menu.properties", "Alt+Enter", p -> p.alt(KeyCode.ENTER) && !p.inText(),
                        () -> ops.properties(first())),
                Action.menu("menu.copyUrl", "Ctrl+Shift+C", p -> p.ctrlShift(KeyCode.C), this::copyUrls)
                        .afterSeparator(),
                Action.menu("menu.search", "Ctrl+Shift+F", p -> p.ctrlShift(KeyCode.F), this::openSearch)
                        .enabledWhen(() -> vm.sourceProperty().get() != null && !vm.sourceProperty().get().isLocal()),
                Action.menu("menu.refresh", "F5", p -> p.bare(KeyCode.F5) || p.ctrl(KeyCode.R), vm::refresh),
                Action.key(p -> p.ctrl(KeyCode.L), pathBar::edit),
                Action.key(p -> p.ctrl(KeyCode.F), filterField::requestFocus),
                Action.key(p -> p.ctrl(KeyCode.H), () -> vm.showHiddenProperty().set(!vm.showHiddenProperty().get())),
                Action.key(p -> p.outsideText(KeyCode.BACK_SPACE) || p.alt(KeyCode.UP), vm::up),
                Action.key(p -> p.alt(KeyCode.LEFT), vm::back),
                Action.key(p -> p.alt(KeyCode.RIGHT), vm::forward)));
    }

    /** The first selected row that an operation may take (never ".."), or null. */
    private FileRow first() {
        List<FileRow> rows = table.selection();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The row under the keyboard's selection, ".." included. */
    private FileRow focused() {
        return table.control().getSelectionModel().getSelectedItem();
    }

    /**
     * Double click or Enter: ".." goes up, a folder opens, a file does what the preferences say (FileZilla's
     * default: it goes to the other pane's folder).
     */
    void activate(FileRow row) {
        if (row == null) {
            return;
        }
        if (row.isParent()) {
            vm.up();
        } else if (!vm.enter(row)) {
            switch (behaviour.getValue().fileActivation()) {
                case TRANSFER -> transfers.transfer(ops.items(List.of(row)), otherPane.get());
                case VIEW -> file(row).ifPresent(opening::view);
                case EDIT -> file(row).ifPresent(opening::edit);
                case NOTHING -> { }
            }
        }
    }

    // ---- what the menu bar does on the active pane --------------------------------------------------

    public void refresh() {
        vm.refresh();
    }

    public void newFolder() {
        ops.newFolder();
    }

    /** F2: the name of the selected row becomes editable in the table. */
    public void renameInPlace() {
        table.editName();
    }

    public void deleteSelection() {
        ops.delete(table.selection());
    }

    public void editPath() {
        pathBar.edit();
    }

    public void focusFilter() {
        filterField.requestFocus();
    }

    public void customCommand() {
        ops.customCommand();
    }

    private double treeAt = 0.13;

    /** View, Folder tree: collapses the tree to nothing, or brings it back at its height before. */
    public void toggleTree() {
        double now = split.getDividerPositions()[0];
        if (now > 0.005) {
            treeAt = now;
            split.setDividerPositions(0);
        } else {
            split.setDividerPositions(treeAt);
        }
    }

    /** The selected file (not a folder) as a location, for View and Edit. */
    private java.util.Optional<Location> selectedFile() {
        return file(first());
    }

    /** Where {@code row}'s file is, for viewing or editing; empty for a folder or no row. */
    private java.util.Optional<Location> file(FileRow row) {
        if (row == null || row.isDirectory()) {
            return java.util.Optional.empty();
        }
        return ops.items(List.of(row)).stream().map(TransferPlanner.Item::source).findFirst();
    }

    /** Shift+F4: the selected file in the viewer. */
    public void viewSelectedFile() {
        selectedFile().ifPresent(opening::view);
    }

    /** F4: the selected file in its application, uploaded when saved. */
    public void editSelectedFile() {
        selectedFile().ifPresent(opening::edit);
    }

    /** F6: the selection into the other pane's directory. */
    public void transferSelection() {
        transfers.transfer(ops.items(table.selection()), otherPane.get());
    }

    private void copyUrls() {
        ClipboardContent c = new ClipboardContent();
        c.putString(ops.urls(table.selection()));
        Clipboard.getSystemClipboard().setContent(c);
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private static Button iconButton(String id, Ikon ikon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(ikon));
        b.setId(id);
        b.getStyleClass().add("flat");
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    /** The pane's context-menu and key actions, for the test that an item and its key do the same. */
    PaneActions paneActions() {
        return actions;
    }

    /** The visible rows' selection, for tests and the main window. */
    public List<FileRow> selection() {
        return table.selection();
    }

    /** A source with its colour tag, its label elided in the middle, and the whole of it in a tooltip. */
    private static final class SourceCell extends javafx.scene.control.ListCell<Source> {

        private final Tooltip tip = new Tooltip();

        SourceCell() {
            setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        }

        @Override
        protected void updateItem(Source s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(s.label());
            tip.setText(s.description());
            setTooltip(tip);
            if (s.colour() != null) {
                javafx.scene.shape.Circle dot = new javafx.scene.shape.Circle(5, javafx.scene.paint.Color.web(s.colour()));
                setGraphic(dot);
            } else {
                setGraphic(null);
            }
        }
    }
}
