package org.ferryftp.ui.main;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.site.FileActivation;
import org.ferryftp.site.Preferences;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.ui.browser.FileRow;
import org.ferryftp.ui.browser.PaneView;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.prefs.LivePreferences;
import org.ferryftp.ui.support.RecordingSubmitter;
import org.ferryftp.ui.support.ScriptedDialogs;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The menu bar and FileZilla's keys (issue 17) on the real window: local pane on a temp folder, right pane on
 * embedded MINA. Keys are typed with the robot; what they do is checked on the server's disk and in the queue's
 * requests.
 */
@ExtendWith(ApplicationExtension.class)
class MenuAndKeysUiTest {

    private EmbeddedMinaServer server;
    private Path localDir;
    private SiteRef site;
    private final RecordingSubmitter submitter = new RecordingSubmitter();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<Preferences> applied = new CopyOnWriteArrayList<>();
    private final List<String> queueActions = new CopyOnWriteArrayList<>();
    private LivePreferences prefs;
    private TestWindow test;
    private MainWindow window;

    @Start
    void start(Stage stage) throws IOException {
        server = new EmbeddedMinaServer(Files.createTempDirectory("ferry-menu-server"));
        server.write("docs/guide.md", "g".getBytes(StandardCharsets.UTF_8));
        server.write("a.txt", "a".getBytes(StandardCharsets.UTF_8));
        localDir = Files.createTempDirectory("ferry-menu-local");
        Files.writeString(localDir.resolve("local.txt"), "l");
        site = new SiteRef("test", "Test", SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)), 2);
        prefs = new LivePreferences(new Preferences(2, 5, null, org.ferryftp.transfer.RelayPolicy.NEVER, 0, 100, false,
                300 * 1024, 100 * 1024, true, FileActivation.TRANSFER, true), applied::add);
        MenuActions actions = new MenuActions(() -> queueActions.add("process"), () -> queueActions.add("stop"),
                () -> queueActions.add("limits"), prefs, null);
        Source local = Source.local("Local");
        test = TestWindow.on(stage).localHome(localDir)
                .sources(List.of(local, Source.of(site)), local, Source.of(site))
                .submitter(submitter)
                .dialogs(dialogs)
                .with(b -> b.menus(actions))
                .show();
        window = test.window();
    }

    @AfterEach
    void stop() {
        test.close();
        server.close();
    }

    private List<String> tableNames(PaneView pane) {
        return fx(() -> pane.table().getItems().stream().map(FileRow::name).toList());
    }

    private void ready() {
        until("remote listing", () -> tableNames(window.right()).contains("a.txt"));
        until("local listing", () -> tableNames(window.left()).contains("local.txt"));
    }

    /** Selects the row named {@code name} in the right pane and gives its table the focus. */
    private void select(FxRobot robot, String name) {
        until(name + " listed", () -> tableNames(window.right()).contains(name));
        robot.interact(() -> {
            var table = window.right().table();
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(tableNames(window.right()).indexOf(name));
        });
    }

    private static void shortcut(FxRobot robot, KeyCode... keys) {
        List<KeyCode> all = new ArrayList<>(List.of(KeyCode.CONTROL));
        all.addAll(List.of(keys));
        robot.push(all.toArray(KeyCode[]::new));
    }

    @Test
    void everyToolbarActionIsAMenuItemWithAnAccelerator() {
        List<String> withKeys = fx(() -> {
            List<String> ids = new ArrayList<>();
            for (Menu m : window.menuBar().getMenus()) {
                for (MenuItem i : m.getItems()) {
                    if (i.getAccelerator() != null) {
                        ids.add(i.getId());
                    }
                }
            }
            return ids;
        });
        // The toolbar: sites, log, transfers, refresh, transfer, disconnect, theme, preferences.
        for (String id : List.of("menu-file-sites", "menu-view-log", "menu-view-queue", "menu-view-refresh",
                "menu-transfer-selection", "menu-server-disconnect", "menu-view-dark", "menu-edit-preferences")) {
            assertTrue(withKeys.contains(id), id + " has no accelerator: " + withKeys);
        }
        List<String> menus = fx(() -> window.menuBar().getMenus().stream().map(m -> m.getText().replace("_", ""))
                .toList());
        assertEquals(List.of("File", "Edit", "View", "Transfer", "Server", "Bookmarks", "Help"), menus);
    }

    @Test
    void acceleratorsToggleTheLogTheQueueAndTheSpeedLimits(FxRobot robot) {
        ready();
        TitledPane log = robot.lookup("#log-pane").queryAs(TitledPane.class);
        TitledPane queue = robot.lookup("#transfers").queryAs(TitledPane.class);
        boolean logWas = fx(log::isExpanded);
        boolean queueWas = fx(queue::isExpanded);
        robot.clickOn("#right-table");
        shortcut(robot, KeyCode.DIGIT1);
        until("log toggled", () -> log.isExpanded() != logWas);
        shortcut(robot, KeyCode.DIGIT2);
        until("queue toggled", () -> queue.isExpanded() != queueWas);

        ToggleButton speed = robot.lookup("#speed-limits").queryAs(ToggleButton.class);
        assertTrue(fx(speed::isSelected));
        assertTrue(fx(() -> speed.getTooltip().getText()).contains("down 300"), fx(() -> speed.getTooltip().getText()));
        shortcut(robot, KeyCode.SHIFT, KeyCode.L);
        until("limits off by the accelerator", () -> !speed.isSelected());
        assertFalse(applied.get(applied.size() - 1).limitsOn(), "the switch is applied and saved");
        assertEquals(0, applied.get(applied.size() - 1).effectiveDownloadLimit());
        robot.clickOn("#speed-limits");
        until("limits on by the status bar", () -> speed.isSelected());
        assertEquals(300 * 1024, applied.get(applied.size() - 1).effectiveDownloadLimit());
        assertEquals(100 * 1024, applied.get(applied.size() - 1).effectiveUploadLimit());

        robot.clickOn("#right-table");
        shortcut(robot, KeyCode.P);
        shortcut(robot, KeyCode.SHIFT, KeyCode.P);
        until("queue processed and stopped", () -> queueActions.equals(List.of("process", "stop")));

        robot.clickOn("#menu-transfer").clickOn("#menu-transfer-conflict").clickOn("#menu-transfer-conflict-skip");
        until("conflict default chosen", () -> prefs.conflictDefaultProperty().get() == ConflictChoice.SKIP);
        assertEquals(ConflictChoice.SKIP, applied.get(applied.size() - 1).conflictDefault());
        // Into the submenu level with its first item, then down: a diagonal would cross the next parent item.
        robot.clickOn("#menu-transfer").clickOn("#menu-transfer-type").moveTo("#menu-transfer-type-auto")
                .clickOn("#menu-transfer-type-ascii");
        until("transfer type chosen", () -> prefs.transferTypeProperty().get() == org.ferryftp.ftp.TypeOverride.ASCII);
        assertEquals(org.ferryftp.ftp.TypeOverride.ASCII, applied.get(applied.size() - 1).transferType());
        assertEquals(ConflictChoice.SKIP, applied.get(applied.size() - 1).conflictDefault(), "the other choices stay");
    }

    @Test
    void f5RefreshesF7MakesAFolderF2RenamesInPlaceAndBackspaceGoesUp(FxRobot robot) throws IOException {
        ready();
        server.write("arrived.txt", "x".getBytes(StandardCharsets.UTF_8));
        select(robot, "a.txt");
        robot.type(KeyCode.F5);
        until("F5 lists again", () -> tableNames(window.right()).contains("arrived.txt"));

        dialogs.folderName = "by F7";
        select(robot, "a.txt");
        robot.type(KeyCode.F7);
        until("F7 made the folder", () -> Files.isDirectory(server.file("by F7")));

        select(robot, "arrived.txt");
        robot.type(KeyCode.F2);
        until("edit field", () -> robot.lookup("#rename-field").tryQuery().isPresent());
        robot.write("renamed").type(KeyCode.ENTER);
        until("renamed on the server", () -> Files.exists(server.file("renamed.txt"))
                && !Files.exists(server.file("arrived.txt")));
        assertFalse(dialogs.asked.stream().anyMatch(a -> a.startsWith("rename")), "no dialog: " + dialogs.asked);

        select(robot, "docs");
        robot.type(KeyCode.ENTER);
        until("Enter opens a folder", () -> "/docs".equals(fx(() -> window.right().viewModel().pathProperty().get())));
        robot.type(KeyCode.BACK_SPACE);
        until("Backspace goes up", () -> "/".equals(fx(() -> window.right().viewModel().pathProperty().get())));
    }

    @Test
    void aParentRowHeadsTheListingAndEnterOnAFileTransfersIt(FxRobot robot) {
        ready();
        select(robot, "docs");
        robot.type(KeyCode.ENTER);
        until("in docs", () -> tableNames(window.right()).equals(List.of("..", "guide.md")));
        assertEquals(List.of("guide.md"), fx(() -> window.right().viewModel().rows().stream().map(FileRow::name)
                .toList()), "the view model's rows are the folder's own");

        select(robot, "guide.md");
        robot.type(KeyCode.ENTER);
        until("Enter on a file queues it", () -> submitter.requests.size() == 1);
        assertEquals(Location.remote(site, "/docs/guide.md"), submitter.requests.get(0).source());
        assertEquals(Location.local(localDir.toString()), submitter.requests.get(0).targetDirectory());

        select(robot, "..");
        robot.type(KeyCode.DELETE);
        robot.type(KeyCode.F6);
        assertFalse(dialogs.asked.stream().anyMatch(a -> a.startsWith("delete")), "\"..\" is never deleted");
        robot.type(KeyCode.ENTER);
        until("Enter on .. goes up", () -> "/".equals(fx(() -> window.right().viewModel().pathProperty().get())));
        assertEquals(1, submitter.requests.size(), "\"..\" is never transferred: " + submitter.requests);

        // The option off: no ".." row; a double click on a file does nothing when so chosen.
        robot.interact(() -> prefs.replace(new Preferences(2, 5, null, org.ferryftp.transfer.RelayPolicy.NEVER, 0,
                100, false, 0, 0, true, FileActivation.NOTHING, false)));
        select(robot, "docs");
        robot.type(KeyCode.ENTER);
        until("in docs without ..", () -> tableNames(window.right()).equals(List.of("guide.md")));
        select(robot, "guide.md");
        robot.doubleClickOn(robot.lookup("#right-table .table-cell").match(n ->
                n instanceof javafx.scene.control.TableCell<?, ?> c && "guide.md".equals(c.getText()))
                .queryAs(javafx.scene.Node.class));
        robot.type(KeyCode.ENTER);
        assertEquals(1, submitter.requests.size(), "nothing is transferred when so chosen");
    }

    @Test
    void aCustomCommandsReplyIsShown(FxRobot robot) {
        ready();
        select(robot, "a.txt");
        dialogs.command = "SYST";
        robot.clickOn("#menu-server").clickOn("#menu-server-command");
        until("reply shown", () -> !dialogs.replies.isEmpty());
        assertTrue(dialogs.replies.get(0).startsWith("SYST -> 215"), dialogs.replies.toString());

        dialogs.command = "LIST /";
        robot.clickOn("#menu-server").clickOn("#menu-server-command");
        javafx.scene.control.Label status = robot.lookup("#status").queryAs(javafx.scene.control.Label.class);
        until("LIST refused", () -> status.getText().contains("LIST cannot be typed"));
        assertEquals(1, dialogs.replies.size());
        assertNotNull(window.bookmarksMenu());
    }

}
