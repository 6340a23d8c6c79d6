package org.ferryftp.ui.main;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Styles;
import org.ferryftp.ui.browser.PaneView;
import org.ferryftp.ui.browser.PaneViewModel;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.browser.TransferCoordinator;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One side's connection tabs. Each tab is a whole pane (its own source, folder, history and connection); only the
 * selected one is in the scene, so the side's ids ("#left-table") find it. The header row shows one header per tab
 * (the source's name, its state, the folder in a tooltip, a close button) and only while the side has two tabs or
 * more: a single tab costs the file table no row, as FileZilla hides its tab bar too. A drag over a header selects
 * its tab, as browsers do; a drop on a header transfers into that tab's folder.
 */
public final class PaneTabs {

    /** What a tab's header says about its connection. */
    public enum TabState { SHOWN, CONNECTING, FAILED }

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass CONNECTING = PseudoClass.getPseudoClass("connecting");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    private final String side;
    private final Supplier<PaneView> newPane;
    private final Source local;
    private final TransferCoordinator transfers;
    private final Messages msg;
    private final ObservableList<PaneView> tabs = FXCollections.observableArrayList();
    private final ObservableList<PaneView> tabsView = FXCollections.unmodifiableObservableList(tabs);
    private final List<HBox> headers = new ArrayList<>();
    private final ReadOnlyObjectWrapper<PaneView> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final HBox headerRow = new HBox();
    private final BorderPane root = new BorderPane();

    /**
     * @param side    "left" or "right": the ids of the side's panes and headers start with it
     * @param newPane makes an empty pane for a new tab
     * @param local   what a new tab, and the tab that replaces the last one closed, shows
     */
    PaneTabs(String side, Supplier<PaneView> newPane, Source local, TransferCoordinator transfers, Messages msg) {
        this.side = side;
        this.newPane = newPane;
        this.local = local;
        this.transfers = transfers;
        this.msg = msg;
        headerRow.setId(side + "-tabs");
        headerRow.getStyleClass().add(Styles.PANE_TABS);
        headerRow.setAlignment(Pos.BOTTOM_LEFT);
        headerRow.visibleProperty().bind(Bindings.size(tabs).greaterThan(1));
        headerRow.managedProperty().bind(headerRow.visibleProperty());
        headerRow.setMinWidth(0);
        headerRow.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        root.setTop(headerRow);
        root.setMinWidth(0);
        tabs.addListener((ListChangeListener<PaneView>) c -> renumber());
    }

    public Node node() {
        return root;
    }

    public String side() {
        return side;
    }

    /** The tabs in order (read-only). */
    public ObservableList<PaneView> tabs() {
        return tabsView;
    }

    public ReadOnlyObjectProperty<PaneView> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public PaneView selected() {
        return selected.get();
    }

    /** A new, empty tab at the end, selected; the caller opens a source in it. */
    PaneView add() {
        PaneView pane = newPane.get();
        PaneView from = selected.get();
        if (from != null) {
            sameLayout(from, pane);
        }
        tabs.add(pane);
        HBox header = header(pane);
        headers.add(header);
        headerRow.getChildren().add(header);
        renumber();
        select(pane);
        return pane;
    }

    /** A new tab showing {@code source} from {@code dir} (its home when null), selected. */
    PaneView open(Source source, String dir) {
        PaneView pane = add();
        pane.viewModel().open(source, dir);
        return pane;
    }

    /** Ctrl+T: a new tab on the local disk, in the selected tab's folder when that tab shows the local disk too. */
    PaneView openNew() {
        PaneView now = selected.get();
        Source shown = now == null ? null : now.viewModel().sourceProperty().get();
        String dir = shown != null && shown.isLocal() ? now.viewModel().pathProperty().get() : null;
        return open(local, dir);
    }

    /** Closes a tab and its connection; the last tab closed gives way to a new local one. */
    void close(PaneView pane) {
        int at = tabs.indexOf(pane);
        if (at < 0) {
            return;
        }
        boolean wasSelected = pane == selected.get();
        pane.viewModel().close();
        tabs.remove(at);
        headerRow.getChildren().remove(headers.remove(at));
        if (tabs.isEmpty()) {
            open(local, null);
        } else if (wasSelected) {
            select(tabs.get(Math.min(at, tabs.size() - 1)));
        }
        renumber();
    }

    /** Closes every tab's connection (the window is closing). */
    void closeAll() {
        tabs.forEach(p -> p.viewModel().close());
    }

    void select(PaneView pane) {
        if (!tabs.contains(pane) || pane == selected.get() && root.getCenter() == pane.node()) {
            return;
        }
        selected.set(pane);
        root.setCenter(pane.node());
        for (int i = 0; i < tabs.size(); i++) {
            headers.get(i).pseudoClassStateChanged(SELECTED, tabs.get(i) == pane);
        }
    }

    /** Ctrl+Tab (+1) and Ctrl+Shift+Tab (-1): the next or previous tab, round the end. */
    void selectNext(int step) {
        if (tabs.size() > 1) {
            int at = tabs.indexOf(selected.get());
            select(tabs.get(Math.floorMod(at + step, tabs.size())));
        }
    }

    /** Where a tab's connection is: still connecting, failed, or showing a folder. */
    public static TabState state(PaneViewModel vm) {
        if (vm.errorProperty().get() != null) {
            return TabState.FAILED;
        }
        return vm.pathProperty().get() == null && vm.busyProperty().get() ? TabState.CONNECTING : TabState.SHOWN;
    }

    /** A new tab's table has the selected tab's column widths and tree height. */
    private static void sameLayout(PaneView from, PaneView to) {
        var fromColumns = from.table().getColumns();
        var toColumns = to.table().getColumns();
        // Before its first layout (tabs re-opened at start) a table's columns have only their preferred widths.
        boolean laidOut = from.table().getWidth() > 0;
        for (int i = 0; i < Math.min(fromColumns.size(), toColumns.size()); i++) {
            var c = fromColumns.get(i);
            toColumns.get(i).setPrefWidth(laidOut ? c.getWidth() : c.getPrefWidth());
        }
        to.treeSplit().setDividerPositions(from.treeSplit().getDividerPositions());
    }

    private void renumber() {
        for (int i = 0; i < headers.size(); i++) {
            HBox h = headers.get(i);
            h.setId(side + "-tab-" + i);
            h.getChildren().get(1).setId(side + "-tab-" + i + "-close");
        }
    }

    private HBox header(PaneView pane) {
        PaneViewModel vm = pane.viewModel();
        FontIcon icon = new FontIcon();
        Label name = new Label(null, icon);
        name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        name.setMinWidth(24);
        name.setMaxWidth(200);
        HBox.setHgrow(name, Priority.SOMETIMES);
        Tooltip tip = new Tooltip();
        Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        close.getStyleClass().addAll("flat", Styles.PANE_TAB_CLOSE);
        close.setFocusTraversable(false);
        close.setTooltip(new Tooltip(msg.get("tabs.close")));
        close.setOnAction(e -> close(pane));
        HBox header = new HBox(2, name, close);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(Styles.PANE_TAB);
        header.setMinWidth(60);
        header.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        name.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Tooltip.install(header, tip);
        Runnable describe = () -> {
            Source s = vm.sourceProperty().get();
            TabState state = state(vm);
            String label = s == null ? "" : s.label();
            name.setText(label);
            icon.setIconCode(switch (state) {
                case CONNECTING -> MaterialDesignL.LAN_PENDING;
                case FAILED -> MaterialDesignL.LAN_DISCONNECT;
                case SHOWN -> s == null || s.isLocal() ? MaterialDesignH.HARDDISK : MaterialDesignS.SERVER_NETWORK;
            });
            header.pseudoClassStateChanged(CONNECTING, state == TabState.CONNECTING);
            header.pseudoClassStateChanged(FAILED, state == TabState.FAILED);
            String where = s == null ? "" : s.description();
            String text = switch (state) {
                case CONNECTING -> msg.format("tabs.connecting", where);
                case FAILED -> msg.format("tabs.failed", where, vm.errorProperty().get());
                case SHOWN -> vm.pathProperty().get() == null ? where : where + "\n" + vm.pathProperty().get();
            };
            tip.setText(text);
            header.setAccessibleText(label + ", " + text);
        };
        vm.sourceProperty().addListener(o -> describe.run());
        vm.pathProperty().addListener(o -> describe.run());
        vm.busyProperty().addListener(o -> describe.run());
        vm.errorProperty().addListener(o -> describe.run());
        describe.run();
        header.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.MIDDLE) {
                close(pane);
            } else if (e.getButton() == MouseButton.PRIMARY) {
                select(pane);
                pane.focusTable();
            }
        });
        // A drag over a header brings its tab forward, so the drop can go on into the table too.
        header.setOnDragEntered(e -> {
            if (accepts(e)) {
                header.pseudoClassStateChanged(DROP_TARGET, true);
                select(pane);
            }
        });
        header.setOnDragExited(e -> header.pseudoClassStateChanged(DROP_TARGET, false));
        header.setOnDragOver(e -> {
            if (accepts(e)) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        header.setOnDragDropped(e -> {
            // As a drop on the table: the transfer waits until the drag is over (TransferCoordinator.drop).
            e.setDropCompleted(transfers.drop(transfers.dropped(e.getDragboard()), vm.currentLocation()));
            e.consume();
        });
        return header;
    }

    private boolean accepts(DragEvent e) {
        return !transfers.dragged().isEmpty() || e.getDragboard().hasFiles();
    }
}
