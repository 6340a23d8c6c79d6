package org.ferryftp.ui.main;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Styles;

import java.util.function.Consumer;

/** Host, port, user, password and Connect: an ad-hoc site opened in the active pane (or saved as a site). */
final class QuickConnectBar {

    private final HBox box;

    QuickConnectBar(Messages msg, Consumer<QuickConnect.Result> connect, Consumer<QuickConnect.Result> save) {
        TextField host = field("quick-host", msg.get("quick.host.prompt"), 16);
        TextField port = field("quick-port", "21", 4);
        TextField user = field("quick-user", msg.get("quick.user.prompt"), 10);
        PasswordField password = new PasswordField();
        password.setId("quick-password");
        password.setPrefColumnCount(10);
        Button go = new Button(msg.get("quick.connect"));
        go.setId("quick-connect");
        go.getStyleClass().add("accent");
        Runnable submit = () -> {
            connect.accept(QuickConnect.parse(host.getText(), port.getText(), user.getText(), password.getText()));
            password.clear();
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
        box = new HBox(6, label(msg.get("quick.host"), host), host, label(msg.get("quick.port"), port), port,
                label(msg.get("quick.user"), user), user, label(msg.get("quick.password"), password), password, go, saveAs);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add(Styles.QUICK_CONNECT);
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
