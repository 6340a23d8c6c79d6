package org.ferryftp.ui.browser;

import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.TransferQueue;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.ferryftp.ui.main.MainWindow;
import org.ferryftp.ui.support.TestWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Drag and drop with the real transfer queue behind the window: files dragged between the panes
 * arrive, in both directions and from one server to another (FXP).
 */
@ExtendWith(ApplicationExtension.class)
class DragToQueueUiTest {

    private EmbeddedMinaServer serverA;
    private EmbeddedMinaServer serverB;
    private Path localDir;
    private TransferQueue queue;
    private TestWindow test;
    private MainWindow window;
    private Source sourceB;

    @Start
    void start(Stage stage) throws IOException {
        serverA = new EmbeddedMinaServer(Files.createTempDirectory("ferry-dnd-a"));
        serverB = new EmbeddedMinaServer(Files.createTempDirectory("ferry-dnd-b"));
        serverA.write("remote.txt", "from the server".getBytes(StandardCharsets.UTF_8));
        serverA.write("fxp.bin", new byte[123_456]);
        serverB.write("existing.txt", "b".getBytes(StandardCharsets.UTF_8));
        localDir = Files.createTempDirectory("ferry-dnd-local");
        Files.writeString(localDir.resolve("local.txt"), "from the disk");
        Files.createDirectories(localDir.resolve("folder/inner"));
        Files.writeString(localDir.resolve("folder/inner/deep.txt"), "deep");

        SiteRef a = site("a", serverA);
        SiteRef b = site("b", serverB);
        queue = TransferQueue.create(QueueSettings.DEFAULT, s -> {
            FtpSession session = new FtpSession(s.settings(), org.ferryftp.ftp.LogListener.NONE);
            session.connect();
            return session;
        }, ConflictPolicy.fixed(ConflictChoice.SKIP));
        Source local = Source.local("Local");
        sourceB = Source.of(b);
        test = TestWindow.on(stage).localHome(localDir)
                .sources(List.of(local, Source.of(a), sourceB), local, Source.of(a))
                .submitter(queue)
                .show();
        window = test.window();
    }

    private static SiteRef site(String id, EmbeddedMinaServer server) {
        return new SiteRef(id, id.toUpperCase(Locale.ROOT), SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)), 2);
    }

    @AfterEach
    void stop() {
        test.close();
        queue.close();
        serverA.close();
        serverB.close();
    }

    private List<String> names(PaneView pane) {
        return fx(() -> pane.viewModel().rows().stream().map(FileRow::name).toList());
    }

    private Node cell(FxRobot robot, String side, String text) {
        PaneView pane = side.equals("left") ? window.left() : window.right();
        until(side + " has " + text, () -> names(pane).contains(text));
        until(side + " row " + text + " shown", () -> robot.lookup("#" + side + "-table .table-cell")
                .match((Node n) -> n instanceof TableCell<?, ?> c && text.equals(c.getText())).tryQuery().isPresent());
        return robot.lookup("#" + side + "-table .table-cell")
                .match((Node n) -> n instanceof TableCell<?, ?> c && text.equals(c.getText())).query();
    }

    @Test
    void draggedFilesAndFoldersArriveBothWays(FxRobot robot) throws IOException {
        robot.drag(cell(robot, "left", "local.txt")).dropTo(cell(robot, "right", "remote.txt"));
        until("uploaded file on the server", 20, () -> Files.exists(serverA.file("local.txt")));
        robot.drag(cell(robot, "left", "folder")).dropTo(cell(robot, "right", "remote.txt"));
        until("uploaded folder on the server", 20, () -> Files.exists(serverA.file("folder/inner/deep.txt")));
        robot.drag(cell(robot, "right", "remote.txt")).dropTo(cell(robot, "left", "local.txt"));
        until("downloaded file on disk", 20, () -> Files.exists(localDir.resolve("remote.txt")));
        assertEquals("from the disk", Files.readString(serverA.file("local.txt")));
        assertEquals("deep", Files.readString(serverA.file("folder/inner/deep.txt")));
        assertEquals("from the server", Files.readString(localDir.resolve("remote.txt")));
    }

    @Test
    void remoteToRemoteDragIsASiteToSiteCopy(FxRobot robot) throws IOException {
        // Show server B on the left, then drag from A (right) to B (left).
        fx(() -> {
            window.left().viewModel().open(sourceB);
            return null;
        });
        robot.drag(cell(robot, "right", "fxp.bin")).dropTo(cell(robot, "left", "existing.txt"));
        until("copied server to server", 20, () -> Files.exists(serverB.file("fxp.bin"))
                && Files.size(serverB.file("fxp.bin")) == 123_456);
        until("queue finished", 20, () -> queue.totals().isIdle());
        assertEquals(org.ferryftp.transfer.TransferDirection.SITE_TO_SITE, queue.snapshot().get(0).direction());
    }
}
