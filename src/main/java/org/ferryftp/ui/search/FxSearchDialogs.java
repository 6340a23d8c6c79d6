package org.ferryftp.ui.search;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.ferryftp.ui.Messages;

import java.util.List;

/** {@link SearchDialogs} as JavaFX alerts, worded as the pane's own delete question. */
public final class FxSearchDialogs implements SearchDialogs {

    private final Messages msg;
    private final Window owner;

    public FxSearchDialogs(Messages msg, Window owner) {
        this.msg = msg;
        this.owner = owner;
    }

    @Override
    public boolean confirmDelete(List<SearchHit> hits) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.OK, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle(msg.get("dialog.delete.title"));
        a.setHeaderText(hits.size() == 1 ? msg.format("dialog.delete.one", hits.get(0).path())
                : msg.format("dialog.delete.many", hits.size()));
        boolean folders = hits.stream().anyMatch(SearchHit::directory);
        a.setContentText(folders ? msg.get("dialog.delete.recursive") : msg.get("dialog.delete.undo"));
        ((Button) a.getDialogPane().lookupButton(ButtonType.OK)).setText(msg.get("dialog.delete.ok"));
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }
}
