package org.ferryftp.ui.queue;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
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
import javafx.scene.Node;
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

    private static final Duration NOTICE_SHOWN_FOR = Duration.seconds(6);
    private static final double NOTICE_GAP = 8;

    private final QueueViewModel viewModel;
    private final QueueFormat fmt;
    private final TabPane tabPane = new TabPane();
    private final Map<QueueTab, TableView<QueueRow>> tables = new EnumMap<>(QueueTab.class);
    private final BatchNotice notice;

    /** A view that announces finished batches with its own notice, in its tab strip. */
    public QueueView(QueueViewModel viewModel, ResourceBundle bundle) {
        this(viewModel, bundle, null);
    }

    /**
     * @param notifier shows a finished or failed batch; null for the view's own notice
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
        notice = new BatchNotice(fmt, NOTICE_SHOWN_FOR);
        notice.setManaged(false); // placed by layoutChildren, over the tab strip's empty end
        getChildren().addAll(tabPane, notice);
        viewModel.addBatchListener(notifier != null ? notifier : this::notifyBatch);
    }

    public static ResourceBundle defaultBundle() {
        return ResourceBundle.getBundle(QueueStyles.BUNDLE);
    }

    /**
     * What the view's notice says ("2 files transferred."), empty while it shows none: for the main window to
     * tell it where the notice cannot be seen. Empty always when a notifier was given.
     */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.messageProperty();
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

    /**
     * The notice sits in the tab strip, right of the tabs and vertically centred in it: it covers neither a tab nor
     * the table, and it takes no room from the table while it is away.
     */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        tabPane.layout(); // the strip and the tabs where they are now, not where the last pulse left them
        Node strip = tabPane.lookup(".tab-header-area");
        Node tabs = tabPane.lookup(".headers-region");
        if (strip == null || tabs == null) {
            return; // no skin yet
        }
        Bounds stripBounds = sceneToLocal(strip.localToScene(strip.getLayoutBounds()));
        double tabsRight = sceneToLocal(tabs.localToScene(tabs.getLayoutBounds())).getMaxX();
        double right = getWidth() - snappedRightInset() - NOTICE_GAP;
        double width = Math.max(0, Math.min(notice.prefWidth(-1), right - tabsRight - NOTICE_GAP));
        double height = Math.min(notice.prefHeight(width), stripBounds.getHeight() - 2);
        notice.resizeRelocate(right - width, stripBounds.getMinY() + (stripBounds.getHeight() - height) / 2,
                width, height);
    }

    private void notifyBatch(BatchOutcome o) {
        notice.show(o);
        requestLayout(); // the notice is not managed: its new text does not ask for a layout by itself
    }
}
