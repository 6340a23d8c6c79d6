package org.ferryftp.ui.tls;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.ferryftp.site.trust.TrustDecision;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Styles;
import org.ferryftp.ui.concurrent.FxQuestion;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the certificate and host-key dialogs share: a header (an alarm when what was trusted has changed), a grid
 * of facts with selectable fingerprints, and Trust once / Always trust / Cancel, where Cancel is the default
 * for a change so Enter never accepts a possible attack.
 */
final class TrustDialog {

    private final Messages msg;
    private final String idPrefix;
    private final GridPane facts = new GridPane();
    private int row;

    /** @param idPrefix the controls' ids start with it ({@code certificate}, {@code hostkey}) */
    TrustDialog(Messages msg, String idPrefix) {
        this.msg = msg;
        this.idPrefix = idPrefix;
        facts.getStyleClass().add(Styles.TLS_FACTS);
    }

    /** Asks on the FX thread and waits (worker thread); a dialog closed unanswered rejects. */
    static TrustDecision ask(FxQuestion question, Function<Consumer<TrustDecision>, Runnable> show)
            throws InterruptedException {
        TrustDecision d = question.ask(show);
        return d == null ? TrustDecision.REJECT : d;
    }

    /** A row of plain text. */
    TrustDialog fact(String labelKey, String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        facts.addRow(row++, key(labelKey), l);
        return this;
    }

    /** A row with a fingerprint, selectable so it can be compared; {@code id} is appended to the prefix. */
    TrustDialog fingerprint(String labelKey, String fingerprint, String id) {
        facts.addRow(row++, key(labelKey), fingerprintArea(fingerprint, idPrefix + "-" + id));
        return this;
    }

    /**
     * Shows the dialog (FX thread) and returns what closes it unanswered.
     *
     * @param header  the first line: what is being asked, or the alarm when {@code changed}
     * @param details lines between the header and the facts (may be empty)
     */
    Runnable show(Window owner, String titleKey, String header, boolean changed, String onceKey, String alwaysKey,
                  String cancelKey, Consumer<TrustDecision> answer, Node... details) {
        Dialog<TrustDecision> dialog = new Dialog<>();
        dialog.setTitle(msg.get(titleKey));
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.getDialogPane().getStylesheets().add(
                TrustDialog.class.getResource(Styles.STYLESHEET).toExternalForm());
        dialog.getDialogPane().getStyleClass().add(Styles.TLS_DIALOG);
        dialog.getDialogPane().setId(idPrefix + "-dialog");
        Label top = new Label(header);
        top.setId(idPrefix + "-header");
        top.setWrapText(true);
        top.getStyleClass().add(changed ? Styles.TLS_WARNING : Styles.TLS_HEADER);
        VBox content = new VBox(10, top);
        content.getChildren().addAll(details);
        content.getChildren().add(facts);
        content.setPrefWidth(720);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setMinWidth(760);

        ButtonType once = new ButtonType(msg.get(onceKey), ButtonBar.ButtonData.OTHER);
        ButtonType always = new ButtonType(msg.get(alwaysKey), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(msg.get(cancelKey), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(once, always, cancel);
        dialog.getDialogPane().lookupButton(once).setId(idPrefix + "-trust-once");
        dialog.getDialogPane().lookupButton(always).setId(idPrefix + "-trust-always");
        dialog.getDialogPane().lookupButton(cancel).setId(idPrefix + "-cancel");
        if (changed) {
            // A change may be an attack: Enter must not accept it.
            ((Button) dialog.getDialogPane().lookupButton(always)).setDefaultButton(false);
            ((Button) dialog.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        }
        dialog.setResultConverter(b -> b == once ? TrustDecision.TRUST_ONCE
                : b == always ? TrustDecision.TRUST_ALWAYS : TrustDecision.REJECT);
        dialog.setOnHidden(e -> answer.accept(dialog.getResult() == null ? TrustDecision.REJECT : dialog.getResult()));
        dialog.show();
        return dialog::close;
    }

    private Label key(String k) {
        Label l = new Label(msg.get(k));
        l.getStyleClass().add(Styles.TLS_KEY);
        return l;
    }

    private static TextArea fingerprintArea(String fp, String id) {
        // Read-only text, so the fingerprint can be selected and compared with what the admin gave; a long
        // colon-separated one in two lines of 16 bytes, so it is shown whole.
        int half = fp.length() > 48 ? fp.indexOf(':', fp.length() / 2 - 1) : -1;
        TextArea f = new TextArea(half > 0 ? fp.substring(0, half + 1) + "\n" + fp.substring(half + 1) : fp);
        f.setEditable(false);
        f.setId(id);
        f.getStyleClass().add(Styles.MONO);
        f.setPrefRowCount(half > 0 ? 2 : 1);
        f.setPrefColumnCount(50);
        return f;
    }
}
