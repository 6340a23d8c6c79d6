package org.ferryftp.ui.tls;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.ferryftp.ftp.ServerCertificate;
import org.ferryftp.site.trust.CertificatePrompt;
import org.ferryftp.site.trust.CertificateQuestion;
import org.ferryftp.site.trust.TrustDecision;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Styles;
import org.ferryftp.ui.concurrent.FxQuestion;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Asks whether to trust a server certificate the trust store does not vouch for: subject, issuer,
 * validity, names and SHA-256 fingerprint, with Trust once / Always trust for this site / Cancel. A
 * certificate that replaces one trusted before gets a loud warning, and Cancel is the default.
 */
public final class CertificateTrustDialog implements CertificatePrompt {

    private final Messages msg;
    private final Supplier<Window> owner;
    private final FxQuestion question;
    private final DateTimeFormatter dates =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());

    public CertificateTrustDialog(Messages msg, Supplier<Window> owner, FxQuestion question) {
        this.msg = msg;
        this.owner = owner;
        this.question = question;
    }

    @Override
    public TrustDecision ask(CertificateQuestion q) throws InterruptedException {
        TrustDecision d = question.ask(answer -> show(q, answer));
        return d == null ? TrustDecision.REJECT : d;
    }

    /** Shows the dialog (FX thread); returns what closes it unanswered. */
    Runnable show(CertificateQuestion q, Consumer<TrustDecision> answer) {
        Dialog<TrustDecision> dialog = new Dialog<>();
        dialog.setTitle(msg.get("tls.title"));
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.getDialogPane().getStylesheets().add(
                CertificateTrustDialog.class.getResource(Styles.STYLESHEET).toExternalForm());
        dialog.getDialogPane().getStyleClass().add(Styles.TLS_DIALOG);
        dialog.getDialogPane().setId("certificate-dialog");
        ServerCertificate c = q.certificate();

        Label header = new Label(q.changed() ? msg.format("tls.changed", q.siteName(), c.host())
                : msg.format("tls.untrusted", q.siteName(), c.host()));
        header.setWrapText(true);
        header.getStyleClass().add(q.changed() ? Styles.TLS_WARNING : Styles.TLS_HEADER);
        Label problem = new Label(msg.format("tls.problem", c.problem()));
        problem.setWrapText(true);

        GridPane facts = new GridPane();
        facts.getStyleClass().add(Styles.TLS_FACTS);
        int row = 0;
        facts.addRow(row++, key("tls.subject"), value(c.subject()));
        facts.addRow(row++, key("tls.issuer"), value(c.isSelfSigned() ? msg.get("tls.self-signed") : c.issuer()));
        facts.addRow(row++, key("tls.valid"), value(dates.format(c.notBefore()) + "  –  " + dates.format(c.notAfter())));
        facts.addRow(row++, key("tls.names"), value(c.names().isEmpty() ? "—" : String.join(", ", c.names())));
        facts.addRow(row++, key("tls.fingerprint"), fingerprint(c.sha256(), "certificate-fingerprint"));
        if (q.changed()) {
            facts.addRow(row, key("tls.previous"), fingerprint(q.previousFingerprint(), "certificate-previous"));
        }
        VBox content = new VBox(10, header, problem, facts);
        content.setPrefWidth(720);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setMinWidth(760);

        ButtonType once = new ButtonType(msg.get("tls.once"), ButtonBar.ButtonData.OTHER);
        ButtonType always = new ButtonType(msg.get("tls.always"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(msg.get("tls.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(once, always, cancel);
        dialog.getDialogPane().lookupButton(once).setId("certificate-trust-once");
        dialog.getDialogPane().lookupButton(always).setId("certificate-trust-always");
        dialog.getDialogPane().lookupButton(cancel).setId("certificate-cancel");
        if (q.changed()) {
            // A changed certificate may be an attack: Enter must not accept it.
            ((javafx.scene.control.Button) dialog.getDialogPane().lookupButton(always)).setDefaultButton(false);
            ((javafx.scene.control.Button) dialog.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
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

    private static Label value(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    private static TextArea fingerprint(String fp, String id) {
        // Read-only text, so the fingerprint can be selected and compared with what the admin gave;
        // two lines of 16 bytes, so it is shown whole.
        int half = fp.length() > 48 ? fp.indexOf(':', fp.length() / 2 - 1) : -1;
        TextArea f = new TextArea(half > 0 ? fp.substring(0, half + 1) + "\n" + fp.substring(half + 1) : fp);
        f.setEditable(false);
        f.setId(id);
        f.getStyleClass().add(Styles.MONO);
        f.setPrefRowCount(2);
        f.setPrefColumnCount(50);
        return f;
    }
}
