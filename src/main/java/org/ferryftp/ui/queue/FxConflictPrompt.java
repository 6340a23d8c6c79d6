package org.ferryftp.ui.queue;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.ferryftp.transfer.conflict.ConflictAnswer;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictQuestion;
import org.ferryftp.transfer.conflict.FileFacts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The conflict dialog itself: both files' names, sizes and dates, six choices and two check boxes. */
public final class FxConflictPrompt implements ConflictPrompt {

    private final QueueFormat fmt;
    private final Supplier<Window> owner;
    private final ZoneId zone;

    /**
     * @param owner the window the dialog belongs to (may supply null)
     * @param zone  time zone for showing modification times
     */
    public FxConflictPrompt(ResourceBundle bundle, Supplier<Window> owner, ZoneId zone) {
        this.fmt = new QueueFormat(bundle);
        this.owner = owner;
        this.zone = zone;
    }

    @Override
    public Runnable show(ConflictQuestion q, Consumer<ConflictAnswer> answer) {
        Dialog<ConflictAnswer> dialog = new Dialog<>();
        dialog.setTitle(fmt.text("conflict.title"));
        dialog.setHeaderText(fmt.text("conflict.header"));
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
        }
        // Window-modal, and shown with show(), not showAndWait(): the worker waits, the FX thread does not.
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.getDialogPane().getStyleClass().add(QueueStyles.CONFLICT_DIALOG);

        GridPane facts = new GridPane();
        facts.getStyleClass().add(QueueStyles.CONFLICT_FACTS);
        facts.addRow(0, new Label(fmt.text("conflict.source")), new Label(q.sourcePath()),
                new Label(describe(q.source())));
        facts.addRow(1, new Label(fmt.text("conflict.target")), new Label(q.targetPath()),
                new Label(describe(q.target())));
        CheckBox all = new CheckBox(fmt.text("conflict.applyToAll"));
        all.setId("conflict-apply-to-all");
        CheckBox remember = new CheckBox(fmt.text("conflict.rememberDirection"));
        remember.setId("conflict-remember");
        dialog.getDialogPane().setContent(new VBox(10, facts, all, remember));

        Map<ButtonType, ConflictChoice> choices = new HashMap<>();
        for (ConflictChoice c : ConflictChoice.values()) {
            ButtonType b = new ButtonType(fmt.text("conflict.choice." + c.name().toLowerCase(Locale.ROOT)),
                    c == ConflictChoice.SKIP ? ButtonBar.ButtonData.CANCEL_CLOSE : ButtonBar.ButtonData.OTHER);
            choices.put(b, c);
            dialog.getDialogPane().getButtonTypes().add(b);
        }
        dialog.setResultConverter(b -> {
            ConflictChoice c = choices.get(b);
            return c == null ? null : new ConflictAnswer(c, all.isSelected(), remember.isSelected());
        });
        boolean[] answered = {false};
        dialog.setOnHidden(e -> {
            if (!answered[0]) {
                answered[0] = true;
                answer.accept(dialog.getResult());
            }
        });
        dialog.show();
        return () -> {
            answered[0] = true;
            dialog.close();
        };
    }

    private String describe(FileFacts f) {
        String size = f.sizeKnown() ? fmt.size(f.size()) : fmt.text("conflict.unknownSize");
        String date = f.modifiedKnown()
                ? DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(zone).format(f.modified())
                : fmt.text("conflict.unknownDate");
        return fmt.text("conflict.facts", size, date);
    }
}
