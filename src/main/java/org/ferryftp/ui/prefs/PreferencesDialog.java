package org.ferryftp.ui.prefs;

import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.ferryftp.ftp.ProxySettings;
import org.ferryftp.site.FileActivation;
import org.ferryftp.site.Preferences;
import org.ferryftp.transfer.RelayPolicy;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Styles;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The preferences window: transfer defaults, bound to a {@link PreferencesViewModel}. */
public final class PreferencesDialog {

    private final Messages msg;

    public PreferencesDialog(Messages msg) {
        this.msg = msg;
    }

    /** Shows the dialog and waits; the saved preferences, or empty when cancelled. */
    public Optional<Preferences> showAndWait(Window owner, PreferencesViewModel vm) {
        return build(owner, vm).showAndWait().flatMap(Optional::ofNullable);
    }

    Dialog<Preferences> build(Window owner, PreferencesViewModel vm) {
        Dialog<Preferences> dialog = new Dialog<>();
        dialog.setTitle(msg.get("prefs.title"));
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().getStylesheets().add(
                PreferencesDialog.class.getResource(Styles.STYLESHEET).toExternalForm());
        dialog.getDialogPane().getStyleClass().add(Styles.PREFS_DIALOG);

        Spinner<Integer> concurrency = new Spinner<>(1, 16, vm.concurrency().get());
        concurrency.getValueFactory().valueProperty().addListener((o, a, b) -> vm.concurrency().set(b));
        concurrency.setId("prefs-concurrency");
        Spinner<Integer> attempts = new Spinner<>(1, 100, vm.maxAttempts().get());
        attempts.getValueFactory().valueProperty().addListener((o, a, b) -> vm.maxAttempts().set(b));
        attempts.setId("prefs-attempts");

        List<ConflictChoice> choices = new ArrayList<>();
        choices.add(null);
        choices.addAll(List.of(ConflictChoice.values()));
        ComboBox<ConflictChoice> conflict = new ComboBox<>();
        conflict.getItems().setAll(choices);
        conflict.setCellFactory(l -> new NamedCell<>(this::conflictName));
        conflict.setButtonCell(new NamedCell<>(this::conflictName));
        conflict.valueProperty().bindBidirectional(vm.conflict());
        conflict.setId("prefs-conflict");

        ComboBox<RelayPolicy> relay = new ComboBox<>();
        relay.getItems().setAll(RelayPolicy.values());
        relay.setCellFactory(l -> new NamedCell<>(r -> msg.get("prefs.relay." + r.name().toLowerCase(Locale.ROOT))));
        relay.setButtonCell(new NamedCell<>(r -> msg.get("prefs.relay." + r.name().toLowerCase(Locale.ROOT))));
        relay.valueProperty().bindBidirectional(vm.relay());
        relay.setId("prefs-relay");

        TextField bandwidth = new TextField();
        bandwidth.textProperty().bindBidirectional(vm.bandwidthKib());
        bandwidth.setPromptText(msg.get("prefs.bandwidth.none"));
        bandwidth.setId("prefs-bandwidth");
        TextField download = kibField(vm.downloadKib(), "prefs-download");
        TextField upload = kibField(vm.uploadKib(), "prefs-upload");
        CheckBox limitsOn = new CheckBox(msg.get("prefs.limitsOn"));
        limitsOn.selectedProperty().bindBidirectional(vm.limitsOn());
        limitsOn.setId("prefs-limits-on");
        ComboBox<FileActivation> activation = new ComboBox<>();
        activation.getItems().setAll(FileActivation.values());
        activation.setCellFactory(l -> new ActivationCell());
        activation.setButtonCell(new ActivationCell());
        activation.valueProperty().bindBidirectional(vm.fileActivation());
        activation.setId("prefs-activation");
        CheckBox parentRow = new CheckBox(msg.get("prefs.parentRow"));
        parentRow.selectedProperty().bindBidirectional(vm.parentRow());
        parentRow.setId("prefs-parent-row");
        Spinner<Integer> history = new Spinner<>(0, 1_000_000, vm.historyLimit().get(), 1000);
        history.setEditable(true);
        history.getValueFactory().valueProperty().addListener((o, a, b) -> vm.historyLimit().set(b));
        CheckBox fsync = new CheckBox(msg.get("prefs.fsync"));
        fsync.selectedProperty().bindBidirectional(vm.fsync());
        TextField openWith = new TextField();
        openWith.textProperty().bindBidirectional(vm.openWith());
        openWith.setPromptText(msg.get("prefs.openWith.default"));
        openWith.setId("prefs-open-with");
        javafx.scene.control.Button chooseProgram = new javafx.scene.control.Button(msg.get("prefs.openWith.choose"));
        chooseProgram.setId("prefs-open-with-choose");
        chooseProgram.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        chooseProgram.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle(msg.get("prefs.openWith.title"));
            java.io.File program = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (program != null) {
                vm.openWith().set(program.getAbsolutePath());
            }
        });
        javafx.scene.layout.HBox.setHgrow(openWith, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox openWithRow = new javafx.scene.layout.HBox(6, openWith, chooseProgram);

        GridPane form = new GridPane();
        form.getStyleClass().add(Styles.PREFS_FORM);
        int row = 0;
        form.addRow(row++, label("prefs.concurrency"), concurrency);
        form.addRow(row++, label("prefs.attempts"), attempts);
        form.addRow(row++, label("prefs.conflict"), conflict);
        form.addRow(row++, label("prefs.relay"), relay);
        form.addRow(row++, label("prefs.bandwidth"), bandwidth);
        form.addRow(row++, label("prefs.download"), download);
        form.addRow(row++, label("prefs.upload"), upload);
        form.add(limitsOn, 0, row++, 2, 1);
        form.addRow(row++, label("prefs.history"), history);
        form.add(fsync, 0, row++, 2, 1);
        form.addRow(row++, label("prefs.activation"), activation);
        form.add(parentRow, 0, row++, 2, 1);
        form.addRow(row, label("prefs.openWith"), openWithRow);
        GridPane connection = new GridPane();
        connection.getStyleClass().add(Styles.PREFS_FORM);
        proxyRows(connection, 0, vm);
        // Labels keep their full width; the fields share the rest, all equally wide.
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().setAll(labels, fields);
        connection.getColumnConstraints().setAll(labels, fields);
        for (javafx.scene.control.Control c : List.of(concurrency, attempts, conflict, relay, bandwidth, download, upload,
                history, activation)) {
            c.setMaxWidth(Double.MAX_VALUE);
        }
        fsync.setWrapText(true);

        Label note = new Label(msg.get("prefs.note"));
        note.setWrapText(true);
        note.getStyleClass().add(Styles.PREFS_NOTE);
        Label error = new Label();
        error.textProperty().bind(vm.error());
        error.getStyleClass().add(Styles.PREFS_ERROR);
        error.setWrapText(true);
        // Wrapped labels get the height their text needs; two lines are kept free for an error, so the
        // window does not have to grow (and clip its buttons) when one appears.
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.setMinHeight(40);
        error.setId("prefs-error");
        // Two tabs, so the window fits 1024x768: transfers and browsing, then the connection (the default proxy).
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(
                new javafx.scene.control.Tab(msg.get("prefs.tab.transfers"), form),
                new javafx.scene.control.Tab(msg.get("prefs.tab.connection"), connection));
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("prefs-tabs");
        VBox content = new VBox(12, tabs, note, error);
        content.setPrefWidth(600);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);

        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("prefs-ok");
        Preferences[] saved = new Preferences[1];
        // Keep the dialog open while the input is invalid or the save failed; the error says why.
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            Optional<Preferences> p = vm.save();
            if (p.isEmpty()) {
                e.consume();
            } else {
                saved[0] = p.get();
            }
        });
        dialog.setResultConverter(b -> b == ButtonType.OK ? saved[0] : null);
        return dialog;
    }

    /**
     * The default proxy: its kind, then host and port on one line, then login and password on one; greyed while it
     * is "none".
     */
    private void proxyRows(GridPane form, int row, PreferencesViewModel vm) {
        List<ProxySettings.Type> kinds = new ArrayList<>();
        kinds.add(null);
        kinds.addAll(List.of(ProxySettings.Type.values()));
        ComboBox<ProxySettings.Type> type = new ComboBox<>();
        type.getItems().setAll(kinds);
        type.setCellFactory(l -> new NamedCell<>(this::proxyName));
        type.setButtonCell(new NamedCell<>(this::proxyName));
        type.valueProperty().bindBidirectional(vm.proxyType());
        type.setId("prefs-proxy-type");
        type.setMaxWidth(Double.MAX_VALUE);
        TextField host = new TextField();
        host.textProperty().bindBidirectional(vm.proxyHost());
        host.setId("prefs-proxy-host");
        TextField port = new TextField();
        port.textProperty().bindBidirectional(vm.proxyPort());
        port.setPromptText(msg.get("f.proxyPort.tip"));
        port.setId("prefs-proxy-port");
        port.setPrefColumnCount(6);
        TextField user = new TextField();
        user.textProperty().bindBidirectional(vm.proxyUser());
        user.setId("prefs-proxy-user");
        javafx.scene.control.PasswordField password = new javafx.scene.control.PasswordField();
        password.textProperty().bindBidirectional(vm.proxyPassword());
        password.setId("prefs-proxy-password");
        javafx.scene.layout.HBox where = new javafx.scene.layout.HBox(6, host, label("prefs.proxyPort"), port);
        javafx.scene.layout.HBox login = new javafx.scene.layout.HBox(6, user, label("prefs.proxyPassword"),
                password);
        for (javafx.scene.layout.HBox line : List.of(where, login)) {
            line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            line.getChildren().stream().filter(n -> n instanceof Label)
                    .forEach(n -> ((Label) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE));
        }
        javafx.scene.layout.HBox.setHgrow(host, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox.setHgrow(user, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox.setHgrow(password, javafx.scene.layout.Priority.ALWAYS);
        port.setMinWidth(70);
        Label passive = new Label(msg.get("prefs.proxy.note"));
        passive.setWrapText(true);
        passive.setId("prefs-proxy-note");
        passive.getStyleClass().add(Styles.PREFS_NOTE);
        passive.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.beans.binding.BooleanBinding none = vm.proxyType().isNull();
        where.disableProperty().bind(none);
        login.disableProperty().bind(none);
        form.addRow(row++, label("prefs.proxy"), type);
        form.addRow(row++, label("prefs.proxyHost"), where);
        form.addRow(row++, label("prefs.proxyUser"), login);
        form.add(passive, 0, row, 2, 1);
    }

    private String proxyName(ProxySettings.Type type) {
        return type == null ? msg.get("prefs.proxy.none") : msg.get("proxy." + type.name());
    }

    private TextField kibField(javafx.beans.property.StringProperty kib, String id) {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(kib);
        field.setPromptText(msg.get("prefs.bandwidth.none"));
        field.setId(id);
        return field;
    }

    private final class ActivationCell extends ListCell<FileActivation> {
        @Override
        protected void updateItem(FileActivation item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : msg.get("prefs.activation." + item.name().toLowerCase(Locale.ROOT)));
        }
    }

    private String conflictName(ConflictChoice c) {
        return msg.get("prefs.conflict." + (c == null ? "ask" : c.name().toLowerCase(Locale.ROOT)));
    }

    private Label label(String key) {
        return new Label(msg.get(key));
    }

    private static final class NamedCell<T> extends ListCell<T> {
        private final java.util.function.Function<T, String> name;

        NamedCell(java.util.function.Function<T, String> name) {
            this.name = name;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            // null is a real choice here ("ask"), so only an empty cell shows nothing.
            setText(empty ? null : name.apply(item));
        }
    }
}
