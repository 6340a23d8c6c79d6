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

/** The default notifier: a failed batch pops up a ControlsFX notification over the window. */
@ExtendWith(ApplicationExtension.class)
class QueueNotificationFxTest {

    @TempDir
    Path serverRoot;
    @TempDir
    Path local;
    MinaQueue mina;
    QueueViewModel vm;
    final ExecutorService background = Executors.newSingleThreadExecutor();
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @Start
    void start(Stage stage) {
        mina = new MinaQueue(serverRoot, local, 1);
        vm = new QueueViewModel(mina.queue, Platform::runLater, background, ProgressThrottle.Scheduler.of(timer),
                System::nanoTime);
        stage.setScene(new Scene(new QueueView(vm, QueueView.defaultBundle()), 800, 300));
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
    }
}
