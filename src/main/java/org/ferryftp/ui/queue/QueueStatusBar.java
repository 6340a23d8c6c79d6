package org.ferryftp.ui.queue;

import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.ResourceBundle;

/** A compact line for the main window's status bar: overall progress, speed and counts of the queue. */
public final class QueueStatusBar extends HBox {

    private final QueueFormat fmt;
    private final ProgressBar bar = new ProgressBar(0);
    private final Label progress = new Label();
    private final Label speed = new Label();
    private final Label counts = new Label();

    public QueueStatusBar(QueueViewModel viewModel, ResourceBundle bundle) {
        this.fmt = new QueueFormat(bundle);
        getStyleClass().add(QueueStyles.STATUS_BAR);
        getStylesheets().add(QueueStatusBar.class.getResource(QueueStyles.STYLESHEET).toExternalForm());
        bar.getStyleClass().add(QueueStyles.STATUS_BAR_PROGRESS);
        bar.setId("queue-status-progress");
        progress.setId("queue-status-bytes");
        speed.setId("queue-status-speed");
        counts.setId("queue-status-counts");
        for (Label l : new Label[] {progress, speed, counts}) {
            l.getStyleClass().add(QueueStyles.STATUS_BAR_TEXT);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(counts, spacer, progress, bar, speed);
        viewModel.summaryProperty().addListener((obs, old, now) -> show(now));
        show(viewModel.summary());
    }

    private void show(QueueSummary s) {
        double f = s.fraction();
        bar.setProgress(f >= 0 ? f : 0);
        bar.setVisible(!s.isIdle() || s.paused() > 0);
        progress.setText(s.bytesTotal() > 0 ? fmt.text("queue.status.progress", fmt.size(s.bytesDone()),
                fmt.size(s.bytesTotal())) : "");
        speed.setText(fmt.speed(s.bytesPerSecond()));
        counts.setText(s.total() == 0 ? fmt.text("queue.status.idle")
                : fmt.text("queue.status.summary", s.running(), s.queued(), s.paused(), s.failed(), s.finished()));
    }
}
