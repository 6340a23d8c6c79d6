package org.ferryftp.ui.bookmarks;

import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ferryftp.transfer.StandardSessions;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.site.Bookmark;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.browser.StandardBrowserFactory;
import org.ferryftp.ui.main.MainWindow;
import org.ferryftp.ui.main.QuickConnect;
import org.ferryftp.ui.main.SiteActions;
import org.ferryftp.ui.support.TestWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.onFx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bookmarks that work: Ctrl+D bookmarks the two folders shown, the Bookmarks menu takes both panes back (with
 * synchronized browsing when asked), a site's own bookmarks show in its pane, and the file survives a restart or
 * damage.
 */
@ExtendWith(ApplicationExtension.class)
class BookmarksUiTest {

    @TempDir
    Path config;

    private Stage stage;
    private EmbeddedMinaServer server;
    /** Made by the test, with its own sources and bookmark dialogs. */
    private TestWindow test;
    private MainWindow window;

    /** Answers the add dialog with the proposal changed by {@code answer}; remembers what it was asked. */
    static final class ScriptedBookmarkDialogs implements BookmarkDialogs {
        final List<GlobalBookmark> proposals = new CopyOnWriteArrayList<>();
        final List<String> siteLabels = new CopyOnWriteArrayList<>();
        volatile UnaryOperator<GlobalBookmark> answer = b -> b;

        @Override
        public Optional<GlobalBookmark> askNew(GlobalBookmark proposal, String siteLabel) {
            proposals.add(proposal);
            siteLabels.add(siteLabel);
            return Optional.ofNullable(answer.apply(proposal));
        }

        @Override
        public void manage(BookmarksViewModel bookmarks) {
        }
    }

    /** The saved sites as the site manager gives them: here one site with one bookmark of its own. */
    private static final class OneSiteWithABookmark implements SiteActions {
        @Override
        public void openManager() {
        }

        @Override
        public String saveQuickConnect(QuickConnect.Result quick) {
            return "";
        }

        @Override
        public List<Bookmark> bookmarks(String sourceId) {
            return sourceId.equals("mina") ? List.of(new Bookmark("Logs", null, "/logs")) : List.of();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void cleanUp() {
        test.close();
        if (server != null) {
            server.close();
        }
    }

    private MainWindow open(Source left, Source right, List<Source> sources, BookmarkDialogs dialogs) {
        test = fx(60, () -> TestWindow.on(stage)
                .browsers(new StandardBrowserFactory(new StandardSessions(LogListener.NONE)))
                .sources(sources, left, right)
                .with(b -> b.sites(new OneSiteWithABookmark()).configDir(config).bookmarkDialogs(dialogs))
                .show());
        return test.window();
    }

    private static MenuItem item(MenuButton button, String text) {
        button.show();
        MenuItem found = button.getItems().stream().filter(i -> text.equals(i.getText())).findFirst()
                .orElseThrow(() -> new AssertionError(text + " not in " + button.getItems().stream()
                        .map(MenuItem::getText).toList()));
        button.hide();
        return found;
    }

    @Test
    void bookmarkTheFoldersShownAndGoBackToThemFromTheMenus(FxRobot robot) throws IOException {
        Path local = Files.createTempDirectory("ferry-bookmarks-local");
        Files.createDirectories(local.resolve("site/css"));
        Path remoteRoot = Files.createTempDirectory("ferry-bookmarks-remote");
        server = new EmbeddedMinaServer(remoteRoot);
        server.write("www/css/a.css", new byte[3]);
        server.write("logs/today.log", new byte[3]);
        Source disk = Source.local("Local");
        Source site = Source.of(new SiteRef("mina", "MINA", SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)), 2));
        ScriptedBookmarkDialogs dialogs = new ScriptedBookmarkDialogs();
        dialogs.answer = b -> new GlobalBookmark("Work", b.localDir(), b.remoteDir(), b.siteId(), true);
        window = open(disk, site, List.of(disk, site), dialogs);
        var left = window.left().viewModel();
        var right = window.right().viewModel();
        until("both panes opened", () -> left.pathProperty().get() != null && "/".equals(right.pathProperty().get()));
        String siteDir = local.resolve("site").toString();
        onFx(() -> {
            left.navigate(siteDir);
            right.navigate("/www");
        });
        until("at the folders to bookmark", () -> siteDir.equals(left.pathProperty().get())
                && "/www".equals(right.pathProperty().get()));

        onFx(window.left()::focusTable);
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        until("asked", () -> dialogs.proposals.size() == 1);
        assertEquals(new GlobalBookmark("www", siteDir, "/www", "mina", false), dialogs.proposals.get(0));
        assertEquals("MINA", dialogs.siteLabels.get(0));
        String saved = Files.readString(config.resolve("bookmarks.properties"), StandardCharsets.UTF_8);
        assertTrue(saved.contains("0.name=Work") && saved.contains("0.remote=/www") && saved.contains("0.sync=true"),
                saved);
        assertEquals("Bookmark \u201cWork\u201d saved.", fx(() -> ((Label) window.root().lookup("#status")).getText()));

        onFx(() -> {
            left.navigate(local.toString());
            right.navigate("/");
        });
        until("moved away", () -> local.toString().equals(left.pathProperty().get())
                && "/".equals(right.pathProperty().get()));
        javafx.scene.control.Menu barMenu = fx(() -> window.bookmarksMenu().menu());
        assertEquals(List.of("Add bookmark\u2026", "Manage bookmarks\u2026", "Work", "Logs (MINA)"), fx(() -> barMenu
                .getItems().stream().map(MenuItem::getText).filter(t -> t != null && !t.isEmpty()).toList()),
                "the menu for the menu bar: add, manage, the global bookmark, then the shown site's own");
        assertEquals(BookmarksMenu.ADD, fx(() -> barMenu.getItems().get(0).getAccelerator()));
        MenuButton toolbarMenu = fx(() -> (MenuButton) window.root().lookup("#tool-bookmarks"));
        onFx(() -> item(toolbarMenu, "Work").fire());
        until("both panes back, browsing in step", () -> siteDir.equals(left.pathProperty().get())
                && "/www".equals(right.pathProperty().get()) && window.syncBrowsing().activeProperty().get());
        onFx(() -> left.navigate(local.resolve("site/css").toString()));
        until("the server follows", () -> "/www/css".equals(right.pathProperty().get()));

        onFx(window.syncBrowsing()::stop);
        MenuButton paneButton = fx(() -> (MenuButton) window.root().lookup("#right-bookmarks"));
        onFx(() -> item(paneButton, "Logs (MINA)").fire());
        until("the site's own bookmark opens its folder", () -> "/logs".equals(right.pathProperty().get()));
        MenuButton leftButton = fx(() -> (MenuButton) window.root().lookup("#left-bookmarks"));
        List<String> leftItems = fx(() -> {
            leftButton.show();
            List<String> texts = new ArrayList<>(leftButton.getItems().stream().map(MenuItem::getText).toList());
            leftButton.hide();
            return texts;
        });
        assertEquals(List.of("Work", "", "Add bookmark\u2026"), leftItems.stream().map(t -> t == null ? "" : t).toList(),
                "the local pane lists only bookmarks with a local folder");

        List<GlobalBookmark> afterRestart = new GlobalBookmarks(config.resolve("bookmarks.properties"), p -> { },
                java.time.Clock.systemUTC()).list();
        assertEquals(List.of(new GlobalBookmark("Work", siteDir, "/www", "mina", true)), afterRestart);
    }

    @Test
    void aDamagedBookmarksFileIsReportedInOneLineAndItsGoodBookmarksKept() throws IOException {
        Files.writeString(config.resolve("bookmarks.properties"), "0.name=Docs\n0.local=/tmp\n0.colour=blue\n",
                StandardCharsets.UTF_8);
        Source disk = Source.local("Local");
        window = open(disk, disk, List.of(disk), new ScriptedBookmarkDialogs());
        until("the problem is in the status bar", () -> ((Label) window.root().lookup("#status")).getText()
                .contains("kept as"));
        String status = fx(() -> ((Label) window.root().lookup("#status")).getText());
        assertTrue(!status.contains("\n") && status.contains("bookmarks.properties"), status);
        assertEquals(List.of("Docs"), fx(() -> window.bookmarks().globals().stream().map(GlobalBookmark::name).toList()));
    }
}
