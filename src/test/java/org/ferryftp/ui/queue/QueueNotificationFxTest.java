package org.ferryftp.ui.queue;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.ferryftp.transfer.ProgressThrottle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default notifier: a failed batch pops up a ControlsFX notification over the window, in Ferry's style and
 * above the queue's bottom edge, never over the status bar below it.
 */
@ExtendWith(ApplicationExtension.class)
class QueueNotificationFxTest {

    @TempDir
    Path serverRoot;
    @TempDir
    Path local;
    MinaQueue mina;
    QueueViewModel vm;
    QueueView view;
    final ExecutorService background = Executors.newSingleThreadExecutor();
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @Start
    void start(Stage stage) {
        mina = new MinaQueue(serverRoot, local, 1);
        vm = new QueueViewModel(mina.queue, Platform::runLater, background, ProgressThrottle.Scheduler.of(timer),
                System::nanoTime);
        view = new QueueView(vm, QueueView.defaultBundle());
        Label statusBar = new Label("status bar");
        statusBar.setMinHeight(30);
        stage.setScene(new Scene(new javafx.scene.layout.BorderPane(view, null, null, statusBar, null), 800, 300));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        vm.close();
        mina.close();
        background.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void aFailedBatchShowsANotification(FxRobot robot) throws Exception {
        mina.download("/missing.bin");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".notification-bar .label")
                .queryAllAs(Label.class).stream()
                .anyMatch(l -> "One transfer failed; see the Failed tab.".equals(l.getText())));
        javafx.scene.Node bar = robot.lookup(".notification-bar").query();
        assertTrue(bar.getStyleClass().contains(org.ferryftp.ui.Styles.NOTIFICATION), bar.getStyleClass().toString());
        // Once it has slid in: its window ends above the queue view's bottom edge (the status bar stays readable).
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            javafx.stage.Window popup = bar.getScene().getWindow();
            double viewBottom = view.localToScreen(view.getBoundsInLocal()).getMaxY();
            return popup.getY() + popup.getHeight() <= viewBottom;
        }).get());
    }
}
