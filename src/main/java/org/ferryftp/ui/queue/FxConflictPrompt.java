package org.ferryftp.ui.queue;

import javafx.scene.control.ButtonType;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Separator;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
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

/**
 * The conflict dialog itself: both files' names, sizes and dates, six choices and two check boxes. OK answers
 * with the selected choice; Cancel or closing the window dismisses the question (the queue then skips).
 */
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

        dialog.getDialogPane().getStylesheets().add(
                FxConflictPrompt.class.getResource(QueueStyles.STYLESHEET).toExternalForm());
        GridPane facts = new GridPane();
        facts.getStyleClass().add(QueueStyles.CONFLICT_FACTS);
        facts.setHgap(12);
        facts.setVgap(6);
        facts.addRow(0, new Label(fmt.text("conflict.source")), side(q.sourcePath(), q.source()));
        facts.addRow(1, new Label(fmt.text("conflict.target")), side(q.targetPath(), q.target()));

        // Radio buttons plus OK, as in FileZilla: six buttons in a row would not fit a small screen.
        ToggleGroup group = new ToggleGroup();
        VBox choiceBox = new VBox(4);
        Map<Toggle, ConflictChoice> choices = new HashMap<>();
        for (ConflictChoice c : ConflictChoice.values()) {
            RadioButton r = new RadioButton(fmt.text("conflict.choice." + c.name().toLowerCase(Locale.ROOT)));
            r.setId("conflict-choice-" + c.name().toLowerCase(Locale.ROOT));
            r.setToggleGroup(group);
            choices.put(r, c);
            choiceBox.getChildren().add(r);
        }
        group.selectToggle(group.getToggles().get(0));
        CheckBox all = new CheckBox(fmt.text("conflict.applyToAll"));
        all.setId("conflict-apply-to-all");
        CheckBox remember = new CheckBox(fmt.text("conflict.rememberDirection"));
        remember.setId("conflict-remember");
        VBox content = new VBox(12, facts, new Separator(), choiceBox, new Separator(), all, remember);
        content.setPrefWidth(560);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK
                ? new ConflictAnswer(choices.get(group.getSelectedToggle()), all.isSelected(), remember.isSelected())
                : null);
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

    /** A path (shortened at its start when long) over its size and date. */
    private VBox side(String path, FileFacts f) {
        Label name = new Label(path);
        name.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        name.setMaxWidth(460);
        name.setTooltip(new Tooltip(path));
        return new VBox(2, name, new Label(describe(f)));
    }

    private String describe(FileFacts f) {
        String size = f.sizeKnown() ? fmt.size(f.size()) : fmt.text("conflict.unknownSize");
        String date = f.modifiedKnown()
                ? DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(zone).format(f.modified())
                : fmt.text("conflict.unknownDate");
        return fmt.text("conflict.facts", size, date);
    }
}
