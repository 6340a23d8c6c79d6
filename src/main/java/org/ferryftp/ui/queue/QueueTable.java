package org.ferryftp.ui.queue;

import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import org.ferryftp.fs.Location;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One tab's table. Every column's value is the row's snapshot property and each cell renders its own field:
 * one listener per visible cell instead of a property per row and column.
 */
final class QueueTable {

    private QueueTable() {
    }

    static TableView<QueueRow> create(ObservableList<QueueRow> rows, QueueFormat fmt, String emptyText) {
        TableView<QueueRow> table = new TableView<>(rows);
        table.getStyleClass().add(QueueStyles.TABLE);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(emptyText));
        table.getColumns().add(column(fmt.text("queue.column.direction"), 32, QueueTable::direction, fmt));
        TableColumn<QueueRow, ItemSnapshot> kind = textColumn(fmt.text("queue.column.kind"), 170, fmt::kind, fmt);
        kind.setId("queue-kind");
        table.getColumns().add(kind);
        table.getColumns().add(pathColumn(fmt.text("queue.column.source"), 230, s -> path(s.source()), fmt));
        table.getColumns().add(pathColumn(fmt.text("queue.column.target"), 230, s -> path(s.target()), fmt));
        table.getColumns().add(textColumn(fmt.text("queue.column.size"), 80, s -> fmt.size(s.size()), fmt));
        table.getColumns().add(column(fmt.text("queue.column.progress"), 140, QueueTable::progress, fmt));
        table.getColumns().add(textColumn(fmt.text("queue.column.speed"), 90,
                s -> s.state() instanceof ItemState.Running ? fmt.speed(s.bytesPerSecond()) : "",
                fmt));
        table.getColumns().add(textColumn(fmt.text("queue.column.eta"), 70,
                s -> s.state() instanceof ItemState.Running ? fmt.eta(s.eta()) : "", fmt));
        table.getColumns().add(textColumn(fmt.text("queue.column.priority"), 70,
                s -> fmt.text("queue.priority." + s.priority().name().toLowerCase(Locale.ROOT)), fmt));
        table.getColumns().add(column(fmt.text("queue.column.status"), 200, QueueTable::status, fmt));
        // Queue order is meaningful (it is the run order); sorting by a column would hide it.
        table.getColumns().forEach(c -> c.setSortable(false));
        return table;
    }

    /** "site:/path" for remote locations, the path for local ones. */
    static String path(Location l) {
        return l.isLocal() ? l.path() : l.site().name() + ":" + l.path();
    }

    /** Paths lose their start, not their end, when the column is narrow: the file name matters most. */
    private static TableColumn<QueueRow, ItemSnapshot> pathColumn(String title, double width,
                                                                  Function<ItemSnapshot, String> text,
                                                                  QueueFormat fmt) {
        return column(title, width, (cell, s) -> {
            cell.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
            cell.setText(text.apply(s));
            cell.setGraphic(null);
            cell.setTooltip(null);
        }, fmt);
    }

    private static TableColumn<QueueRow, ItemSnapshot> textColumn(String title, double width,
                                                                  Function<ItemSnapshot, String> text,
                                                                  QueueFormat fmt) {
        return column(title, width, (cell, s) -> {
            cell.setText(text.apply(s));
            cell.setGraphic(null);
        }, fmt);
    }

    private static TableColumn<QueueRow, ItemSnapshot> column(String title, double width,
                                                              Renderer render, QueueFormat fmt) {
        TableColumn<QueueRow, ItemSnapshot> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> cd.getValue().snapshotProperty());
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(ItemSnapshot s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    getStyleClass().remove(QueueStyles.STATUS_FAILED);
                } else {
                    render.render(this, s, fmt);
                }
            }
        });
        return c;
    }

    private static TableColumn<QueueRow, ItemSnapshot> column(String title, double width,
                                                              BiConsumer<TableCell<QueueRow, ItemSnapshot>,
                                                                      ItemSnapshot> render, QueueFormat fmt) {
        return column(title, width, (Renderer) (cell, s, f) -> render.accept(cell, s), fmt);
    }

    @FunctionalInterface
    private interface Renderer {
        void render(TableCell<QueueRow, ItemSnapshot> cell, ItemSnapshot s, QueueFormat fmt);
    }

    private static void direction(TableCell<QueueRow, ItemSnapshot> cell, ItemSnapshot s, QueueFormat fmt) {
        Ikon ikon = switch (s.direction()) {
            case DOWNLOAD -> MaterialDesignD.DOWNLOAD;
            case UPLOAD -> MaterialDesignU.UPLOAD;
            case SITE_TO_SITE -> MaterialDesignS.SWAP_HORIZONTAL;
            case RELAY -> MaterialDesignT.TRANSFER_RIGHT;
        };
        FontIcon icon = cell.getGraphic() instanceof FontIcon f ? f : new FontIcon();
        icon.setIconCode(ikon);
        if (!icon.getStyleClass().contains(QueueStyles.DIRECTION_ICON)) {
            icon.getStyleClass().add(QueueStyles.DIRECTION_ICON);
        }
        cell.setText(null);
        cell.setGraphic(icon);
        cell.setAlignment(Pos.CENTER);
        String name = fmt.direction(s.direction());
        // Cells re-render ten times a second while an item runs: keep the tooltip unless its text changes.
        if (cell.getTooltip() == null || !name.equals(cell.getTooltip().getText())) {
            cell.setTooltip(new Tooltip(name));
        }
    }

    private static void progress(TableCell<QueueRow, ItemSnapshot> cell, ItemSnapshot s, QueueFormat fmt) {
        // The bar and its label are reused while the cell shows rows: progress ticks ten times a second.
        StackPane pane;
        if (cell.getGraphic() instanceof StackPane p) {
            pane = p;
        } else {
            ProgressBar bar = new ProgressBar();
            bar.getStyleClass().add(QueueStyles.PROGRESS);
            bar.setMaxWidth(Double.MAX_VALUE);
            Label label = new Label();
            label.getStyleClass().add(QueueStyles.PROGRESS_TEXT);
            pane = new StackPane(bar, label);
        }
        ProgressBar bar = (ProgressBar) pane.getChildren().get(0);
        Label label = (Label) pane.getChildren().get(1);
        double f = s.directory() ? -1 : s.fraction();
        boolean running = s.state() instanceof ItemState.Running;
        // Unknown size: indeterminate only while running, else an empty bar (no endless animation).
        bar.setProgress(f >= 0 ? f : running ? ProgressBar.INDETERMINATE_PROGRESS : 0);
        // Waiting items often have no size yet (it comes with the listing): show nothing rather than 0 %.
        bar.setVisible(f >= 0 || running);
        label.setText(fmt.progress(s));
        cell.setText(null);
        cell.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        cell.setGraphic(pane);
    }

    private static void status(TableCell<QueueRow, ItemSnapshot> cell, ItemSnapshot s, QueueFormat fmt) {
        cell.setGraphic(null);
        cell.setText(fmt.status(s.state()));
        String details = QueueFormat.details(s);
        // The column may be too narrow for a long server reply: the tooltip always has all of it, and the note.
        if (details == null) {
            cell.setTooltip(null);
        } else if (cell.getTooltip() == null || !details.equals(cell.getTooltip().getText())) {
            cell.setTooltip(new Tooltip(details));
        }
        if (!cell.getStyleClass().contains(QueueStyles.STATUS)) {
            cell.getStyleClass().add(QueueStyles.STATUS);
        }
        boolean failed = s.state() instanceof ItemState.Failed;
        if (failed && !cell.getStyleClass().contains(QueueStyles.STATUS_FAILED)) {
            cell.getStyleClass().add(QueueStyles.STATUS_FAILED);
        } else if (!failed) {
            cell.getStyleClass().remove(QueueStyles.STATUS_FAILED);
        }
    }
}
