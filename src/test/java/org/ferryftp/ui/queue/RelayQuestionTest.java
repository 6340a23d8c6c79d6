package org.ferryftp.ui.queue;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.concurrent.FxQuestion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relay question on a headless stage, asked from a worker thread as the queue does. */
@ExtendWith(ApplicationExtension.class)
class RelayQuestionTest {

    Stage stage;
    final ExecutorService worker = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 700, 500));
        stage.show();
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    void awaitDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#relay-yes").tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow().isShowing()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void answersReachTheWorkerAndRememberedOnesAreNotAskedAgain(FxRobot robot) throws Exception {
        RelayQuestion q = new RelayQuestion(Messages.defaults(), () -> stage,
                new FxQuestion(Platform::runLater, Platform::isFxApplicationThread));
        Future<Boolean> first = worker.submit(() -> q.mayRelay("A", "B", "B refused the data connection"));
        awaitDialog(robot);
        robot.clickOn("#relay-no");
        assertFalse(first.get(10, TimeUnit.SECONDS));

        Future<Boolean> second = worker.submit(() -> q.mayRelay("A", "B", "again"));
        awaitDialog(robot);
        robot.clickOn("#relay-remember");
        robot.clickOn("#relay-yes");
        assertTrue(second.get(10, TimeUnit.SECONDS));

        // Remembered for this pair: answered without a dialog.
        assertTrue(worker.submit(() -> q.mayRelay("A", "B", "third")).get(5, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#relay-yes").tryQuery().isEmpty()
                || !robot.lookup("#relay-yes").query().getScene().getWindow().isShowing());
    }
}
