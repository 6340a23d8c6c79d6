package org.ferryftp.ui.browser;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.ferryftp.fs.FileEntry;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Styles;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link PaneDialogs} as JavaFX dialogs owned by the main window. */
public final class FxPaneDialogs implements PaneDialogs {

    private final Supplier<Window> owner;
    private final Messages msg;

    public FxPaneDialogs(Supplier<Window> owner, Messages msg) {
        this.owner = owner;
        this.msg = msg;
    }

    @Override
    public Optional<String> askNewFolderName() {
        return ask(msg.get("dialog.mkdir.title"), msg.get("dialog.mkdir.header"), msg.get("dialog.mkdir.default"));
    }

    @Override
    public Optional<String> askNewName(String current) {
        return ask(msg.get("dialog.rename.title"), msg.format("dialog.rename.header", current), current);
    }

    private Optional<String> ask(String title, String header, String initial) {
        return org.ferryftp.ui.TextPrompt.ask(owner.get(), title, header, initial);
    }

    @Override
    public Optional<String> askCommand(String site) {
        return ask(msg.get("dialog.command.title"), msg.format("dialog.command.header", site), "");
    }

    @Override
    public void showReply(String command, String reply) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner.get());
        a.setTitle(msg.get("dialog.command.title"));
        a.setHeaderText(command);
        javafx.scene.control.TextArea text = new javafx.scene.control.TextArea(reply);
        text.setId("command-reply");
        text.setEditable(false);
        text.setWrapText(true);
        // A dialog gives its content no more than its computed height: fix the size (a long SITE HELP scrolls).
        text.setPrefSize(600, Math.min(320, 40 + 18 * reply.lines().count()));
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        a.setResizable(true);
        a.getDialogPane().setContent(text);
        a.getDialogPane().getStylesheets().add(FxPaneDialogs.class.getResource(Styles.STYLESHEET).toExternalForm());
        a.getDialogPane().getStyleClass().add(Styles.DIALOG);
        a.showAndWait();
    }

    @Override
    public boolean confirmDelete(List<FileEntry> entries) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.OK, ButtonType.CANCEL);
        a.initOwner(owner.get());
        a.setTitle(msg.get("dialog.delete.title"));
        long folders = entries.stream().filter(FileEntry::isDirectory).count();
        a.setHeaderText(entries.size() == 1 ? msg.format("dialog.delete.one", entries.get(0).name())
                : msg.format("dialog.delete.many", entries.size()));
        a.setContentText(folders > 0 ? msg.get("dialog.delete.recursive") : msg.get("dialog.delete.undo"));
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(ButtonType.OK)).setText(msg.get("dialog.delete.ok"));
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public Optional<ChmodChoice> askPermissions(List<FileEntry> entries, int currentMode) {
        return new ChmodDialog(msg, entries, currentMode, owner.get()).showAndWait();
    }

    @Override
    public void showProperties(FileEntry e, String path, String url) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner.get());
        a.setTitle(msg.get("dialog.properties.title"));
        a.setHeaderText(e.name());
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        String[][] rows = {
            {msg.get("prop.path"), path},
            {msg.get("prop.url"), url},
            {msg.get("prop.kind"), msg.get(switch (e.kind()) {
                case DIRECTORY -> "type.folder";
                case SYMLINK -> "type.link";
                case OTHER -> "type.other";
                default -> "type.file";
            })},
            {msg.get("prop.size"), e.size() < 0 ? "—" : FileRows.humanSize(e.size()) + " (" + e.size() + " B)"},
            {msg.get("prop.modified"), e.modified() == null ? "—" : e.modified().toString()},
            {msg.get("prop.permissions"), e.permissions().isEmpty() ? "—" : e.permissions()},
            {msg.get("prop.owner"), (e.owner() + " " + e.group()).trim()},
            {msg.get("prop.link"), e.linkTarget() == null ? "—" : e.linkTarget()},
        };
        for (int i = 0; i < rows.length; i++) {
            Label value = new Label(rows[i][1]);
            value.setWrapText(true);
            grid.addRow(i, new Label(rows[i][0]), value);
        }
        a.getDialogPane().setContent(grid);
        // The padding of Ferry's other dialogs (ferry.css: .ferry-dialog).
        a.getDialogPane().getStylesheets().add(FxPaneDialogs.class.getResource(Styles.STYLESHEET).toExternalForm());
        a.getDialogPane().getStyleClass().add(Styles.DIALOG);
        a.showAndWait();
    }
}
