package org.ferryftp.ui.browser;

import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.input.DragEvent;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.transfer.TransferSubmitter;
import org.ferryftp.ui.support.FakeBrowser;
import org.ferryftp.ui.support.TestWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A drop ends before its transfer starts: the queue may ask a question at once (the file exists), and a dialog
 * opened while the drag still holds the pointer ignores the mouse under a real window manager (issue 15, defect
 * 2). So the transfer reaches the queue only after the drag source's drag-done, never from inside the drop.
 */
@ExtendWith(ApplicationExtension.class)
class DropEndsFirstUiTest {

    private TestWindow test;
    /** True from the drag's start until drag-done reaches its source. */
    private volatile boolean dragging;
    /** For each submitted batch: whether the drag was still going on. */
    private final List<Boolean> submittedWhileDragging = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        Source local = Source.local("Local");
        Source remote = Source.of(new SiteRef("r", "R", SessionSettings.of("127.0.0.1", 2121,
                Credentials.of("u", "p")), 1));
        TransferSubmitter submitter = batch -> submittedWhileDragging.add(dragging);
        test = TestWindow.on(stage)
                .browsers(s -> s.isLocal() ? new FakeBrowser("/home").with("/home", FakeBrowser.file("a.txt", 3))
                        : new FakeBrowser("/").with("/", FakeBrowser.file("a.txt", 5)))
                .sources(List.of(local, remote), local, remote)
                .submitter(submitter)
                .show();
        stage.getScene().addEventFilter(MouseEvent.DRAG_DETECTED, e -> dragging = true);
        stage.getScene().addEventFilter(DragEvent.DRAG_DONE, e -> dragging = false);
    }

    @AfterEach
    void stop() {
        test.close();
    }

    private Node cell(FxRobot robot, String side, String text) {
        until(side + " row " + text + " shown", () -> robot.lookup("#" + side + "-table .table-cell")
                .match((Node n) -> n instanceof TableCell<?, ?> c && text.equals(c.getText())).tryQuery().isPresent());
        return robot.lookup("#" + side + "-table .table-cell")
                .match((Node n) -> n instanceof TableCell<?, ?> c && text.equals(c.getText())).query();
    }

    @Test
    void aDroppedFileReachesTheQueueOnlyAfterTheDragIsOver(FxRobot robot) {
        robot.drag(cell(robot, "left", "a.txt")).dropTo(cell(robot, "right", "a.txt"));
        until("submitted", () -> !submittedWhileDragging.isEmpty());
        assertEquals(List.of(false), submittedWhileDragging);
    }
}
