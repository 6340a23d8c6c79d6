package org.ferryftp.ui.queue;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.ferryftp.transfer.TransferDirection;
import org.ferryftp.transfer.conflict.ConflictAnswer;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictQuestion;
import org.ferryftp.transfer.conflict.FileFacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The real conflict dialog on a headless stage, asked from a worker thread through {@link ConflictDialog}. */
@ExtendWith(ApplicationExtension.class)
class FxConflictPromptTest {

    Stage stage;
    final ExecutorService worker = Executors.newSingleThreadExecutor();
    final ConflictQuestion question = new ConflictQuestion(TransferDirection.UPLOAD, "/home/me/a.iso", "/pub/a.iso",
            new FileFacts(2_000_000, Instant.parse("2026-11-20T10:15:00Z")), new FileFacts(500_000, null));

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 600, 400));
        stage.show();
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    ConflictDialog dialog() {
        return new ConflictDialog(new FxConflictPrompt(QueueView.defaultBundle(), () -> stage, ZoneId.of("UTC")),
                Platform::runLater, Platform::isFxApplicationThread);
    }

    /** The worker hands the question to the FX thread asynchronously: wait until the dialog is up. */
    static void awaitDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#conflict-choice-resume").tryQuery()
                        .map(n -> n.getScene() != null && n.getScene().getWindow().isShowing()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theUsersChoiceAndCheckBoxesReachTheWorker(FxRobot robot) throws Exception {
        Future<ConflictAnswer> asked = worker.submit(() -> dialog().ask(question));
        awaitDialog(robot);
        robot.clickOn("#conflict-choice-resume");
        robot.clickOn("#conflict-apply-to-all");
        assertFalse(asked.isDone(), "the worker waits while the dialog is open");
        robot.clickOn("OK");
        assertEquals(new ConflictAnswer(ConflictChoice.RESUME, true, false), asked.get(10, TimeUnit.SECONDS));
    }

    @Test
    void cancelDismissesTheQuestion(FxRobot robot) throws Exception {
        Future<ConflictAnswer> asked = worker.submit(() -> dialog().ask(question));
        awaitDialog(robot);
        robot.clickOn("#conflict-remember");
        robot.clickOn("Cancel");
        assertNull(asked.get(10, TimeUnit.SECONDS));
    }
}
