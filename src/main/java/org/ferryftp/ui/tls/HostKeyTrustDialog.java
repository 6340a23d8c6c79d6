package org.ferryftp.ui.tls;

import javafx.scene.control.Label;
import javafx.stage.Window;
import org.ferryftp.site.trust.HostKeyPrompt;
import org.ferryftp.site.trust.HostKeyQuestion;
import org.ferryftp.site.trust.TrustDecision;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.concurrent.FxQuestion;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Asks whether to trust an SSH host key the known-hosts files do not hold: host, key type and {@code SHA256:}
 * fingerprint, with Trust once / Always trust this key / Cancel. A key that differs from the one recorded for the
 * host raises an alarm, shows the recorded fingerprint and where it is recorded, and makes Cancel the default.
 */
public final class HostKeyTrustDialog implements HostKeyPrompt {

    private final Messages msg;
    private final Supplier<Window> owner;
    private final FxQuestion question;

    public HostKeyTrustDialog(Messages msg, Supplier<Window> owner, FxQuestion question) {
        this.msg = msg;
        this.owner = owner;
        this.question = question;
    }

    @Override
    public TrustDecision ask(HostKeyQuestion q) throws InterruptedException {
        return TrustDialog.ask(question, answer -> show(q, answer));
    }

    /** Shows the dialog (FX thread); returns what closes it unanswered. */
    Runnable show(HostKeyQuestion q, Consumer<TrustDecision> answer) {
        TrustDialog d = new TrustDialog(msg, "hostkey")
                .fact("hostkey.host", q.where())
                .fact("hostkey.type", q.keyType())
                .fingerprint("hostkey.fingerprint", q.fingerprint(), "fingerprint");
        if (q.changed()) {
            d.fingerprint("hostkey.recorded", q.recordedFingerprint(), "recorded")
                    .fact("hostkey.recordedIn", q.recordedIn());
        }
        Label advice = new Label(msg.get(q.changed() ? "hostkey.changedAdvice" : "hostkey.unknownAdvice"));
        advice.setWrapText(true);
        String header = msg.format(q.changed() ? "hostkey.changed" : "hostkey.unknown", q.where());
        return d.show(owner.get(), "hostkey.title", header, q.changed(), "hostkey.once", "hostkey.always",
                "hostkey.cancel", answer, advice);
    }
}
