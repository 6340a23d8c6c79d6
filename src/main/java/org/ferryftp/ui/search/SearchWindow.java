package org.ferryftp.ui.search;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ferryftp.session.TimePrecision;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Sizes;
import org.ferryftp.ui.Styles;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The search window of one pane: criteria on top, hits streaming into a table, and what to do with them. A window
 * of its own (not modal), so the panes stay usable while it searches; closing it stops the search.
 */
public final class SearchWindow {

    private static final DateTimeFormatter MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DATE_ONLY = DateTimeFormatter.ofPattern("yyyy-MM-dd")
            .withZone(ZoneOffset.UTC);

    private SearchWindow() {
    }

    /** Opens the window for {@code vm} and returns its stage. */
    public static Stage open(Window owner, Messages msg, RemoteSearchViewModel vm) {
        Stage stage = new Stage();
        // Not owned: an owned window stays above the main one, and would hide the row "Show in pane" selects.
        stage.setTitle(msg.format("search.title", vm.siteName()));
        TableView<SearchHit> table = new TableView<>(vm.hits());
        Runnable reveal = () -> {
            vm.reveal(table.getSelectionModel().getSelectedItem());
            if (owner instanceof Stage main) {
                main.toFront();
            }
        };
        results(msg, vm, table, reveal);
        BorderPane root = new BorderPane(table, criteria(msg, vm), null, actions(msg, vm, table, stage, reveal),
                null);
        root.setId("search-window");
        root.getStyleClass().add(Styles.DIALOG);
        BorderPane.setMargin(table, new Insets(8, 0, 8, 0));
        root.setPadding(new Insets(12));
        Scene scene = new Scene(root, 820, 560);
        scene.getStylesheets().add(SearchWindow.class.getResource(Styles.STYLESHEET).toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                if (vm.runningProperty().get()) {
                    vm.cancel();
                } else {
                    stage.close();
                }
            }
        });
        stage.setScene(scene);
        stage.setOnHidden(e -> vm.cancel());
        owner.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> stage.close());
        stage.setX(owner.getX() + Math.max(0, (owner.getWidth() - 820) / 2));
        stage.setY(owner.getY() + Math.max(0, (owner.getHeight() - 560) / 3));
        stage.show();
        root.lookup("#search-pattern").requestFocus();
        return stage;
    }

    private static VBox criteria(Messages msg, RemoteSearchViewModel vm) {
        TextField root = new TextField();
        root.setId("search-root");
        root.textProperty().bindBidirectional(vm.rootProperty());
        TextField pattern = new TextField();
        pattern.setId("search-pattern");
        pattern.setPromptText(msg.get("search.namePrompt"));
        pattern.textProperty().bindBidirectional(vm.patternProperty());
        pattern.setOnAction(e -> vm.search());
        CheckBox regex = new CheckBox(msg.get("search.regex"));
        regex.setId("search-regex");
        regex.selectedProperty().bindBidirectional(vm.regexProperty());
        TextField minSize = small("search-min-size", msg.get("search.sizeFrom"));
        minSize.textProperty().bindBidirectional(vm.minSizeProperty());
        TextField maxSize = small("search-max-size", msg.get("search.sizeTo"));
        maxSize.textProperty().bindBidirectional(vm.maxSizeProperty());
        DatePicker from = date("search-from", msg.get("search.dateFrom"));
        from.valueProperty().bindBidirectional(vm.fromDateProperty());
        DatePicker to = date("search-to", msg.get("search.dateTo"));
        to.valueProperty().bindBidirectional(vm.toDateProperty());
        Spinner<Integer> depth = new Spinner<>(1, 1000, vm.maxDepthProperty().get());
        depth.setId("search-depth");
        depth.setEditable(true);
        depth.setPrefWidth(90);
        depth.valueProperty().addListener((o, a, b) -> vm.maxDepthProperty().set(b));
        Spinner<Integer> entries = new Spinner<>(1, 10_000_000, vm.maxEntriesProperty().get(), 1000);
        entries.setId("search-entries");
        entries.setEditable(true);
        entries.setPrefWidth(120);
        entries.valueProperty().addListener((o, a, b) -> vm.maxEntriesProperty().set(b));

        Button start = new Button(msg.get("search.start"));
        start.setId("search-start");
        start.setDefaultButton(true);
        start.setOnAction(e -> vm.search());
        start.disableProperty().bind(vm.runningProperty());
        Button stop = new Button(msg.get("search.stop"));
        stop.setId("search-stop");
        stop.setOnAction(e -> vm.cancel());
        stop.disableProperty().bind(vm.runningProperty().not());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, label(msg, "search.root"), root);
        GridPane.setColumnSpan(root, 2);
        grid.addRow(1, label(msg, "search.name"), pattern, regex);
        grid.addRow(2, label(msg, "search.size"), row(minSize, dash(), maxSize));
        grid.addRow(3, label(msg, "search.modified"), row(from, dash(), to));
        grid.addRow(4, label(msg, "search.limitsLabel"), row(depth, new Label(msg.get("search.depth")), entries,
                new Label(msg.get("search.entries")), spacer(), start, stop));
        GridPane.setColumnSpan(grid.getChildren().get(grid.getChildren().size() - 1), 2);
        GridPane.setHgrow(root, Priority.ALWAYS);
        GridPane.setHgrow(pattern, Priority.ALWAYS);

        Label error = new Label();
        error.setId("search-error");
        error.getStyleClass().add(Styles.ERROR_TEXT);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        return new VBox(8, grid, error);
    }

    private static void results(Messages msg, RemoteSearchViewModel vm, TableView<SearchHit> table,
                                Runnable reveal) {
        table.setId("search-results");
        table.setFixedCellSize(22); // as dense as the panes' tables
        table.getStyleClass().add(Styles.FILE_TABLE);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(msg.get("search.empty")));
        TableColumn<SearchHit, String> path = new TableColumn<>(msg.get("search.col.path"));
        path.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().directory()
                ? c.getValue().path() + "/" : c.getValue().path()));
        path.setPrefWidth(500);
        TableColumn<SearchHit, String> size = new TableColumn<>(msg.get("search.col.size"));
        size.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().directory() || c.getValue().size() < 0
                ? "" : Sizes.format(c.getValue().size(), Locale.getDefault(Locale.Category.FORMAT))));
        size.setStyle("-fx-alignment: CENTER-RIGHT;");
        size.setPrefWidth(100);
        TableColumn<SearchHit, String> modified = new TableColumn<>(msg.get("search.col.modified"));
        modified.setCellValueFactory(c -> new ReadOnlyStringWrapper(modified(c.getValue())));
        modified.setPrefWidth(150);
        table.getColumns().setAll(List.of(path, size, modified));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> {
            TableRow<SearchHit> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    reveal.run();
                }
            });
            return row;
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                reveal.run();
            } else if (e.getCode() == KeyCode.DELETE) {
                e.consume();
                vm.delete(List.copyOf(table.getSelectionModel().getSelectedItems()));
            }
        });
        vm.hits().addListener((ListChangeListener<SearchHit>) c -> {
            if (table.getSelectionModel().isEmpty() && !vm.hits().isEmpty()) {
                table.getSelectionModel().select(0);
            }
        });
    }

    private static VBox actions(Messages msg, RemoteSearchViewModel vm, TableView<SearchHit> table, Stage stage,
                                Runnable revealSelected) {
        Label status = new Label();
        status.setId("search-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        var noSelection = Bindings.isEmpty(table.getSelectionModel().getSelectedItems());
        Button download = new Button(msg.get("search.download"));
        download.setId("search-download");
        download.disableProperty().bind(noSelection);
        download.setOnAction(e -> vm.download(List.copyOf(table.getSelectionModel().getSelectedItems())));
        Button delete = new Button(msg.get("search.delete"));
        delete.setId("search-delete");
        delete.disableProperty().bind(noSelection.or(vm.runningProperty()));
        delete.setOnAction(e -> vm.delete(List.copyOf(table.getSelectionModel().getSelectedItems())));
        Button reveal = new Button(msg.get("search.reveal"));
        reveal.setId("search-reveal");
        reveal.disableProperty().bind(noSelection);
        reveal.setOnAction(e -> revealSelected.run());
        Button close = new Button(msg.get("search.close"));
        close.setId("search-close");
        close.setCancelButton(false);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(8, download, delete, reveal, spacer(), close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, status, buttons);
    }

    private static String modified(SearchHit h) {
        if (h.modified() == null) {
            return "";
        }
        return h.precision() == TimePrecision.DAY ? DATE_ONLY.format(h.modified()) : MODIFIED.format(h.modified());
    }

    private static Label label(Messages msg, String key) {
        Label l = new Label(msg.get(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static TextField small(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(10);
        return f;
    }

    private static DatePicker date(String id, String prompt) {
        DatePicker d = new DatePicker();
        d.setId(id);
        d.setPromptText(prompt);
        d.setPrefWidth(150);
        return d;
    }

    private static HBox row(javafx.scene.Node... nodes) {
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label dash() {
        return new Label("\u2013");
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
