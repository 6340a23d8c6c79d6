package org.ferryftp.ui.queue;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.ferryftp.transfer.RelayAsker;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Styles;
import org.ferryftp.ui.concurrent.FxQuestion;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The GUI's {@link RelayAsker}: when two servers cannot copy directly, asks whether the data may pass
 * through this computer. "Remember" keeps the answer for that pair of sites until Ferry exits.
 */
public final class RelayQuestion implements RelayAsker {

    private final Messages msg;
    private final Supplier<Window> owner;
    private final FxQuestion question;
    private final Map<String, Boolean> remembered = new ConcurrentHashMap<>();

    public RelayQuestion(Messages msg, Supplier<Window> owner, FxQuestion question) {
        this.msg = msg;
        this.owner = owner;
        this.question = question;
    }

    /** One answer, and whether to keep it for the pair. */
    record Answer(boolean relay, boolean remember) {
    }

    @Override
    public boolean mayRelay(String from, String to, String why) throws InterruptedException {
        String pair = from + "\u0000" + to;
        Boolean known = remembered.get(pair);
        if (known != null) {
            return known;
        }
        // One dialog at a time: a folder of files would otherwise stack one question per file.
        synchronized (remembered) {
            known = remembered.get(pair);
            if (known != null) {
                return known;
            }
            Answer a = question.ask(answer -> show(from, to, why, answer));
            if (a == null) {
                return false;
            }
            if (a.remember()) {
                remembered.put(pair, a.relay());
            }
            return a.relay();
        }
    }

    Runnable show(String from, String to, String why, Consumer<Answer> answer) {
        Dialog<Answer> dialog = new Dialog<>();
        dialog.setTitle(msg.get("relay.title"));
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.getDialogPane().setId("relay-dialog");
        dialog.getDialogPane().getStylesheets().add(RelayQuestion.class.getResource(Styles.STYLESHEET).toExternalForm());
        dialog.getDialogPane().getStyleClass().add(Styles.DIALOG);
        Label header = new Label(msg.format("relay.header", from, to));
        header.setWrapText(true);
        header.getStyleClass().add(Styles.DIALOG_HEADER);
        Label reason = new Label(why);
        reason.setWrapText(true);
        Label explain = new Label(msg.get("relay.explain"));
        explain.setWrapText(true);
        CheckBox remember = new CheckBox(msg.get("relay.remember"));
        remember.setId("relay-remember");
        VBox content = new VBox(10, header, reason, explain, remember);
        content.setPrefWidth(560);
        dialog.getDialogPane().setContent(content);
        ButtonType relay = new ButtonType(msg.get("relay.yes"), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(msg.get("relay.no"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(relay, no);
        dialog.getDialogPane().lookupButton(relay).setId("relay-yes");
        dialog.getDialogPane().lookupButton(no).setId("relay-no");
        dialog.setResultConverter(b -> new Answer(b == relay, remember.isSelected()));
        dialog.setOnHidden(e -> answer.accept(dialog.getResult() == null
                ? new Answer(false, false) : dialog.getResult()));
        dialog.show();
        return dialog::close;
    }
}
