package org.ferryftp.ui.main;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;

import java.util.function.Consumer;

/**
 * Host, port, user, password and Connect: an ad-hoc site opened in the active pane (or saved as a site). A drop-down
 * offers the recent connections (host, port and user; never passwords) when a history is given.
 */
final class QuickConnectBar {

    private final HBox box;
    private TextField hostField;
    private final MenuButton recent = new MenuButton();

    /** @param history the recent connections, or null to keep none */
    QuickConnectBar(Messages msg, Consumer<QuickConnect.Result> connect, Consumer<QuickConnect.Result> save,
                    QuickConnectHistory history) {
        TextField host = field("quick-host", msg.get("quick.host.prompt"), 16);
        hostField = host;
        TextField port = field("quick-port", "21", 4);
        TextField user = field("quick-user", msg.get("quick.user.prompt"), 10);
        PasswordField password = new PasswordField();
        password.setId("quick-password");
        password.setPrefColumnCount(10);
        Button go = new Button(msg.get("quick.connect"));
        go.setId("quick-connect");
        go.getStyleClass().add("accent");
        Runnable submit = () -> {
            QuickConnect.Result result = QuickConnect.parse(host.getText(), port.getText(), user.getText(),
                    password.getText());
            connect.accept(result);
            password.clear();
            if (history != null && result.site() != null) {
                history.remember(result);
                fill(history, host, port, user, password);
            }
        };
        go.setOnAction(e -> submit.run());
        Button saveAs = new Button(msg.get("quick.save"));
        saveAs.setId("quick-save");
        saveAs.getStyleClass().add("flat");
        saveAs.setMnemonicParsing(false);
        saveAs.setOnAction(e -> {
            save.accept(QuickConnect.parse(host.getText(), port.getText(), user.getText(), password.getText()));
            password.clear();
        });
        host.setOnAction(e -> submit.run());
        port.setOnAction(e -> submit.run());
        user.setOnAction(e -> submit.run());
        password.setOnAction(e -> submit.run());
        HBox.setHgrow(host, Priority.SOMETIMES);
        recent.setId("quick-history");
        recent.setGraphic(new FontIcon(MaterialDesignH.HISTORY));
        recent.getStyleClass().add("flat");
        recent.setTooltip(new javafx.scene.control.Tooltip(msg.get("quick.history")));
        recent.setVisible(history != null);
        recent.setManaged(history != null);
        if (history != null) {
            fill(history, host, port, user, password);
        }
        box = new HBox(6, label(msg.get("quick.host"), host), host, recent, label(msg.get("quick.port"), port), port,
                label(msg.get("quick.user"), user), user, label(msg.get("quick.password"), password), password, go, saveAs);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add(Styles.QUICK_CONNECT);
        // On a narrow window (1024x768) the fields give way; labels and buttons keep their whole text.
        for (javafx.scene.Node n : box.getChildren()) {
            if (n instanceof javafx.scene.control.Labeled labeled) {
                labeled.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            } else if (n instanceof TextField f) {
                f.setMinWidth(f == host ? 120 : 50);
            }
        }
    }

    /** One menu item per recent connection; choosing one fills in host, port and user. */
    private void fill(QuickConnectHistory history, TextField host, TextField port, TextField user, PasswordField password) {
        recent.getItems().clear();
        for (QuickConnectHistory.Entry e : history.entries()) {
            MenuItem item = new MenuItem(e.label());
            item.setMnemonicParsing(false);
            item.setOnAction(a -> {
                host.setText(e.host());
                port.setText(e.port() == 21 ? "" : Integer.toString(e.port()));
                user.setText(e.user().equals("anonymous") ? "" : e.user());
                password.clear();
                password.requestFocus();
            });
            recent.getItems().add(item);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    /** File, Quick connect: the cursor into the host field. */
    void focus() {
        hostField.requestFocus();
        hostField.selectAll();
    }

    HBox node() {
        return box;
    }

    private static Label label(String text, javafx.scene.Node target) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        return l;
    }

    private static TextField field(String id, String prompt, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(columns);
        return f;
    }
}
