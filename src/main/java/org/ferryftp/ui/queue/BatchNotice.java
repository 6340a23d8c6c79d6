package org.ferryftp.ui.queue;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.ferryftp.ui.Styles;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The one notice of finished batches, shown in the queue's tab strip. A batch that finishes while it shows adds
 * to what it says (the counts since it appeared) instead of raising another notice; it goes by itself after a
 * while, or by its close button.
 */
final class BatchNotice extends HBox {

    private final QueueFormat fmt;
    private final PauseTransition hideLater;
    private final FontIcon icon = new FontIcon();
    private final Label title = new Label();
    private final Label text = new Label();
    /** What it says: the batches since it appeared; null while hidden. */
    private BatchOutcome shown;
    /** What its text says, for what stands in for it where it cannot be seen; empty while hidden. */
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    BatchNotice(QueueFormat fmt, Duration shownFor) {
        this.fmt = fmt;
        this.hideLater = new PauseTransition(shownFor);
        setId("queue-notice");
        getStyleClass().add(Styles.NOTIFICATION);
        setAlignment(Pos.CENTER_LEFT);
        title.getStyleClass().add("title");
        title.setMinWidth(Label.USE_PREF_SIZE);
        Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        close.setId("queue-notice-close");
        close.getStyleClass().addAll("close-button", atlantafx.base.theme.Styles.FLAT,
                atlantafx.base.theme.Styles.SMALL);
        close.setFocusTraversable(false);
        close.setOnAction(e -> hide());
        hideLater.setOnFinished(e -> hide());
        getChildren().addAll(icon, title, text, close);
        setVisible(false);
    }

    void show(BatchOutcome batch) {
        shown = shown == null ? batch : shown.and(batch);
        icon.setIconCode(shown.failed() ? MaterialDesignA.ALERT_CIRCLE_OUTLINE : MaterialDesignC.CHECK_CIRCLE_OUTLINE);
        icon.getStyleClass().removeAll(Styles.NOTIFICATION_DONE, Styles.NOTIFICATION_FAILED);
        icon.getStyleClass().add(shown.failed() ? Styles.NOTIFICATION_FAILED : Styles.NOTIFICATION_DONE);
        if (shown.failed()) {
            title.setText(fmt.text("queue.notify.failed.title"));
            text.setText(fmt.text("queue.notify.failed.text", shown.errors()));
        } else {
            title.setText(fmt.text("queue.notify.finished.title"));
            text.setText(shown.notTransferred() == 0 ? fmt.text("queue.notify.finished.text", shown.transferred())
                    : fmt.text("queue.notify.finished.some.text", shown.transferred(), shown.notTransferred()));
        }
        message.set(text.getText());
        setVisible(true);
        hideLater.playFromStart();
    }

    void hide() {
        hideLater.stop();
        shown = null;
        message.set("");
        setVisible(false);
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
