package org.ferryftp.ui.browser;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
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

    public PaneView(PaneOperations ops, TransferCoordinator transfers, ObservableList<Source> sources,
                    Supplier<Location> otherPane, Messages msg, String id) {
        this(ops, transfers, sources, otherPane, msg, id, null);
    }

    /** @param navigationExtra shown after the path bar (the bookmarks button), or null */
    public PaneView(PaneOperations ops, TransferCoordinator transfers, ObservableList<Source> sources,
                    Supplier<Location> otherPane, Messages msg, String id, Node navigationExtra) {
        this.vm = ops.pane();
        this.navigationExtra = navigationExtra;
        this.ops = ops;
        this.transfers = transfers;
        this.otherPane = otherPane;
        this.msg = msg;
        root.setId(id);
        root.getStyleClass().add(Styles.PANE);
        table = new FileTable(vm, ops, transfers, msg, id);
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
        table.control().setContextMenu(contextMenu());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
    }

    public BorderPane node() {
        return root;
    }

    public PaneViewModel viewModel() {
        return vm;
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

    private ContextMenu contextMenu() {
        ContextMenu menu = new ContextMenu(
                item("menu.open", "Enter", () -> vm.enter(first())),
                item("menu.transfer", "F5", this::transferSelection),
                new SeparatorMenuItem(),
                item("menu.mkdir", "F7", ops::newFolder),
                item("menu.rename", "F2", () -> ops.rename(first())),
                item("menu.delete", "Del", () -> ops.delete(table.selection())),
                item("menu.chmod", null, () -> ops.chmod(table.selection())),
                item("menu.properties", "Alt+Enter", () -> ops.properties(first())),
                new SeparatorMenuItem(),
                item("menu.copyUrl", "Ctrl+Shift+C", this::copyUrls),
                item("menu.refresh", "Ctrl+R", vm::refresh));
        return menu;
    }

    private MenuItem item(String key, String shortcut, Runnable action) {
        // Shortcuts are shown, not registered: both panes have menus, so keys are handled per pane in keys().
        MenuItem item = new MenuItem(shortcut == null ? msg.get(key) : msg.get(key) + "    " + shortcut);
        item.setId(key);
        item.setOnAction(e -> action.run());
        return item;
    }

    private void keys(KeyEvent e) {
        boolean inText = e.getTarget() instanceof TextField;
        KeyCode k = e.getCode();
        Runnable action = null;
        if (k == KeyCode.F5) {
            action = this::transferSelection;
        } else if (k == KeyCode.F7) {
            action = ops::newFolder;
        } else if (k == KeyCode.F2 && !inText) {
            action = () -> ops.rename(first());
        } else if (k == KeyCode.DELETE && !inText) {
            action = () -> ops.delete(table.selection());
        } else if (k == KeyCode.R && e.isShortcutDown()) {
            action = vm::refresh;
        } else if (k == KeyCode.L && e.isShortcutDown()) {
            action = pathBar::edit;
        } else if (k == KeyCode.F && e.isShortcutDown()) {
            action = filterField::requestFocus;
        } else if (k == KeyCode.H && e.isShortcutDown()) {
            action = () -> vm.showHiddenProperty().set(!vm.showHiddenProperty().get());
        } else if (k == KeyCode.C && e.isShortcutDown() && e.isShiftDown()) {
            action = this::copyUrls;
        } else if (k == KeyCode.ENTER && e.isAltDown() && !inText) {
            action = () -> ops.properties(first());
        } else if (k == KeyCode.ENTER && e.getTarget() == table.control()) {
            action = () -> vm.enter(first());
        } else if (k == KeyCode.BACK_SPACE && !inText || k == KeyCode.UP && e.isAltDown()) {
            action = vm::up;
        } else if (k == KeyCode.LEFT && e.isAltDown()) {
            action = vm::back;
        } else if (k == KeyCode.RIGHT && e.isAltDown()) {
            action = vm::forward;
        }
        if (action != null) {
            e.consume();
            action.run();
        }
    }

    private FileRow first() {
        return table.control().getSelectionModel().getSelectedItem();
    }

    /** F5: the selection into the other pane's directory. */
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
