package org.ferryftp.ui.main;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.session.SessionException;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.ProgressThrottle;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.TransferQueue;
import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.ferryftp.ui.queue.QueueView;
import org.ferryftp.ui.queue.QueueViewModel;
import org.ferryftp.ui.support.FakeBrowser;
import org.ferryftp.ui.support.TestWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.onFx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The notice of a finished batch sits inside the Transfers pane; while that pane is folded to its title bar, the
 * title bar tells of the batch instead, until the pane unfolds or the notice goes.
 */
@ExtendWith(ApplicationExtension.class)
class FoldedTransfersUiTest {

    private static final String FAILED = "Transfers \u2014 One transfer failed; see the Failed tab.";

    @TempDir
    Path local;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private TransferQueue queue;
    private QueueViewModel queueModel;
    private TestWindow window;

    @Start
    void start(Stage stage) {
        // Every connection is refused: each transfer fails at once, on its one attempt.
        queue = TransferQueue.create(QueueSettings.DEFAULT.withMaxAttempts(1), site -> {
            throw new SessionException("Connection refused", true);
        }, ConflictPolicy.fixed(ConflictChoice.SKIP));
        queueModel = new QueueViewModel(queue, Platform::runLater, Runnable::run, ProgressThrottle.Scheduler.of(timer),
                System::nanoTime);
        QueueView queueView = new QueueView(queueModel, QueueView.defaultBundle());
        window = TestWindow.on(stage).browsers(s -> new FakeBrowser("/"))
                .with(b -> b.transfersView(queueView).transfersNotice(queueView.noticeProperty()))
                .show();
    }

    @AfterEach
    void cleanUp() {
        window.close();
        queueModel.close();
        queue.close();
        timer.shutdownNow();
    }

    private TitledPane transfers() {
        return fx(() -> (TitledPane) window.window().root().lookup("#transfers"));
    }

    private void failingDownload() {
        SiteRef site = new SiteRef("down", "Down", SessionSettings.of("127.0.0.1", 9, Credentials.of("u", "p")), 1);
        queue.submit(List.of(new TransferRequest(Location.remote(site, "/a.bin"), false,
                Location.local(local.toString()), Priority.NORMAL)));
    }

    /** The Transfers pane, folded before a batch fails and once its title tells of it. */
    private TitledPane foldedAfterAFailedBatch() {
        TitledPane pane = transfers();
        onFx(() -> pane.setExpanded(false));
        failingDownload();
        until("the folded title tells of the failure", () -> FAILED.equals(pane.getText()));
        return pane;
    }

    @Test
    void aFoldedPanesTitleBarTellsOfAFinishedBatchUntilThePaneUnfolds() {
        TitledPane pane = foldedAfterAFailedBatch();

        onFx(() -> pane.setExpanded(true));
        assertEquals("Transfers", fx(pane::getText), "unfolded, the notice inside says it");
        onFx(() -> pane.setExpanded(false));
        assertEquals(FAILED, fx(pane::getText), "folded again while the notice is up");
    }

    @Test
    void theTitleIsPlainAgainOnceTheNoticeGoes() {
        TitledPane pane = foldedAfterAFailedBatch();
        onFx(() -> ((Button) pane.lookup("#queue-notice-close")).fire());
        assertEquals("Transfers", fx(pane::getText));
    }

    @Test
    void anUnfoldedPaneKeepsItsPlainTitle() {
        TitledPane pane = transfers();
        failingDownload();
        until("the notice", () -> fx(() -> pane.lookup("#queue-notice").isVisible()));
        assertEquals("Transfers", fx(pane::getText));
    }
}
