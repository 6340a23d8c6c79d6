package org.ferryftp.ui.tls;

import javafx.scene.control.Label;
import javafx.stage.Window;
import org.ferryftp.ftp.ServerCertificate;
import org.ferryftp.site.trust.CertificatePrompt;
import org.ferryftp.site.trust.CertificateQuestion;
import org.ferryftp.site.trust.TrustDecision;
import org.ferryftp.ui.Messages;
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
        return TrustDialog.ask(question, answer -> show(q, answer));
    }

    /** Shows the dialog (FX thread); returns what closes it unanswered. */
    Runnable show(CertificateQuestion q, Consumer<TrustDecision> answer) {
        ServerCertificate c = q.certificate();
        Label problem = new Label(msg.format("tls.problem", c.problem()));
        problem.setWrapText(true);
        TrustDialog d = new TrustDialog(msg, "certificate")
                .fact("tls.subject", c.subject())
                .fact("tls.issuer", c.isSelfSigned() ? msg.get("tls.self-signed") : c.issuer())
                .fact("tls.valid", dates.format(c.notBefore()) + "  \u2013  " + dates.format(c.notAfter()))
                .fact("tls.names", c.names().isEmpty() ? "\u2014" : String.join(", ", c.names()))
                .fingerprint("tls.fingerprint", c.sha256(), "fingerprint");
        if (q.changed()) {
            d.fingerprint("tls.previous", q.previousFingerprint(), "previous");
        }
        String header = q.changed() ? msg.format("tls.changed", q.siteName(), c.host())
                : msg.format("tls.untrusted", q.siteName(), c.host());
        return d.show(owner.get(), "tls.title", header, q.changed(), "tls.once", "tls.always", "tls.cancel", answer,
                problem);
    }
}
