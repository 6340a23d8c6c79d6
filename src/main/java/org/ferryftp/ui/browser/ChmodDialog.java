package org.ferryftp.ui.browser;

import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.ferryftp.fs.FileEntry;
import org.ferryftp.ui.Messages;

import java.util.List;

/** rwx checkboxes for owner, group and others, kept in step with an octal field; optional recursion. */
final class ChmodDialog extends Dialog<PaneDialogs.ChmodChoice> {

    private final CheckBox[] bits = new CheckBox[9];
    private final TextField octal = new TextField();
    private boolean syncing;

    ChmodDialog(Messages msg, List<FileEntry> entries, int mode, Window owner) {
        initOwner(owner);
        setTitle(msg.get("dialog.chmod.title"));
        setHeaderText(entries.size() == 1 ? msg.format("dialog.chmod.one", entries.get(0).name())
                : msg.format("dialog.chmod.many", entries.size()));
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(8);
        String[] who = {msg.get("chmod.owner"), msg.get("chmod.group"), msg.get("chmod.others")};
        String[] what = {msg.get("chmod.read"), msg.get("chmod.write"), msg.get("chmod.execute")};
        for (int c = 0; c < 3; c++) {
            grid.add(new Label(what[c]), c + 1, 0);
        }
        for (int r = 0; r < 3; r++) {
            grid.add(new Label(who[r]), 0, r + 1);
            for (int c = 0; c < 3; c++) {
                int i = r * 3 + c;
                bits[i] = new CheckBox();
                bits[i].setId("chmod-bit-" + i);
                bits[i].selectedProperty().addListener((o, a, b) -> fromBoxes());
                grid.add(bits[i], c + 1, r + 1);
            }
        }
        octal.setId("chmod-octal");
        octal.setPrefColumnCount(5);
        octal.textProperty().addListener((o, a, t) -> fromOctal(t));
        grid.add(new Label(msg.get("chmod.octal")), 0, 4);
        grid.add(octal, 1, 4, 3, 1);
        CheckBox recursive = new CheckBox(msg.get("chmod.recursive"));
        recursive.setId("chmod-recursive");
        recursive.setDisable(entries.stream().noneMatch(FileEntry::isDirectory));
        getDialogPane().setContent(new VBox(12, grid, recursive));
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(octal.textProperty().map(t -> PermissionBits.parseOctal(t) < 0));
        octal.setText(PermissionBits.toOctal(mode));
        setResultConverter(b -> b == ButtonType.OK
                ? new PaneDialogs.ChmodChoice(PermissionBits.toOctal(PermissionBits.parseOctal(octal.getText())),
                recursive.isSelected()) : null);
    }

    private void fromBoxes() {
        if (syncing) {
            return;
        }
        int mode = 0;
        for (int i = 0; i < 9; i++) {
            if (bits[i].isSelected()) {
                mode |= 1 << (8 - i);
            }
        }
        syncing = true;
        octal.setText(PermissionBits.toOctal(mode));
        syncing = false;
    }

    private void fromOctal(String text) {
        int mode = PermissionBits.parseOctal(text);
        if (syncing || mode < 0) {
            return;
        }
        syncing = true;
        for (int i = 0; i < 9; i++) {
            bits[i].setSelected((mode & (1 << (8 - i))) != 0);
        }
        syncing = false;
    }
}
