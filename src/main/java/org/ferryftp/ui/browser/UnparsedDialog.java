package org.ferryftp.ui.browser;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Styles;

import java.util.List;

/** Shows the listing lines Ferry could not understand (or refused as unsafe). */
final class UnparsedDialog {

    private UnparsedDialog() {
    }

    static void show(Node owner, Messages msg, List<String> lines) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.initOwner(owner.getScene().getWindow());
        alert.setTitle(msg.get("unparsed.title"));
        alert.setHeaderText(msg.format("unparsed.tooltip", lines.size()));
        TextArea area = new TextArea(String.join("\n", lines.stream().map(UnparsedDialog::printable).toList()));
        area.setEditable(false);
        area.getStyleClass().add(Styles.MONO);
        area.setPrefSize(640, 280);
        alert.getDialogPane().setContent(area);
        alert.showAndWait();
    }

    /** Control characters from a hostile server are shown escaped, never interpreted. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }
}
