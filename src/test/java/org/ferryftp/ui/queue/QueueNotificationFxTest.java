package org.ferryftp.ui.queue;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.ferryftp.fs.Location;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.TransferDirection;
import org.ferryftp.transfer.ProgressThrottle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default notifier: a finished or failed batch shows one notice, in Ferry's style, in the queue's own tab strip
 * beside the tabs: over neither the tabs nor the table, nor the status bar below. Batches finishing while it shows
 * update it rather than pile up more notices.
 */
@ExtendWith(ApplicationExtension.class)
class QueueNotificationFxTest {

    private static final Set<String> TITLES = Set.of("Transfers finished", "Transfers failed");

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

    /** Labels of every window (ControlsFX's popups are windows of their own) that show and are in view. */
    private static List<Label> shownLabels(FxRobot robot) {
        return fx(() -> robot.lookup(".label").queryAllAs(Label.class).stream()
                .filter(l -> l.getScene() != null && l.getScene().getWindow() != null
                        && l.getScene().getWindow().isShowing() && l.isVisible() && treeVisible(l))
                .toList());
    }

    private static boolean treeVisible(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible() || at.getOpacity() == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean shows(FxRobot robot, String text) {
        return shownLabels(robot).stream().anyMatch(l -> text.equals(l.getText()));
    }

    private static List<Label> titles(FxRobot robot) {
        return shownLabels(robot).stream().filter(l -> TITLES.contains(l.getText())).toList();
    }

    @Test
    void aFailedBatchShowsANoticeInFerrysStyle(FxRobot robot) {
        mina.download("/missing.bin");
        until("the failure notice", () -> shows(robot, "One transfer failed; see the Failed tab."));
        Label title = titles(robot).get(0);
        assertEquals("Transfers failed", title.getText());
        assertTrue(fx(() -> {
            for (Node at = title; at != null; at = at.getParent()) {
                if (at.getStyleClass().contains(org.ferryftp.ui.Styles.NOTIFICATION)) {
                    return true;
                }
            }
            return false;
        }), "styled as Ferry's notice");
    }

    @Test
    void batchesFinishingCloseTogetherShareOneNoticeThatCountsThemAll(FxRobot robot) throws Exception {
        MinaQueue.writeRandom(serverRoot.resolve("a.bin"), 10_000);
        MinaQueue.writeRandom(serverRoot.resolve("b.bin"), 20_000);
        mina.download("/a.bin");
        until("the first notice", () -> shows(robot, "One file transferred."));
        mina.download("/b.bin");
        until("the notice counts both batches", () -> shows(robot, "2 files transferred."));
        assertEquals(1, titles(robot).size(), "one notice, not a pile");
        assertFalse(shows(robot, "One file transferred."), "the first batch's notice is gone");

        mina.download("/missing.bin");
        until("the notice turns to the failure", () -> shows(robot, "One transfer failed; see the Failed tab."));
        assertEquals(List.of("Transfers failed"), titles(robot).stream().map(Label::getText).toList());
    }

    @Test
    void theNoticeSitsBesideTheTabsAndCoversNoneOfTheQueuesControls(FxRobot robot) throws Exception {
        MinaQueue.writeRandom(serverRoot.resolve("a.bin"), 10_000);
        mina.download("/a.bin");
        until("the notice", () -> shows(robot, "One file transferred."));
        List<Label> notice = shownLabels(robot).stream()
                .filter(l -> TITLES.contains(l.getText()) || "One file transferred.".equals(l.getText())).toList();
        assertEquals(2, notice.size(), notice.toString());
        fx(() -> {
            Bounds viewBounds = view.localToScreen(view.getBoundsInLocal());
            List<Node> controls = new java.util.ArrayList<>(view.lookupAll(".tab"));
            controls.add(view.table(QueueTab.QUEUE));
            for (Label l : notice) {
                Bounds b = l.localToScreen(l.getBoundsInLocal());
                assertTrue(viewBounds.contains(b), l.getText() + " " + b + " lies within the queue " + viewBounds);
                for (Node c : controls) {
                    Bounds cb = c.localToScreen(c.getBoundsInLocal());
                    assertFalse(cb.intersects(b), l.getText() + " " + b + " covers " + c + " " + cb);
                }
            }
            return null;
        });
    }

    /** A download of {@code /fID} from the test's server as the queue reports it. */
    private ItemSnapshot file(long id, ItemState state, long size, long done) {
        return new ItemSnapshot(id, 0, false, TransferDirection.DOWNLOAD, Location.remote(mina.site, "/f" + id),
                Location.local(local.resolve("f" + id).toString()), Priority.NORMAL, state, size, done, 0, null, 1);
    }

    @Test
    void skippedAndCancelledFilesAreNotCalledTransferred(FxRobot robot) {
        // The queue's own events for three files: one done, one skipped, one cancelled.
        vm.listener().itemsAdded(List.of(file(901, ItemState.QUEUED, 10, 0),
                file(902, ItemState.QUEUED, 10, 0),
                file(903, ItemState.QUEUED, 10, 0)));
        vm.listener().itemChanged(file(901, ItemState.DONE, 10, 10));
        vm.listener().itemChanged(file(902, new ItemState.Skipped("the target exists"), 10, 0));
        vm.listener().itemChanged(file(903, ItemState.CANCELLED, 10, 0));
        until("the notice", () -> shows(robot, "One file transferred, 2 skipped or cancelled."));
        assertFalse(shows(robot, "3 files transferred."));
    }

    @Test
    void theCloseButtonPutsTheNoticeAway(FxRobot robot) {
        mina.download("/missing.bin");
        until("the notice", () -> !titles(robot).isEmpty());
        robot.clickOn(fx(() -> view.lookup("#queue-notice-close")));
        until("the notice is gone", () -> titles(robot).isEmpty());
    }
}
