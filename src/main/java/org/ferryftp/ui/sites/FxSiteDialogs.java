package org.ferryftp.ui.sites;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.ferryftp.ui.Messages;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link SiteDialogs} as JavaFX dialogs owned by the site manager's window. */
public final class FxSiteDialogs implements SiteDialogs {

    private final Supplier<Window> owner;
    private final Messages msg;

    public FxSiteDialogs(Supplier<Window> owner, Messages msg) {
        this.owner = owner;
        this.msg = msg;
    }

    @Override
    public Optional<String> askName(String title, String header, String initial) {
        return org.ferryftp.ui.TextPrompt.ask(owner.get(), title, header, initial);
    }

    @Override
    public boolean confirmDelete(String what) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, msg.get("dialog.delete.undo"), ButtonType.OK, ButtonType.CANCEL);
        a.initOwner(owner.get());
        a.setTitle(msg.get("dialog.delete.title"));
        a.setHeaderText(what);
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(ButtonType.OK)).setText(msg.get("dialog.delete.ok"));
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public boolean confirmReplaceDefaultProxy(String current, String imported) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, msg.format("dialog.proxy.replace", current, imported),
                ButtonType.YES, ButtonType.NO);
        a.initOwner(owner.get());
        a.setTitle(msg.get("site.import.title"));
        a.setHeaderText(msg.get("dialog.proxy.replace.header"));
        return a.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }

    @Override
    public Optional<Path> chooseFileZillaFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(msg.get("site.import.title"));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("sitemanager.xml", "*.xml"),
                new FileChooser.ExtensionFilter("*", "*"));
        for (Path dir : new Path[] {Path.of(System.getProperty("user.home"), ".config", "filezilla"),
                Path.of(System.getProperty("user.home"), "AppData", "Roaming", "FileZilla")}) {
            if (dir.toFile().isDirectory()) {
                chooser.setInitialDirectory(dir.toFile());
                break;
            }
        }
        File f = chooser.showOpenDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseKeyFile(String current) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(msg.get("site.keyFile.title"));
        File start = current == null || current.isBlank() ? null : new File(current.strip()).getParentFile();
        File ssh = Path.of(System.getProperty("user.home"), ".ssh").toFile();
        if (start != null && start.isDirectory()) {
            chooser.setInitialDirectory(start);
        } else if (ssh.isDirectory()) {
            chooser.setInitialDirectory(ssh);
        }
        File f = chooser.showOpenDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFerryFile() {
        File f = jsonChooser(msg.get("site.importFerry.title")).showOpenDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseExportFile() {
        FileChooser chooser = jsonChooser(msg.get("site.export.title"));
        chooser.setInitialFileName("ferry-sites.json");
        File f = chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    private static FileChooser jsonChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON", "*.json"),
                new FileChooser.ExtensionFilter("*", "*"));
        return chooser;
    }

    @Override
    public Optional<Boolean> askExportPasswords() {
        ButtonType without = new ButtonType(msg.get("site.export.ask.without"), ButtonBar.ButtonData.NO);
        ButtonType with = new ButtonType(msg.get("site.export.ask.with"), ButtonBar.ButtonData.YES);
        Alert a = new Alert(Alert.AlertType.WARNING, msg.get("site.export.ask.text"), without, with, ButtonType.CANCEL);
        a.initOwner(owner.get());
        a.setTitle(msg.get("site.export.title"));
        a.setHeaderText(msg.get("site.export.ask.header"));
        return a.showAndWait().filter(b -> b != ButtonType.CANCEL).map(b -> b == with);
    }

    @Override
    public Optional<String> askPassphrase(boolean creating) {
        javafx.scene.control.Dialog<String> d = new javafx.scene.control.Dialog<>();
        d.initOwner(owner.get());
        d.setTitle(msg.get(creating ? "site.export.title" : "site.importFerry.title"));
        d.setHeaderText(msg.get(creating ? "site.passphrase.new" : "site.passphrase.open"));
        javafx.scene.control.PasswordField first = new javafx.scene.control.PasswordField();
        first.setId("passphrase");
        javafx.scene.control.PasswordField second = new javafx.scene.control.PasswordField();
        second.setId("passphrase-repeat");
        second.setPromptText(msg.get("site.passphrase.repeat"));
        javafx.scene.layout.VBox box = creating ? new javafx.scene.layout.VBox(8, first, second)
                : new javafx.scene.layout.VBox(8, first);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(first.textProperty().isEmpty()
                .or(creating ? first.textProperty().isNotEqualTo(second.textProperty())
                        : javafx.beans.binding.Bindings.createBooleanBinding(() -> false)));
        d.setResultConverter(b -> b == ButtonType.OK ? first.getText() : null);
        javafx.application.Platform.runLater(first::requestFocus);
        return d.showAndWait();
    }

    @Override
    public void showInfo(String title, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner.get());
        a.setTitle(title);
        a.setHeaderText(title);
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(Math.min(14, Math.max(3, (int) text.lines().count() + 1)));
        a.getDialogPane().setContent(area);
        a.setResizable(true);
        a.showAndWait();
    }
}
