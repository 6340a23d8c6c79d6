package org.ferryftp.ui.main;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.ferryftp.fs.FileEntry;
import org.ferryftp.transfer.ProgressThrottle;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.TransferQueue;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.concurrent.FxUiExecutor;
import org.ferryftp.ui.log.LogBuffer;
import org.ferryftp.ui.queue.QueueStatusBar;
import org.ferryftp.ui.queue.QueueView;
import org.ferryftp.ui.queue.QueueViewModel;
import org.ferryftp.ui.support.FakeBrowser;
import org.ferryftp.ui.support.RecordingSubmitter;
import org.ferryftp.ui.support.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window's middle is a split pane: log, panes, queue. The file tables get most of the height by default, the
 * dividers move, and where they were is there again after a restart; a collapsed log gives its room to the panes.
 */
@ExtendWith(ApplicationExtension.class)
class WindowSplitUiTest {

    @TempDir
    Path dir;
    private FxUiExecutor executor;
    private Stage stage;
    private TransferQueue queue;
    private QueueViewModel queueModel;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        executor = new FxUiExecutor(1);
        queue = TransferQueue.create(QueueSettings.DEFAULT, site -> {
            throw new AssertionError("nothing is transferred here");
        }, ConflictPolicy.fixed(ConflictChoice.SKIP));
    }

    @AfterEach
    void cleanUp() {
        if (queueModel != null) {
            queueModel.close();
        }
        queue.close();
        executor.close();
        timer.shutdownNow();
    }

    /** The window as the app builds it, with the real queue view and a folder of 60 files on both sides. */
    private MainWindow window(WindowStateStore store) {
        Source a = Source.local("A");
        FileEntry[] files = IntStream.range(0, 60).mapToObj(i -> FakeBrowser.file("f" + i + ".txt", i))
                .toArray(FileEntry[]::new);
        queueModel = new QueueViewModel(queue, Platform::runLater, Runnable::run, ProgressThrottle.Scheduler.of(timer),
                System::nanoTime);
        QueueView queueView = new QueueView(queueModel, QueueView.defaultBundle());
        queueView.setMinHeight(0);
        return new MainWindow(MainWindowConfig.builder(new Messages(Locale.ENGLISH), executor,
                s -> new FakeBrowser("/").with("/", files), List.of(a), a, a, new RecordingSubmitter(),
                new LogBuffer(10))
                .stateStore(store)
                .dialogs(new ScriptedDialogs())
                .transfersView(queueView)
                .statusExtras(new QueueStatusBar(queueModel, QueueView.defaultBundle()))
                .build());
    }

    /** Rows whose whole height shows inside the table's scrolling area. */
    private static int wholeRowsShown(TableView<?> table) {
        Node flow = table.lookup(".virtual-flow");
        Bounds area = flow.localToScene(flow.getLayoutBounds());
        int n = 0;
        for (Node row : table.lookupAll(".table-row-cell")) {
            Bounds b = row.localToScene(row.getLayoutBounds());
            if (row.isVisible() && !((TableRow<?>) row).isEmpty() && b.getMinY() >= area.getMinY() - 0.5
                    && b.getMaxY() <= area.getMaxY() + 0.5) {
                n++;
            }
        }
        return n;
    }

    private static SplitPane middle(MainWindow w) {
        return (SplitPane) w.root().lookup("#main-split");
    }

    private MainWindow shownAt1400x860(WindowStateStore store) {
        return fx(() -> {
            MainWindow w = window(store);
            w.show(stage);
            stage.setWidth(1400);
            stage.setHeight(860);
            return w;
        });
    }

    @Test
    void theFileTablesGetMostOfTheHeightAndTheDividersAreRememberedAcrossARestart() {
        WindowStateStore store = new WindowStateStore(dir.resolve("window.properties"));
        MainWindow first = shownAt1400x860(store);
        until("listed", () -> first.left().table().getItems().size() == 60
                && first.right().table().getItems().size() == 60);
        until("laid out", () -> stage.getHeight() == 860 && wholeRowsShown(first.left().table()) > 0);
        int left = fx(() -> wholeRowsShown(first.left().table()));
        int right = fx(() -> wholeRowsShown(first.right().table()));
        assertTrue(left >= 15 && right >= 15, "whole rows shown at 1400x860: left " + left + ", right " + right);

        // The user opens the log, drags its divider down and the queue's up.
        fx(() -> {
            first.toggleLog();
            return null;
        });
        until("log open", () -> ((TitledPane) first.root().lookup("#log-pane")).getHeight() > 60);
        fx(() -> {
            middle(first).setDividerPositions(0.25, 0.6);
            return null;
        });
        until("moved", () -> Math.abs(middle(first).getDividerPositions()[0] - 0.25) < 0.01
                && Math.abs(middle(first).getDividerPositions()[1] - 0.6) < 0.01);
        fx(() -> {
            first.close();
            return null;
        });
        assertArrayEquals(new double[] {0.25, 0.6}, store.load().mainDividers(), 0.01);
        assertArrayEquals(new boolean[] {true, true}, store.load().expanded());

        MainWindow second = fx(() -> {
            MainWindow w = window(store);
            w.show(new Stage());
            return w;
        });
        until("restored", () -> Math.abs(middle(second).getDividerPositions()[0] - 0.25) < 0.01
                && Math.abs(middle(second).getDividerPositions()[1] - 0.6) < 0.01);
        fx(() -> {
            second.close();
            return null;
        });
    }

    @Test
    void aCollapsedLogGivesItsRoomToThePanesAndTakesItBackWhenExpanded() {
        MainWindow w = shownAt1400x860(null);
        until("listed", () -> w.left().table().getItems().size() == 60);
        until("laid out", () -> wholeRowsShown(w.left().table()) >= 15);
        // Measured once the FX queue has drained: a layout pass still pending would move the numbers below.
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        // The log starts collapsed to its title; opened, it takes its room from the file tables alone.
        TitledPane log = (TitledPane) w.root().lookup("#log-pane");
        Node transfers = w.root().lookup("#transfers");
        double title = fx(() -> log.getHeight());
        double queue = fx(() -> transfers.getLayoutBounds().getHeight());
        double tableBefore = fx(() -> w.left().table().getHeight());
        fx(() -> {
            w.toggleLog();
            return null;
        });
        until("log open, the room taken from the file tables", () -> log.getHeight() > title + 40
                && Math.abs(w.left().table().getHeight() - (tableBefore - (log.getHeight() - title))) < 1.5
                && Math.abs(transfers.getLayoutBounds().getHeight() - queue) < 1.5);
        fx(() -> {
            w.toggleLog();
            return null;
        });
        until("log back to its title", () -> Math.abs(log.getHeight() - title) < 1.5);
        // The room, not the count of whole rows: that also depends on where the table is scrolled to.
        until("the tables as they were", () -> Math.abs(w.left().table().getHeight() - tableBefore) < 1.5);
        fx(() -> {
            w.close();
            return null;
        });
    }
}
