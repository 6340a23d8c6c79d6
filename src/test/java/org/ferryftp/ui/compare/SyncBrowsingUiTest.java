package org.ferryftp.ui.compare;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ferryftp.transfer.StandardSessions;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.browser.StandardBrowserFactory;
import org.ferryftp.ui.main.MainWindow;
import org.ferryftp.ui.support.TestWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.onFx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Synchronized browsing between a local tree and the same tree on an embedded MINA server: moves in either pane are
 * followed, and a folder the server lacks is announced and created on request.
 */
@ExtendWith(ApplicationExtension.class)
class SyncBrowsingUiTest {

    private Stage stage;
    private EmbeddedMinaServer server;
    /** Made by the test, once the server is up. */
    private TestWindow test;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void cleanUp() {
        test.close();
        server.close();
    }

    @Test
    void eitherPaneLeadsAndAMissingFolderCanBeCreated(FxRobot robot) throws IOException {
        Path local = Files.createTempDirectory("ferry-sync-local");
        Files.createDirectories(local.resolve("site/a/b"));
        Files.createDirectories(local.resolve("site/a/c"));
        Path remoteRoot = Files.createTempDirectory("ferry-sync-remote");
        server = new EmbeddedMinaServer(remoteRoot);
        server.write("www/a/b/index.html", new byte[5]);
        Source disk = Source.local("Local");
        Source site = Source.of(new SiteRef("mina", "MINA", SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)), 2));
        test = fx(60, () -> TestWindow.on(stage)
                .browsers(new StandardBrowserFactory(new StandardSessions(LogListener.NONE)))
                .sources(List.of(disk, site), disk, site)
                .show());
        window = test.window();
        var left = window.left().viewModel();
        var right = window.right().viewModel();
        until("both panes opened", () -> left.pathProperty().get() != null && "/".equals(right.pathProperty().get()));
        String root = local.resolve("site").toString();
        onFx(() -> {
            left.navigate(root);
            right.navigate("/www");
        });
        until("at the two roots", () -> root.equals(left.pathProperty().get()) && "/www".equals(right.pathProperty().get())
                && !left.busyProperty().get() && !right.busyProperty().get());

        onFx(window.left()::focusTable);
        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        until("synchronized browsing on", () -> window.syncBrowsing().activeProperty().get());
        assertEquals(root, fx(() -> window.syncBrowsing().leftRootProperty().get()));
        assertEquals("/www", fx(() -> window.syncBrowsing().rightRootProperty().get()));

        onFx(() -> left.navigate(local.resolve("site/a").toString()));
        until("the server follows into a", () -> "/www/a".equals(right.pathProperty().get()));
        onFx(() -> left.navigate(local.resolve("site/a/b").toString()));
        until("and into a/b", () -> "/www/a/b".equals(right.pathProperty().get())
                && right.rows().stream().anyMatch(r -> r.name().equals("index.html")));

        onFx(right::up);
        until("the local pane follows the server up", () -> local.resolve("site/a").toString()
                .equals(left.pathProperty().get()));

        onFx(() -> left.navigate(local.resolve("site/a/c").toString()));
        Label notice = (Label) fx(() -> window.root().lookup("#sync-missing"));
        until("the missing folder is announced", () -> notice.getParent().isVisible()
                && notice.getText().equals("\u201c/www/a/c\u201d does not exist in the right pane."));
        assertEquals("/www/a", fx(() -> right.pathProperty().get()), "the right pane stays where it was");
        assertTrue(!Files.exists(remoteRoot.resolve("www/a/c")));

        robot.clickOn("#sync-create");
        until("created on the server and shown", () -> "/www/a/c".equals(right.pathProperty().get())
                && !right.busyProperty().get());
        assertTrue(Files.isDirectory(remoteRoot.resolve("www/a/c")));
        assertTrue(fx(() -> !notice.getParent().isVisible()), "the notice goes with the missing folder");

        onFx(() -> left.navigate(local.toString()));
        until("outside the roots nothing is followed", () -> local.toString().equals(left.pathProperty().get()));
        assertEquals("/www/a/c", fx(() -> right.pathProperty().get()));
        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        until("off again", () -> !window.syncBrowsing().activeProperty().get());
        assertTrue(fx(() -> !window.root().lookup("#sync-create").getParent().isVisible()));
    }
}
