package org.ferryftp.ui.bookmarks;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Styles;

import java.util.Optional;
import java.util.function.Supplier;

/** {@link BookmarkDialogs} as JavaFX dialogs owned by the main window. */
public final class FxBookmarkDialogs implements BookmarkDialogs {

    private final Supplier<Window> owner;
    private final Messages msg;

    public FxBookmarkDialogs(Supplier<Window> owner, Messages msg) {
        this.owner = owner;
        this.msg = msg;
    }

    @Override
    public Optional<GlobalBookmark> askNew(GlobalBookmark proposal, String siteLabel) {
        Dialog<GlobalBookmark> d = dialog(msg.get("bookmarks.add.title"));
        TextField name = field("bookmark-name", proposal.name());
        TextField local = field("bookmark-local", proposal.localDir());
        TextField remote = field("bookmark-remote", proposal.remoteDir());
        CheckBox siteOnly = new CheckBox(siteLabel == null ? msg.get("bookmarks.add.anySite")
                : msg.format("bookmarks.add.siteOnly", siteLabel));
        siteOnly.setId("bookmark-site-only");
        siteOnly.setSelected(siteLabel != null && proposal.siteId() != null);
        siteOnly.setDisable(siteLabel == null);
        CheckBox sync = new CheckBox(msg.get("bookmarks.add.sync"));
        sync.setId("bookmark-sync");
        sync.setSelected(proposal.syncBrowsing());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, label("bookmarks.add.name", name), name);
        grid.addRow(1, label("bookmarks.add.local", local), local);
        grid.addRow(2, label("bookmarks.add.remote", remote), remote);
        grid.add(siteOnly, 1, 3);
        grid.add(sync, 1, 4);
        d.getDialogPane().setContent(grid);
        ButtonType save = new ButtonType(msg.get("bookmarks.add.save"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        // A bookmark needs a name and at least one folder.
        d.getDialogPane().lookupButton(save).disableProperty().bind(Bindings.createBooleanBinding(
                () -> name.getText().isBlank() || local.getText().isBlank() && remote.getText().isBlank(),
                name.textProperty(), local.textProperty(), remote.textProperty()));
        d.setResultConverter(b -> b == save ? new GlobalBookmark(name.getText(), local.getText(), remote.getText(),
                siteOnly.isSelected() ? proposal.siteId() : null, sync.isSelected()) : null);
        d.setOnShown(e -> name.requestFocus());
        return d.showAndWait();
    }

    @Override
    public void manage(BookmarksViewModel bookmarks) {
        Dialog<Void> d = dialog(msg.get("bookmarks.manage.title"));
        ListView<GlobalBookmark> list = new ListView<>(bookmarks.globals());
        list.setId("bookmarks-list");
        list.setPrefSize(520, 260);
        list.setPlaceholder(new Label(msg.get("bookmarks.manage.empty")));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(GlobalBookmark b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : describe(b));
            }
        });
        Button go = new Button(msg.get("bookmarks.manage.go"));
        go.setId("bookmarks-go");
        Button remove = new Button(msg.get("bookmarks.manage.remove"));
        remove.setId("bookmarks-remove");
        go.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.disableProperty().bind(go.disableProperty());
        Runnable goTo = () -> {
            GlobalBookmark b = list.getSelectionModel().getSelectedItem();
            if (b != null) {
                bookmarks.go(new BookmarksViewModel.Entry(b.name(), b.localDir(), b.remoteDir(), b.siteId(),
                        b.syncBrowsing(), true));
                d.close();
            }
        };
        go.setOnAction(e -> goTo.run());
        remove.setOnAction(e -> bookmarks.remove(list.getSelectionModel().getSelectedItem()));
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && !remove.isDisabled()) {
                bookmarks.remove(list.getSelectionModel().getSelectedItem());
            } else if (e.getCode() == KeyCode.ENTER) {
                goTo.run();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                goTo.run();
            }
        });
        Label hint = new Label(msg.get("bookmarks.manage.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.PREFS_NOTE);
        d.getDialogPane().setContent(new VBox(8, list, new HBox(8, go, remove), hint));
        d.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        d.setOnShown(e -> {
            list.getSelectionModel().selectFirst(); // Enter and Delete act at once
            list.requestFocus();
        });
        d.showAndWait();
    }

    private String describe(GlobalBookmark b) {
        String local = b.localDir() == null ? "\u2014" : b.localDir();
        String remote = b.remoteDir() == null ? "\u2014" : b.remoteDir();
        return msg.format("bookmarks.manage.row", b.name(), local, remote) + (b.syncBrowsing()
                ? "  " + msg.get("bookmarks.manage.sync") : "");
    }

    private <T> Dialog<T> dialog(String title) {
        Dialog<T> d = new Dialog<>();
        d.initOwner(owner.get());
        d.setTitle(title);
        d.setHeaderText(title);
        d.getDialogPane().getStyleClass().add(Styles.DIALOG);
        if (owner.get() != null && owner.get().getScene() != null) {
            d.getDialogPane().getStylesheets().addAll(owner.get().getScene().getStylesheets());
        }
        return d;
    }

    private static TextField field(String id, String text) {
        TextField f = new TextField(text == null ? "" : text);
        f.setId(id);
        f.setPrefColumnCount(32);
        return f;
    }

    private Label label(String key, TextField target) {
        Label l = new Label(msg.get(key));
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }
}
