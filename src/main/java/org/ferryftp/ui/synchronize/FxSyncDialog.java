package org.ferryftp.ui.synchronize;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ferryftp.transfer.sync.DirectedStep.Towards;
import org.ferryftp.transfer.sync.SyncDirection;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Sizes;
import org.ferryftp.ui.Styles;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The Synchronize dialog: the two folders, the direction and options on top, the plan's preview (a checkbox per row;
 * a conflict's side chosen in its row) in the middle, and select/clear all, the summary and Synchronize below.
 * Changing the direction or a checkbox option previews again; the glob fields do on Enter or with Preview.
 */
public final class FxSyncDialog implements SyncDialogs {

    private static final double WIDTH = 900;
    private static final double HEIGHT = 600;

    private final Supplier<Window> owner;
    private final Messages msg;

    public FxSyncDialog(Supplier<Window> owner, Messages msg) {
        this.owner = owner;
        this.msg = msg;
    }

    @Override
    public void open(SyncViewModel vm) {
        Stage stage = new Stage();
        Window main = owner.get();
        if (main != null) {
            stage.initOwner(main);
        }
        stage.setTitle(msg.get("synchronize.title"));
        TableView<SyncRow> table = table(vm);
        BorderPane root = new BorderPane(table, top(vm), null, bottom(vm, stage), null);
        root.setId("synchronize-dialog");
        root.getStyleClass().add(Styles.DIALOG);
        BorderPane.setMargin(table, new Insets(8, 0, 8, 0));
        root.setPadding(new Insets(12));
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(FxSyncDialog.class.getResource(Styles.STYLESHEET).toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                if (vm.planningProperty().get()) {
                    vm.cancel();
                } else {
                    stage.close();
                }
            }
        });
        stage.setScene(scene);
        stage.setOnHidden(e -> vm.close());
        if (main != null) {
            stage.setX(main.getX() + Math.max(0, (main.getWidth() - WIDTH) / 2));
            stage.setY(main.getY() + Math.max(0, (main.getHeight() - HEIGHT) / 3));
        }
        stage.show();
        vm.plan();
    }

    private VBox top(SyncViewModel vm) {
        GridPane folders = new GridPane();
        folders.setHgap(8);
        folders.setVgap(4);
        folders.addRow(0, new Label(msg.get("synchronize.left")), id(new Label(vm.leftFolder()), "synchronize-left"));
        folders.addRow(1, new Label(msg.get("synchronize.right")), id(new Label(vm.rightFolder()), "synchronize-right"));

        ToggleGroup way = new ToggleGroup();
        HBox direction = new HBox(12, new Label(msg.get("synchronize.direction")));
        direction.setAlignment(Pos.CENTER_LEFT);
        for (SyncDirection d : SyncDirection.values()) {
            RadioButton b = new RadioButton(msg.get(switch (d) {
                case TO_RIGHT -> "synchronize.toRight";
                case TO_LEFT -> "synchronize.toLeft";
                case BOTH -> "synchronize.both";
            }));
            b.setId("synchronize-" + d.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            b.setToggleGroup(way);
            b.setSelected(vm.directionProperty().get() == d);
            b.selectedProperty().addListener((o, was, now) -> {
                if (now) {
                    vm.directionProperty().set(d);
                    vm.plan();
                }
            });
            direction.getChildren().add(b);
        }

        CheckBox delete = id(new CheckBox(msg.get("synchronize.deleteExtra")), "synchronize-delete");
        delete.setTooltip(new javafx.scene.control.Tooltip(msg.get("synchronize.deleteExtra.tip")));
        delete.selectedProperty().bindBidirectional(vm.deleteExtraProperty());
        CheckBox newer = id(new CheckBox(msg.get("synchronize.newerOnly")), "synchronize-newer-only");
        newer.selectedProperty().bindBidirectional(vm.newerOnlyProperty());
        CheckBox sums = id(new CheckBox(msg.get("synchronize.checksum")), "synchronize-checksum");
        sums.setTooltip(new javafx.scene.control.Tooltip(msg.get("synchronize.checksum.tip")));
        sums.selectedProperty().bindBidirectional(vm.checksumProperty());
        for (CheckBox c : new CheckBox[] {delete, newer}) {
            // Both ways deletes nothing and always keeps the newer file.
            c.disableProperty().bind(vm.directionProperty().isEqualTo(SyncDirection.BOTH));
            c.selectedProperty().addListener((o, was, now) -> vm.plan());
        }
        sums.selectedProperty().addListener((o, was, now) -> vm.plan());
        HBox options = new HBox(16, delete, newer, sums);

        TextField include = globs(vm.includeProperty(), "synchronize-include", "synchronize.include.prompt", vm);
        TextField exclude = globs(vm.excludeProperty(), "synchronize-exclude", "synchronize.exclude.prompt", vm);
        Button preview = id(new Button(msg.get("synchronize.preview")), "synchronize-preview");
        preview.setOnAction(e -> vm.plan());
        HBox filters = new HBox(8, new Label(msg.get("synchronize.include")), include,
                new Label(msg.get("synchronize.exclude")), exclude, preview);
        filters.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(include, Priority.ALWAYS);
        HBox.setHgrow(exclude, Priority.ALWAYS);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(vm.planningProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label progress = id(new Label(), "synchronize-progress");
        progress.textProperty().bind(vm.progressProperty());
        Button cancel = id(new Button(msg.get("synchronize.cancel")), "synchronize-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.planningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        HBox status = new HBox(8, spinner, progress, cancel);
        status.setAlignment(Pos.CENTER_LEFT);

        return new VBox(8, folders, direction, options, filters, status);
    }

    private TextField globs(javafx.beans.property.StringProperty p, String id, String prompt, SyncViewModel vm) {
        TextField f = id(new TextField(), id);
        f.setPromptText(msg.get(prompt));
        f.textProperty().bindBidirectional(p);
        f.setOnAction(e -> vm.plan());
        return f;
    }

    private TableView<SyncRow> table(SyncViewModel vm) {
        TableView<SyncRow> table = new TableView<>(vm.rows());
        table.setId("synchronize-table");
        table.setEditable(true);
        table.setPlaceholder(new Label(""));

        TableColumn<SyncRow, Boolean> check = new TableColumn<>();
        check.setCellValueFactory(c -> c.getValue().checkedProperty());
        check.setCellFactory(CheckBoxTableCell.forTableColumn(check));
        check.setEditable(true);
        check.setMinWidth(32);
        check.setMaxWidth(32);
        check.setSortable(false);

        TableColumn<SyncRow, String> action = text(msg.get("synchronize.col.action"), 80,
                r -> r.step().action().name().toLowerCase(Locale.ROOT));
        TableColumn<SyncRow, Towards> towards = new TableColumn<>(msg.get("synchronize.col.towards"));
        towards.setCellValueFactory(c -> c.getValue().towardsProperty());
        towards.setCellFactory(c -> new TowardsCell());
        towards.setPrefWidth(100);
        towards.setEditable(false);
        TableColumn<SyncRow, String> path = text(msg.get("synchronize.col.path"), 260,
                r -> r.step().path() + (r.step().directory() ? "/" : ""));
        TableColumn<SyncRow, String> reason = text(msg.get("synchronize.col.reason"), 270, r -> inWords(r.step()
                .reason()));
        TableColumn<SyncRow, String> size = text(msg.get("synchronize.col.size"), 90,
                r -> r.size() < 0 ? "" : Sizes.format(r.size(), Locale.getDefault()));
        size.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().setAll(java.util.List.of(check, action, towards, path, reason, size));
        // The columns share the width; no sideways scrolling for a reason's last words.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        action.setMaxWidth(110);
        towards.setMaxWidth(140);
        size.setMaxWidth(110);
        return table;
    }

    /**
     * The planner's reasons name the CLI's options (they are {@code ferry mirror --dry-run}'s words, and the preview
     * must agree with it); here they name the dialog's checkboxes instead.
     */
    private String inWords(String reason) {
        return reason.replace("--newer-only", "\u201c" + msg.get("synchronize.newerOnly") + "\u201d")
                .replace("--delete", "\u201c" + msg.get("synchronize.deleteExtra") + "\u201d");
    }

    private static TableColumn<SyncRow, String> text(String title, double width,
                                                      java.util.function.Function<SyncRow, String> value) {
        TableColumn<SyncRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setPrefWidth(width);
        c.setEditable(false);
        return c;
    }

    /** An arrow, or for a conflict a choice of side (or neither). */
    private final class TowardsCell extends TableCell<SyncRow, Towards> {
        private final ComboBox<Towards> choice = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                Towards.RIGHT, Towards.LEFT, Towards.EITHER));
        private SyncRow bound;

        TowardsCell() {
            choice.getStyleClass().add(atlantafx.base.theme.Styles.SMALL);
            choice.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(Towards t) {
                    return t == null ? "" : arrow(t, true);
                }

                @Override
                public Towards fromString(String s) {
                    return null;
                }
            });
            choice.setOnAction(e -> {
                if (bound != null && choice.getValue() != null) {
                    bound.towardsProperty().set(choice.getValue());
                }
            });
        }

        @Override
        protected void updateItem(Towards t, boolean empty) {
            super.updateItem(t, empty);
            SyncRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            bound = null;
            if (row == null) {
                setText(null);
                setGraphic(null);
            } else if (row.conflict()) {
                setText(null);
                choice.setValue(t);
                choice.setId("synchronize-choice");
                setGraphic(choice);
                bound = row;
            } else {
                setGraphic(null);
                setText(arrow(t, false));
            }
        }
    }

    private String arrow(Towards t, boolean inChoice) {
        return switch (t) {
            case RIGHT -> msg.get("synchronize.towards.right");
            case LEFT -> msg.get("synchronize.towards.left");
            case EITHER -> msg.get(inChoice ? "synchronize.towards.skip" : "synchronize.towards.either");
        };
    }

    private HBox bottom(SyncViewModel vm, Stage stage) {
        Button all = id(new Button(msg.get("synchronize.selectAll")), "synchronize-select-all");
        all.setOnAction(e -> vm.selectAll());
        Button none = id(new Button(msg.get("synchronize.clearAll")), "synchronize-clear-all");
        none.setOnAction(e -> vm.clearAll());
        Label summary = id(new Label(), "synchronize-summary");
        summary.textProperty().bind(vm.summaryProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button run = id(new Button(msg.get("synchronize.run")), "synchronize-run");
        run.setDefaultButton(true);
        run.disableProperty().bind(Bindings.not(vm.readyProperty()));
        run.setOnAction(e -> vm.synchronize());
        Button close = id(new Button(msg.get("synchronize.close")), "synchronize-close");
        close.setCancelButton(false);
        close.setOnAction(e -> stage.close());
        HBox bar = new HBox(8, all, none, summary, spacer, run, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static <T extends javafx.scene.Node> T id(T node, String id) {
        node.setId(id);
        return node;
    }
}
