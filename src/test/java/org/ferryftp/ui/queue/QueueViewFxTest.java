package org.ferryftp.ui.queue;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.ferryftp.transfer.ItemState;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The queue view on a headless (Monocle) stage against a real queue and embedded MINA. */
@ExtendWith(ApplicationExtension.class)
class QueueViewFxTest {

    @TempDir
    Path serverRoot;
    @TempDir
    Path local;
    MinaQueue mina;
    QueueViewModel vm;
    QueueView view;
    QueueStatusBar statusBar;
    final ExecutorService background = Executors.newSingleThreadExecutor();
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final List<BatchOutcome> announced = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        mina = new MinaQueue(serverRoot, local, 1);
        vm = new QueueViewModel(mina.queue, Platform::runLater, background, ProgressThrottle.Scheduler.of(timer),
                System::nanoTime);
        view = new QueueView(vm, QueueView.defaultBundle(), announced::add);
        statusBar = new QueueStatusBar(vm, QueueView.defaultBundle());
        stage.setScene(new Scene(new BorderPane(view, null, null, statusBar, null), 1000, 400));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        vm.close();
        mina.close();
        background.shutdownNow();
        timer.shutdownNow();
    }

    static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean)
                .get());
    }

    QueueRow onlyRow(QueueTab tab) {
        assertEquals(1, vm.rows(tab).size());
        return vm.rows(tab).get(0);
    }

    boolean runningWithBytes(long moreThan) {
        List<QueueRow> rows = vm.rows(QueueTab.QUEUE);
        return rows.size() == 1 && rows.get(0).state() instanceof ItemState.Running
                && rows.get(0).snapshot().bytesDone() > moreThan;
    }

    /** A cell of the first row of a tab's table, to click on. */
    Node firstRowCell(FxRobot robot, QueueTab tab) {
        return robot.lookup("#" + QueueView.tableId(tab) + " .table-row-cell")
                .match((TableRow<?> r) -> r.getItem() != null).query();
    }

    /**
     * Right-clicks the first row (which selects it). Monocle's headless platform sends no context-menu
     * request for a right click, which desktop platforms do, so that request is fired here at the same
     * spot; the menu itself is then used with real clicks.
     */
    void openContextMenu(FxRobot robot) throws Exception {
        Node cell = firstRowCell(robot, QueueTab.QUEUE);
        robot.rightClickOn(cell);
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.geometry.Bounds b = cell.localToScreen(cell.getBoundsInLocal());
            javafx.geometry.Point2D local = cell.screenToLocal(b.getCenterX(), b.getCenterY());
            javafx.event.Event.fireEvent(cell, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    local.getX(), local.getY(), b.getCenterX(), b.getCenterY(), false, null));
        }).get(10, TimeUnit.SECONDS);
        waitUntil(() -> view.table(QueueTab.QUEUE).getContextMenu().isShowing());
    }

    @Test
    void showsTheRunningProgressOfADownload(FxRobot robot) throws Exception {
        MinaQueue.writeRandom(serverRoot.resolve("big.bin"), 8_000_000);
        mina.queue.setBandwidthLimit(1_000_000);
        mina.download("/big.bin");
        waitUntil(() -> {
            ProgressBar bar = robot.lookup("#" + QueueView.tableId(QueueTab.QUEUE) + " ." + QueueStyles.PROGRESS)
                    .match(Node::isVisible).tryQueryAs(ProgressBar.class).orElse(null);
            return bar != null && bar.getProgress() > 0.02 && bar.getProgress() < 1;
        });
        waitUntil(() -> !robot.lookup("#queue-status-speed").queryAs(Label.class).getText().isEmpty());
        assertTrue(robot.lookup("#queue-status-counts").queryAs(Label.class).getText().startsWith("1 running"));
        mina.queue.cancelAll();
    }

    @Test
    void aHiddenTabsTableJoinsTheWindowWhenItsTabIsFirstShown(FxRobot robot) throws Exception {
        // Not in the scene before: the window's first frame does not build the hidden tables' skins.
        assertNotNull(view.table(QueueTab.QUEUE).getScene());
        assertNull(view.table(QueueTab.FAILED).getScene());
        assertNull(view.table(QueueTab.DONE).getScene());
        robot.clickOn("Finished (0)");
        waitUntil(() -> view.table(QueueTab.DONE).getSkin() != null && view.table(QueueTab.DONE).isVisible()
                && view.table(QueueTab.DONE).getScene() != null);
        robot.clickOn("Queue (0)");
        waitUntil(() -> view.table(QueueTab.QUEUE).getScene() != null && view.table(QueueTab.DONE).getScene() != null);
    }

    @Test
    void aFailedItemLandsInTheFailedTabWithItsReason(FxRobot robot) throws Exception {
        mina.download("/missing.bin");
        waitUntil(() -> vm.rows(QueueTab.FAILED).size() == 1);
        String reason = ((ItemState.Failed) onlyRow(QueueTab.FAILED).state()).reason();
        robot.clickOn("Failed (1)");
        waitUntil(() -> robot.lookup("#" + QueueView.tableId(QueueTab.FAILED) + " ." + QueueStyles.STATUS_FAILED)
                .tryQueryAs(TableCell.class).isPresent());
        TableCell<?, ?> status = robot.lookup("#" + QueueView.tableId(QueueTab.FAILED) + " ."
                + QueueStyles.STATUS_FAILED).queryAs(TableCell.class);
        assertTrue(status.getText().contains(reason), status.getText());
        assertNotNull(status.getTooltip());
        assertEquals(reason, status.getTooltip().getText());
        waitUntil(() -> !announced.isEmpty());
        assertEquals(new BatchOutcome(true, 0, 0, 1), announced.get(0));
    }

    @Test
    void aPartialFileStartedOverIsExplainedInTheStatusTooltip(FxRobot robot) throws Exception {
        MinaQueue.writeRandom(serverRoot.resolve("f.bin"), 100_000);
        java.nio.file.Files.write(local.resolve("f.bin" + org.ferryftp.fs.PartialDownload.SUFFIX), new byte[5_000]);
        mina.download("/f.bin");
        waitUntil(() -> vm.rows(QueueTab.DONE).size() == 1);
        robot.clickOn("Finished (1)");
        String statusCells = "#" + QueueView.tableId(QueueTab.DONE) + " ." + QueueStyles.STATUS;
        waitUntil(() -> robot.lookup(statusCells).match(n -> n instanceof TableCell<?, ?> c && c.getTooltip() != null)
                .tryQuery().isPresent());
        TableCell<?, ?> status = robot.lookup(statusCells).match(n -> n instanceof TableCell<?, ?> c
                && c.getTooltip() != null).queryAs(TableCell.class);
        assertTrue(status.getTooltip().getText().contains("starting over"), status.getTooltip().getText());
    }

    @Test
    void theContextMenuPausesAndResumesAnItem(FxRobot robot) throws Exception {
        MinaQueue.writeRandom(serverRoot.resolve("big.bin"), 8_000_000);
        mina.queue.setBandwidthLimit(500_000);
        mina.download("/big.bin");
        waitUntil(() -> runningWithBytes(0));
        openContextMenu(robot);
        robot.clickOn("Pause");
        waitUntil(() -> vm.rows(QueueTab.QUEUE).size() == 1
                && onlyRow(QueueTab.QUEUE).state() instanceof ItemState.Paused);
        long pausedAt = onlyRow(QueueTab.QUEUE).snapshot().bytesDone();
        openContextMenu(robot);
        robot.clickOn("Resume");
        waitUntil(() -> runningWithBytes(pausedAt));
        mina.queue.setBandwidthLimit(0);
        waitUntil(() -> vm.rows(QueueTab.DONE).size() == 1);
    }

    @Test
    void spacePausesAndResumesAndDeleteCancels(FxRobot robot) throws Exception {
        MinaQueue.writeRandom(serverRoot.resolve("big.bin"), 8_000_000);
        mina.queue.setBandwidthLimit(500_000);
        mina.download("/big.bin");
        waitUntil(() -> runningWithBytes(0));
        robot.clickOn(firstRowCell(robot, QueueTab.QUEUE));
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.rows(QueueTab.QUEUE).size() == 1
                && onlyRow(QueueTab.QUEUE).state() instanceof ItemState.Paused);
        long pausedAt = onlyRow(QueueTab.QUEUE).snapshot().bytesDone();
        robot.type(KeyCode.SPACE);
        waitUntil(() -> runningWithBytes(pausedAt));
        robot.type(KeyCode.DELETE);
        waitUntil(() -> vm.rows(QueueTab.DONE).size() == 1
                && onlyRow(QueueTab.DONE).state() instanceof ItemState.Cancelled);
    }
}
