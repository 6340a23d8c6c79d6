package org.ferryftp.ui.main;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Styles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/** The Help menu's windows: the keyboard-shortcut sheet, the user guide and About. Escape closes each. */
final class HelpWindows {

    private final Messages msg;
    private final Supplier<Window> owner;

    HelpWindows(Messages msg, Supplier<Window> owner) {
        this.msg = msg;
        this.owner = owner;
    }

    void shortcuts(List<MainMenu.Shortcut> shortcuts) {
        TableView<MainMenu.Shortcut> table = new TableView<>();
        table.setId("shortcut-sheet");
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        TableColumn<MainMenu.Shortcut, String> keys = new TableColumn<>(msg.get("help.shortcuts.keys"));
        keys.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().keys()));
        keys.setPrefWidth(160);
        TableColumn<MainMenu.Shortcut, String> action = new TableColumn<>(msg.get("help.shortcuts.action"));
        action.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().action()));
        action.setPrefWidth(340);
        table.getColumns().add(keys);
        table.getColumns().add(action);
        table.getItems().setAll(shortcuts);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        show("help-shortcuts", msg.get("help.shortcuts.title"), table, 560, 620);
    }

    void guide() {
        TextFlow flow = new TextFlow();
        flow.setId("user-guide");
        flow.getStyleClass().add("ferry-guide");
        // A small markdown subset: "# " and "## " lines are headings, the rest paragraphs.
        for (String line : resource("guide.md").split("\n")) {
            Text t = new Text(line.replaceFirst("^#+ ", "") + "\n");
            t.getStyleClass().add(line.startsWith("## ") ? "ferry-guide-h2" : line.startsWith("# ") ? "ferry-guide-h1"
                    : "ferry-guide-text");
            flow.getChildren().add(t);
        }
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(flow);
        scroll.setFitToWidth(true);
        scroll.setPadding(new javafx.geometry.Insets(12, 16, 12, 16));
        show("help-guide", msg.get("help.guide.title"), scroll, 720, 640);
    }

    void about() {
        String version = java.util.Optional.ofNullable(HelpWindows.class.getPackage().getImplementationVersion())
                .orElse(msg.get("help.about.devVersion"));
        Label title = new Label(msg.get("app.title") + " " + version);
        title.getStyleClass().add("ferry-about-title");
        Label intro = new Label(msg.format("help.about.runtime", System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version", "?")));
        TableView<BundledLibraries.Library> libs = new TableView<>();
        libs.setId("about-libraries");
        libs.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        libs.getColumns().add(column(msg.get("help.about.library"), 260, l -> l.group() + ":" + l.artifact()));
        libs.getColumns().add(column(msg.get("help.about.version"), 90, BundledLibraries.Library::version));
        libs.getColumns().add(column(msg.get("help.about.licence"), 300, l -> l.licences().isEmpty()
                ? (l.url().isEmpty() ? msg.get("help.about.unstated") : msg.format("help.about.seeProject", l.url()))
                : String.join(", ", l.licences())));
        libs.getItems().setAll(BundledLibraries.ofThisProcess());
        libs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox box = new VBox(8, title, intro, new Label(msg.format("help.about.libraries", libs.getItems().size())),
                libs);
        box.setPadding(new javafx.geometry.Insets(14));
        javafx.scene.layout.VBox.setVgrow(libs, javafx.scene.layout.Priority.ALWAYS);
        show("help-about", msg.get("help.about.title"), box, 760, 560);
    }

    private static TableColumn<BundledLibraries.Library, String> column(String title, double width,
            java.util.function.Function<BundledLibraries.Library, String> text) {
        TableColumn<BundledLibraries.Library, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private void show(String id, String title, javafx.scene.Parent content, double width, double height) {
        Stage stage = new Stage();
        Window o = owner.get();
        if (o != null) {
            stage.initOwner(o);
        }
        stage.initModality(Modality.NONE);
        stage.setTitle(title);
        BorderPane root = new BorderPane(content);
        root.setId(id);
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(HelpWindows.class.getResource(Styles.STYLESHEET).toExternalForm());
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.show();
    }

    private static String resource(String name) {
        try (InputStream in = HelpWindows.class.getResourceAsStream(name)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
