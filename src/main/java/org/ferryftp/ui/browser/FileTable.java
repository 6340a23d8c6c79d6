package org.ferryftp.ui.browser;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import org.ferryftp.fs.Location;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Styles;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** The virtualized file table of a pane, with its columns, icons, and drag and drop. */
final class FileTable {

    private final TableView<FileRow> table = new TableView<>();
    private final PaneViewModel vm;
    private final PaneOperations ops;
    private final TransferCoordinator transfers;
    private final java.util.function.Consumer<FileRow> activate;
    /** The view model's rows, headed by ".." when the option is on and the folder has a parent. */
    private final javafx.collections.ObservableList<FileRow> items = javafx.collections.FXCollections.observableArrayList();
    private final javafx.beans.value.ObservableValue<PaneBehaviour> behaviour;
    private final TableColumn<FileRow, FileRow> nameColumn;

    /**
     * @param activate what a double click (or Enter) on a row does
     */
    FileTable(PaneViewModel vm, PaneOperations ops, TransferCoordinator transfers, Messages msg, String idPrefix,
              javafx.beans.value.ObservableValue<PaneBehaviour> behaviour,
              java.util.function.Consumer<FileRow> activate) {
        this.vm = vm;
        this.ops = ops;
        this.transfers = transfers;
        this.activate = activate;
        this.behaviour = behaviour;
        table.setId(idPrefix + "-table");
        table.getStyleClass().addAll(Styles.FILE_TABLE, atlantafx.base.theme.Styles.DENSE);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setItems(items);
        vm.rows().addListener((javafx.collections.ListChangeListener<FileRow>) c -> fillItems());
        vm.pathProperty().addListener((o, a, b) -> fillItems());
        behaviour.addListener((o, a, b) -> fillItems());
        fillItems();
        Label placeholderText = new Label();
        placeholderText.textProperty().bind(vm.placeholderProperty());
        javafx.scene.control.Hyperlink showHidden = new javafx.scene.control.Hyperlink(msg.get("table.showHidden"));
        showHidden.setId(idPrefix + "-show-hidden");
        showHidden.visibleProperty().bind(vm.onlyHiddenProperty());
        showHidden.managedProperty().bind(vm.onlyHiddenProperty());
        showHidden.setOnAction(e -> {
            vm.showHiddenProperty().set(true);
            table.requestFocus(); // the link goes away with the placeholder; keep the focus in this pane
        });
        javafx.scene.layout.VBox placeholder = new javafx.scene.layout.VBox(4, placeholderText, showHidden);
        placeholder.setAlignment(javafx.geometry.Pos.CENTER);
        table.setPlaceholder(placeholder);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setTableMenuButtonVisible(true);
        // Fixed row height: the virtual flow never measures rows, which keeps 100k-row scrolling smooth.
        table.setFixedCellSize(22);

        TableColumn<FileRow, FileRow> name = column(msg.get("col.name"), "name", 200, FileRow::name, FileRows.BY_NAME);
        name.setCellFactory(c -> new NameCell());
        nameColumn = name;
        // F2 renames in place: the name cell becomes a text field; Enter commits, Escape cancels.
        // The column is editable only while F2's edit runs: a click on a selected row must not start one.
        table.setEditable(true);
        name.setEditable(false);
        name.setOnEditCancel(e -> {
            name.setEditable(false);
            table.requestFocus();
        });
        name.setOnEditCommit(e -> {
            name.setEditable(false);
            FileRow row = e.getRowValue();
            table.requestFocus();
            ops.renameTo(row, e.getNewValue() == null ? null : e.getNewValue().name());
        });
        TableColumn<FileRow, FileRow> size = column(msg.get("col.size"), "size", 80, FileRow::sizeText,
                Comparator.comparingLong(r -> r.entry().size()));
        FileRows formats = new FileRows(msg);
        size.setCellFactory(c -> new SizeCell(formats));
        table.getColumns().add(name);
        table.getColumns().add(size);
        table.getColumns().add(column(msg.get("col.type"), "type", 80, FileRow::typeText,
                Comparator.comparing(FileRow::typeText)));
        table.getColumns().add(column(msg.get("col.modified"), "modified", 140, r -> FileRows.modifiedText(r.entry()),
                Comparator.comparing(r -> r.entry().modified(), Comparator.nullsFirst(Comparator.naturalOrder()))));
        table.getColumns().add(column(msg.get("col.permissions"), "permissions", 90, r -> r.entry().permissions(),
                Comparator.comparing(r -> r.entry().permissions())));
        table.getColumns().add(column(msg.get("col.owner"), "owner", 80, FileRow::ownerGroup,
                Comparator.comparing(FileRow::ownerGroup)));
        table.getSortOrder().add(name);
        // Sorting happens in the view model's SortedList (folders first); the table only supplies the order.
        table.setSortPolicy(t -> {
            vm.setColumnOrder(t.getComparator());
            return true;
        });
        table.setRowFactory(t -> row());
        // Rows take their comparison mark when they are (re)filled; a new comparison refills them.
        vm.marks().marksProperty().addListener((o, a, b) -> table.refresh());
        table.setOnDragOver(this::dragOver);
        table.setOnDragDropped(e -> drop(e, null));
    }

    TableView<FileRow> control() {
        return table;
    }

    /** The selected rows, never "..". */
    List<FileRow> selection() {
        List<FileRow> rows = new ArrayList<>(table.getSelectionModel().getSelectedItems());
        rows.removeIf(r -> r == null || r.isParent());
        return rows;
    }

    /** Starts the in-place rename of the focused row (not ".."). */
    void editName() {
        int index = table.getSelectionModel().getSelectedIndex();
        if (index >= 0 && !items.get(index).isParent()) {
            nameColumn.setEditable(true);
            table.edit(index, nameColumn);
        }
    }

    private void fillItems() {
        boolean head = behaviour.getValue().parentRow() && vm.pathProperty().get() != null
                && vm.parentOf(vm.pathProperty().get()) != null;
        List<FileRow> all = new ArrayList<>(vm.rows().size() + 1);
        if (head) {
            all.add(FileRow.PARENT);
        }
        all.addAll(vm.rows());
        items.setAll(all);
    }

    private static TableColumn<FileRow, FileRow> column(String title, String id, double width,
                                                         Function<FileRow, String> text, Comparator<FileRow> order) {
        TableColumn<FileRow, FileRow> c = new TableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setComparator(order);
        c.setEditable(false);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(FileRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        return c;
    }

    /** The name with its icon; while renaming in place, a text field holding the name. */
    private static final class NameCell extends TableCell<FileRow, FileRow> {
        private final FontIcon icon = new FontIcon();
        private javafx.scene.control.TextField field;

        NameCell() {
            icon.setIconSize(16);
        }

        @Override
        public void startEdit() {
            if (getItem() == null || getItem().isParent()) {
                return;
            }
            super.startEdit();
            if (!isEditing()) {
                return;
            }
            field = new javafx.scene.control.TextField(getItem().name());
            field.setId("rename-field");
            FileRow row = getItem();
            field.setOnAction(e -> commitEdit(new FileRow(new org.ferryftp.fs.FileEntry(field.getText(),
                    row.entry().kind(), row.entry().size(), row.entry().modified(), row.entry().permissions(),
                    row.entry().owner(), row.entry().group(), row.entry().linkTarget()), row.lowerName(),
                    row.sizeText(), row.typeText(), row.ownerGroup())));
            field.setOnKeyPressed(e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                    cancelEdit();
                    e.consume();
                }
            });
            setText(null);
            setGraphic(field);
            // Select the name without its extension, as file managers do.
            int dot = row.isDirectory() ? -1 : row.name().lastIndexOf('.');
            field.requestFocus();
            field.selectRange(0, dot > 0 ? dot : row.name().length());
        }

        @Override
        public void cancelEdit() {
            super.cancelEdit();
            show(getItem());
        }

        @Override
        protected void updateItem(FileRow item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            if (!isEditing()) {
                show(item);
            }
        }

        private void show(FileRow item) {
            field = null;
            if (item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            icon.setIconCode(item.isParent() ? org.kordamp.ikonli.materialdesign2.MaterialDesignF.FOLDER_UPLOAD_OUTLINE
                    : FileIcons.iconFor(item.entry()));
            icon.getStyleClass().setAll("ikonli-font-icon", FileIcons.styleClassFor(item.entry()));
            setText(item.name());
            setGraphic(icon);
        }
    }

    private static final class SizeCell extends TableCell<FileRow, FileRow> {
        private final FileRows formats;
        private final Tooltip tooltip = new Tooltip();

        SizeCell(FileRows formats) {
            this.formats = formats;
            setAlignment(Pos.CENTER_RIGHT);
        }

        @Override
        protected void updateItem(FileRow item, boolean empty) {
            super.updateItem(item, empty);
            String exact = empty || item == null ? "" : formats.exactSize(item.entry());
            setText(empty || item == null ? null : item.sizeText());
            tooltip.setText(exact);
            setTooltip(exact.isEmpty() ? null : tooltip);
        }
    }

    private TableRow<FileRow> row() {
        TableRow<FileRow> row = new MarkedRow(vm.marks());
        row.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                activate.accept(row.getItem());
            }
        });
        row.setOnDragDetected(e -> {
            if (row.isEmpty()) {
                return;
            }
            if (!table.getSelectionModel().isSelected(row.getIndex())) {
                table.getSelectionModel().clearAndSelect(row.getIndex());
            }
            List<FileRow> rows = selection();
            List<TransferPlanner.Item> items = ops.items(rows);
            if (items.isEmpty()) {
                return;
            }
            transfers.startDrag(items);
            Dragboard db = row.startDragAndDrop(TransferMode.COPY);
            ClipboardContent content = new ClipboardContent();
            content.putString(ops.urls(rows));
            if (items.get(0).source().isLocal()) {
                // Local files can also be dropped on the desktop's file manager.
                content.putFiles(items.stream().map(i -> new File(i.source().path())).toList());
            }
            db.setContent(content);
            e.consume();
        });
        row.setOnDragDone(e -> transfers.endDrag());
        row.setOnDragOver(e -> {
            dragOver(e);
            row.pseudoClassStateChanged(DROP_HOVER, !row.isEmpty() && row.getItem().isDirectory()
                    && !row.getItem().isParent());
        });
        row.setOnDragExited(e -> row.pseudoClassStateChanged(DROP_HOVER, false));
        row.setOnDragDropped(e -> {
            row.pseudoClassStateChanged(DROP_HOVER, false);
            drop(e, row.isEmpty() || !row.getItem().isDirectory() || row.getItem().isParent() ? null : row.getItem());
        });
        return row;
    }

    /** A row coloured by its comparison mark (pseudo-classes of {@link RowMark}, coloured in ferry.css). */
    private static final class MarkedRow extends TableRow<FileRow> {
        private final RowMarks marks;

        MarkedRow(RowMarks marks) {
            this.marks = marks;
        }

        @Override
        protected void updateItem(FileRow item, boolean empty) {
            super.updateItem(item, empty);
            RowMark mark = empty || item == null ? null : marks.of(item);
            for (RowMark m : RowMark.values()) {
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(m.pseudoClass()), m == mark);
            }
        }
    }

    private static final javafx.css.PseudoClass DROP_HOVER = javafx.css.PseudoClass.getPseudoClass("drop-target");

    private void dragOver(DragEvent e) {
        if (!transfers.dragged().isEmpty() || e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void drop(DragEvent e, FileRow folder) {
        Location here = vm.currentLocation();
        Location target = here;
        if (folder != null && here != null) {
            String p = vm.childPath(folder.name());
            target = here.isLocal() ? Location.local(p) : Location.remote(here.site(), p);
        }
        List<TransferPlanner.Item> items = transfers.dropped(e.getDragboard());
        // The drop ends here; the transfer (and any dialog it brings) waits until the drag is over.
        e.setDropCompleted(transfers.drop(items, target));
        e.consume();
    }
}
