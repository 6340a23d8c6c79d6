package org.ferryftp.ui.queue;

import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import javafx.geometry.Bounds;
import javafx.stage.Popup;
import javafx.stage.Window;
import org.controlsfx.control.Notifications;
import org.ferryftp.ui.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.ferryftp.transfer.ItemState;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The transfer queue: three tabs (Queue, Failed, Finished) of multi-select tables with a context menu;
 * Delete cancels and Space pauses or resumes the selection. A node for the main window's bottom region.
 */
public final class QueueView extends StackPane {

    /** Ids of the tables, for lookups by the main window and tests: {@code "#queue-table-failed"}. */
    public static String tableId(QueueTab tab) {
        return "queue-table-" + tab.name().toLowerCase(java.util.Locale.ROOT);
    }

    private final QueueViewModel viewModel;
    private final QueueFormat fmt;
    private final TabPane tabPane = new TabPane();
    private final Map<QueueTab, TableView<QueueRow>> tables = new EnumMap<>(QueueTab.class);

    /** A view that announces finished batches with a ControlsFX notification. */
    public QueueView(QueueViewModel viewModel, ResourceBundle bundle) {
        this(viewModel, bundle, null);
    }

    /**
     * @param notifier shows a finished or failed batch; null for the default ControlsFX popup
     */
    public QueueView(QueueViewModel viewModel, ResourceBundle bundle, Consumer<BatchOutcome> notifier) {
        this.viewModel = viewModel;
        this.fmt = new QueueFormat(bundle);
        getStyleClass().add(QueueStyles.VIEW);
        getStylesheets().add(QueueView.class.getResource(QueueStyles.STYLESHEET).toExternalForm());
        tabPane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        addTab(QueueTab.QUEUE, "queue.tab.queue", "queue.empty.queue");
        addTab(QueueTab.FAILED, "queue.tab.failed", "queue.empty.failed");
        addTab(QueueTab.DONE, "queue.tab.done", "queue.empty.done");
        getChildren().add(tabPane);
        viewModel.addBatchListener(notifier != null ? notifier : this::notifyBatch);
    }

    public static ResourceBundle defaultBundle() {
        return ResourceBundle.getBundle(QueueStyles.BUNDLE);
    }

    public TableView<QueueRow> table(QueueTab tab) {
        return tables.get(tab);
    }

    public void select(QueueTab tab) {
        tabPane.getSelectionModel().select(tab.ordinal());
    }

    private void addTab(QueueTab kind, String titleKey, String emptyKey) {
        ObservableList<QueueRow> rows = viewModel.rows(kind);
        TableView<QueueRow> table = QueueTable.create(rows, fmt, fmt.text(emptyKey));
        table.setId(tableId(kind));
        table.setContextMenu(contextMenu(table));
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> onKey(table, e));
        tables.put(kind, table);
        Tab tab = new Tab();
        tab.setId("queue-tab-" + kind.name().toLowerCase(java.util.Locale.ROOT));
        tab.textProperty().bind(Bindings.createStringBinding(() -> fmt.text(titleKey, rows.size()), rows));
        tabPane.getTabs().add(tab);
        // A tab's table joins the scene when the tab is first shown: the hidden tabs' tables then cost the
        // window's first frame nothing (CSS makes a table's skin, with its columns, when it reaches it).
        if (tab.isSelected()) {
            tab.setContent(table);
        } else {
            tab.selectedProperty().addListener((o, was, selected) -> {
                if (selected && tab.getContent() == null) {
                    tab.setContent(table);
                }
            });
        }
    }

    private List<QueueRow> selection(TableView<QueueRow> table) {
        return new ArrayList<>(table.getSelectionModel().getSelectedItems());
    }

    private void onKey(TableView<QueueRow> table, KeyEvent e) {
        List<QueueRow> selected = selection(table);
        if (selected.isEmpty()) {
            return;
        }
        if (e.getCode() == KeyCode.DELETE) {
            viewModel.commands().cancel(selected);
            e.consume();
        } else if (e.getCode() == KeyCode.SPACE) {
            viewModel.commands().togglePause(selected);
            e.consume();
        }
    }

    private ContextMenu contextMenu(TableView<QueueRow> table) {
        QueueCommands c = viewModel.commands();
        List<Runnable> refreshers = new ArrayList<>();
        ContextMenu menu = new ContextMenu(
                item("queue.menu.pause", table, refreshers, r -> r.state() instanceof ItemState.Queued
                        || r.state() instanceof ItemState.Running, c::pause),
                item("queue.menu.resume", table, refreshers, r -> r.state() instanceof ItemState.Paused, c::resume),
                item("queue.menu.cancel", table, refreshers, r -> !r.state().isFinished(), c::cancel),
                item("queue.menu.retry", table, refreshers, r -> r.state() instanceof ItemState.Failed
                        || r.state() instanceof ItemState.Cancelled, c::retry),
                new SeparatorMenuItem(),
                item("queue.menu.priorityUp", table, refreshers, r -> !r.state().isFinished(),
                        rows -> c.changePriority(rows, 1)),
                item("queue.menu.priorityDown", table, refreshers, r -> !r.state().isFinished(),
                        rows -> c.changePriority(rows, -1)),
                item("queue.menu.moveUp", table, refreshers, r -> r.state() instanceof ItemState.Queued,
                        rows -> c.move(rows, -1)),
                item("queue.menu.moveDown", table, refreshers, r -> r.state() instanceof ItemState.Queued,
                        rows -> c.move(rows, 1)),
                new SeparatorMenuItem(),
                plain("queue.menu.pauseAll", c::pauseAll),
                plain("queue.menu.resumeAll", c::resumeAll),
                plain("queue.menu.cancelAll", c::cancelAll),
                plain("queue.menu.clearHistory", c::clearHistory));
        // Enable each entry for what is selected when the menu opens, not for the state at creation.
        menu.setOnShowing(e -> refreshers.forEach(Runnable::run));
        return menu;
    }

    private MenuItem item(String key, TableView<QueueRow> table, List<Runnable> refreshers,
                          Predicate<QueueRow> applies, Consumer<List<QueueRow>> action) {
        MenuItem mi = new MenuItem(fmt.text(key));
        mi.setId(key.replace('.', '-'));
        mi.setOnAction(e -> {
            List<QueueRow> rows = selection(table).stream().filter(applies).toList();
            if (!rows.isEmpty()) {
                action.accept(rows);
            }
        });
        refreshers.add(() -> mi.setDisable(selection(table).stream().noneMatch(applies)));
        return mi;
    }

    private MenuItem plain(String key, Runnable action) {
        MenuItem mi = new MenuItem(fmt.text(key));
        mi.setId(key.replace('.', '-'));
        mi.setOnAction(e -> action.run());
        return mi;
    }

    private void notifyBatch(BatchOutcome o) {
        if (getScene() == null || getScene().getWindow() == null || !getScene().getWindow().isShowing()) {
            return; // no window to anchor the popup to
        }
        // Styled by the window's stylesheet (ferry.css: the theme's colours, a theme icon), not ControlsFX's gloss.
        FontIcon icon = new FontIcon(o.failed() ? MaterialDesignA.ALERT_CIRCLE_OUTLINE
                : MaterialDesignC.CHECK_CIRCLE_OUTLINE);
        icon.getStyleClass().add(o.failed() ? Styles.NOTIFICATION_FAILED : Styles.NOTIFICATION_DONE);
        Notifications n = Notifications.create().owner(getScene().getWindow()).hideAfter(Duration.seconds(6))
                .styleClass(Styles.NOTIFICATION).graphic(icon);
        if (o.failed()) {
            n.title(fmt.text("queue.notify.failed.title")).text(fmt.text("queue.notify.failed.text", o.errors()));
        } else {
            n.title(fmt.text("queue.notify.finished.title")).text(fmt.text("queue.notify.finished.text", o.done()));
        }
        List<Window> before = new ArrayList<>(Window.getWindows());
        n.show();
        keepAboveMyBottom(before);
    }

    /**
     * ControlsFX puts the popup at the window's bottom right corner, over the status bar, and slides it in by
     * moving its anchor; keep it above this view's bottom edge all the while.
     */
    private void keepAboveMyBottom(List<Window> before) {
        Bounds mine = localToScreen(getBoundsInLocal());
        if (mine == null) {
            return;
        }
        double limit = mine.getMaxY() - 4;
        for (Window w : Window.getWindows()) {
            if (w instanceof Popup popup && !before.contains(w)) {
                Runnable clamp = () -> {
                    double over = popup.getAnchorY() + popup.getHeight() - limit;
                    if (over > 0) {
                        popup.setAnchorY(popup.getAnchorY() - over);
                    }
                };
                popup.anchorYProperty().addListener((o, was, now) -> clamp.run());
                popup.heightProperty().addListener((o, was, now) -> clamp.run());
                clamp.run();
            }
        }
    }
}
