package org.ferryftp.ui.edit;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.TextPrompt;

import java.util.Optional;
import java.util.function.Supplier;

/** The edit questions as JavaFX alerts; buttons have ids ("edit-upload", ...) and mnemonics for the keyboard. */
public final class FxEditDialogs implements EditDialogs {

    private final Supplier<Window> owner;
    private final Messages msg;

    public FxEditDialogs(Supplier<Window> owner, Messages msg) {
        this.owner = owner;
        this.msg = msg;
    }

    @Override
    public UploadAnswer askUpload(String file) {
        ButtonType upload = new ButtonType(msg.get("edit.upload"), ButtonBar.ButtonData.OK_DONE);
        ButtonType always = new ButtonType(msg.get("edit.alwaysUpload"), ButtonBar.ButtonData.OTHER);
        ButtonType no = new ButtonType(msg.get("edit.doNotUpload"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = alert(Alert.AlertType.CONFIRMATION, msg.get("edit.saved.title"),
                msg.format("edit.saved.header", file), msg.get("edit.saved.text"), upload, always, no);
        lookupIds(a, upload, "edit-upload", always, "edit-always-upload", no, "edit-do-not-upload");
        ButtonType answer = a.showAndWait().orElse(no);
        return answer == upload ? UploadAnswer.UPLOAD : answer == always ? UploadAnswer.ALWAYS_UPLOAD
                : UploadAnswer.DO_NOT_UPLOAD;
    }

    @Override
    public ChangedAnswer askChanged(String file, boolean gone, String suggested) {
        ButtonType overwrite = new ButtonType(msg.get(gone ? "edit.uploadAgain" : "edit.overwrite"),
                ButtonBar.ButtonData.OK_DONE);
        ButtonType saveAs = new ButtonType(msg.get("edit.saveAs"), ButtonBar.ButtonData.OTHER);
        ButtonType cancel = new ButtonType(msg.get("edit.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = alert(Alert.AlertType.WARNING, msg.get("edit.changed.title"),
                msg.format(gone ? "edit.gone.header" : "edit.changed.header", file),
                msg.get(gone ? "edit.gone.text" : "edit.changed.text"), overwrite, saveAs, cancel);
        lookupIds(a, overwrite, "edit-overwrite", saveAs, "edit-save-as", cancel, "edit-cancel");
        // Overwriting someone else's change is not what Enter should do.
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(overwrite)).setDefaultButton(false);
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        ButtonType answer = a.showAndWait().orElse(cancel);
        if (answer == overwrite) {
            return new ChangedAnswer.Overwrite();
        }
        if (answer == saveAs) {
            Optional<String> name = TextPrompt.ask(owner.get(), msg.get("edit.saveAs.title"),
                    msg.format("edit.saveAs.header", file), suggested)
                    .map(String::strip).filter(n -> !n.isEmpty() && !n.contains("/"));
            return name.<ChangedAnswer>map(ChangedAnswer.SaveAs::new).orElse(new ChangedAnswer.Cancel());
        }
        return new ChangedAnswer.Cancel();
    }

    @Override
    public Optional<java.nio.file.Path> askProgram(String file) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(msg.format("edit.openWith.title", file));
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(java.io.File::toPath);
    }

    private Alert alert(Alert.AlertType type, String title, String header, String text, ButtonType... buttons) {
        Alert a = new Alert(type, text, buttons);
        a.initOwner(owner.get());
        a.setTitle(title);
        a.setHeaderText(header);
        a.getDialogPane().setId("edit-dialog");
        return a;
    }

    private static void lookupIds(Alert a, Object... typesAndIds) {
        for (int i = 0; i < typesAndIds.length; i += 2) {
            a.getDialogPane().lookupButton((ButtonType) typesAndIds[i]).setId((String) typesAndIds[i + 1]);
        }
    }
}
