package org.ferryftp.ui.browser;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.ui.main.MainWindow;
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
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window against an embedded MINA server: left pane local (temp dir), right pane the server. */
@ExtendWith(ApplicationExtension.class)
class BrowserUiTest {

    private EmbeddedMinaServer server;
    private Path localDir;
    private SiteRef site;
    private final RecordingSubmitter submitter = new RecordingSubmitter();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private TestWindow test;
    private MainWindow window;
    private Source dead;

    @Start
    void start(Stage stage) throws IOException {
        Path root = Files.createTempDirectory("ferry-ui-server");
        server = new EmbeddedMinaServer(root);
        server.write("README.txt", "hello".getBytes(StandardCharsets.UTF_8));
        server.write("big.bin", new byte[50_000]);
        server.write("docs/guide.md", "g".getBytes(StandardCharsets.UTF_8));
        server.write("old/inner/deep.txt", "d".getBytes(StandardCharsets.UTF_8));
        server.write("a.txt", "a".getBytes(StandardCharsets.UTF_8));
        localDir = Files.createTempDirectory("ferry-ui-local");
        Files.writeString(localDir.resolve("local.txt"), "l");
        Files.createDirectories(localDir.resolve("localdir"));
        Files.writeString(localDir.resolve("localdir/inner.txt"), "i");

        site = new SiteRef("test", "Test", SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)), 2);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        dead = Source.of(new SiteRef("dead", "Dead", SessionSettings.of("127.0.0.1", closedPort,
                Credentials.anonymous()), 1));
        Source local = Source.local("Local");
        test = TestWindow.on(stage).localHome(localDir)
                .sources(List.of(local, Source.of(site), dead), local, Source.of(site))
                .submitter(submitter)
                .dialogs(dialogs)
                .show();
        window = test.window();
    }

    @AfterEach
    void stop() throws IOException {
        test.close();
        server.close();
        for (Path p : new Path[] {server.root(), localDir}) {
            try (Stream<Path> walk = Files.walk(p)) {
                walk.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
            }
        }
    }

    private List<String> names(PaneView pane) {
        return fx(() -> pane.viewModel().rows().stream().map(FileRow::name).toList());
    }

    private Node cell(FxRobot robot, String side, String text) {
        PaneView pane = side.equals("left") ? window.left() : window.right();
        until(side + " has " + text, () -> names(pane).contains(text));
        fx(() -> {
            pane.table().scrollTo(Math.max(0, names(pane).indexOf(text) - 1));
            return null;
        });
        until(side + " row " + text + " shown", () -> robot.lookup("#" + side + "-table .table-cell")
                .match((Node n) -> n instanceof TableCell<?, ?> c && text.equals(c.getText())).tryQuery().isPresent());
        return robot.lookup("#" + side + "-table .table-cell")
                .match((Node n) -> n instanceof TableCell<?, ?> c && text.equals(c.getText())).query();
    }

    private static boolean shown(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    private void remoteReady() {
        until("remote listing", () -> names(window.right()).contains("README.txt"));
        until("local listing", () -> names(window.left()).contains("local.txt"));
    }

    @Test
    void navigatesSortsAndFilters(FxRobot robot) {
        remoteReady();
        assertEquals(List.of("docs", "old", "pub", "a.txt", "big.bin", "README.txt"), names(window.right()));
        robot.doubleClickOn(cell(robot, "right", "docs"));
        until("entered docs", () -> "/docs".equals(window.right().viewModel().pathProperty().get()));
        assertEquals(List.of("guide.md"), names(window.right()));
        robot.clickOn("#right-back");
        until("back at /", () -> "/".equals(window.right().viewModel().pathProperty().get()));
        robot.clickOn(cell(robot, "right", "a.txt"));
        robot.type(KeyCode.ENTER);
        assertEquals("/", fx(() -> window.right().viewModel().pathProperty().get()), "Enter on a file stays");
        until("Enter on a file transfers it to the other pane", () -> submitter.requests.size() == 1);
        assertEquals(Location.remote(site, "/a.txt"), submitter.requests.get(0).source());

        robot.clickOn(robot.lookup("#right-table .column-header").match((Node n) -> n.getId() != null
                && n.getId().equals("size")).queryAs(Node.class));
        until("sorted by size", () -> names(window.right()).equals(List.of("docs", "old", "pub", "a.txt", "README.txt", "big.bin")));

        robot.clickOn("#right-filter").write("big");
        until("filtered", () -> names(window.right()).equals(List.of("big.bin")));
        Label summary = robot.lookup("#right-summary").queryAs(Label.class);
        until("summary counts", () -> summary.getText().startsWith("1 of 6 items shown"));
    }

    @Test
    void makesRenamesAndDeletesOnTheServer(FxRobot robot) {
        remoteReady();
        dialogs.folderName = "made by ui";
        robot.clickOn(cell(robot, "right", "a.txt"));
        robot.type(KeyCode.F7);
        until("folder on server", () -> Files.isDirectory(server.file("made by ui")));
        until("folder listed", () -> names(window.right()).contains("made by ui"));
        until("folder in the tree", () -> treeFolders("right").contains("made by ui"));

        robot.clickOn(cell(robot, "right", "a.txt"));
        robot.type(KeyCode.F2);
        // In place: the name without its extension is selected in a field in the table.
        until("rename field", () -> robot.lookup("#rename-field").tryQuery().isPresent());
        robot.write("renamed").type(KeyCode.ENTER);
        until("renamed on server", () -> Files.exists(server.file("renamed.txt")) && !Files.exists(server.file("a.txt")));
        until("rename listed", () -> names(window.right()).contains("renamed.txt"));

        robot.clickOn(cell(robot, "right", "renamed.txt"));
        robot.type(KeyCode.DELETE);
        until("file deleted on server", () -> !Files.exists(server.file("renamed.txt")));
        // The refresh after the delete moves the rows up: click "old" only once it has.
        until("delete listed", () -> !names(window.right()).contains("renamed.txt"));

        robot.clickOn(cell(robot, "right", "old"));
        robot.type(KeyCode.DELETE);
        until("folder deleted recursively", () -> !Files.exists(server.file("old")));
        until("deleted folder gone from the tree", () -> !treeFolders("right").contains("old"));
        until("listing updated", () -> !names(window.right()).contains("old"));
        assertTrue(dialogs.asked.contains("delete [old]"), dialogs.asked.toString());
    }

    @Test
    void dragFromLocalToRemoteQueuesExactRequests(FxRobot robot) {
        remoteReady();
        robot.drag(cell(robot, "left", "local.txt")).dropTo(cell(robot, "right", "README.txt"));
        until("file request", () -> submitter.requests.size() == 1);
        assertEquals(new TransferRequest(Location.local(localDir.resolve("local.txt").toString()), false,
                Location.remote(site, "/"), Priority.NORMAL), submitter.requests.get(0));

        robot.drag(cell(robot, "left", "localdir")).dropTo(cell(robot, "right", "docs"));
        until("folder request", () -> submitter.requests.size() == 2);
        assertEquals(new TransferRequest(Location.local(localDir.resolve("localdir").toString()), true,
                Location.remote(site, "/docs"), Priority.NORMAL), submitter.requests.get(1));
        Label status = robot.lookup("#status").queryAs(Label.class);
        until("status says queued", () -> status.getText().startsWith("Queued 1 transfer to /docs"));
    }

    @Test
    void dropOntoTheSameFolderIsRefusedWithAMessage(FxRobot robot) {
        remoteReady();
        robot.drag(cell(robot, "right", "big.bin")).dropTo(cell(robot, "right", "a.txt"));
        Label status = robot.lookup("#status").queryAs(Label.class);
        until("refusal shown", () -> status.getText().contains("same folder"));
        // Into a different local folder: not the same location, but local to local.
        robot.drag(cell(robot, "left", "local.txt")).dropTo(cell(robot, "left", "localdir"));
        until("local to local refused", () -> status.getText().contains("Local-to-local"));
        assertTrue(submitter.requests.isEmpty());
    }

    @Test
    void f6TransfersTheSelectionToTheOtherPane(FxRobot robot) {
        remoteReady();
        robot.clickOn(cell(robot, "right", "big.bin"));
        robot.type(KeyCode.F6);
        until("download request", () -> submitter.requests.size() == 1);
        assertEquals(new TransferRequest(Location.remote(site, "/big.bin"), false, Location.local(localDir.toString()),
                Priority.NORMAL), submitter.requests.get(0));
    }

    @Test
    void connectionErrorShowsInlineWithRetry(FxRobot robot) {
        remoteReady();
        robot.clickOn("#right-source");
        robot.clickOn("Dead");
        Label error = robot.lookup("#right-error").queryAs(Label.class);
        until("inline error", () -> shown(error) && error.getText() != null
                && error.getText().startsWith("Could not open Dead"));
        assertFalse(error.getText().contains("Exception"), error.getText());
        assertTrue(fx(() -> shown(robot.lookup("#right-retry").query())));
        robot.clickOn("#right-retry");
        until("still failing, still inline", () -> shown(error) && error.getText() != null);
        robot.clickOn("#right-source");
        robot.clickOn("Test");
        until("recovered", () -> !shown(error) && names(window.right()).contains("README.txt"));
    }

    @Test
    void pathFieldAndBreadcrumbsNavigate(FxRobot robot) {
        remoteReady();
        robot.clickOn(cell(robot, "right", "a.txt"));
        robot.press(KeyCode.CONTROL).press(KeyCode.L).release(KeyCode.L).release(KeyCode.CONTROL);
        robot.write("/old/inner").type(KeyCode.ENTER);
        until("typed path", () -> "/old/inner".equals(window.right().viewModel().pathProperty().get()));
        assertEquals(List.of("deep.txt"), names(window.right()));
        robot.clickOn(robot.lookup("#right-crumbs .button").match((Node n) ->
                n instanceof javafx.scene.control.Button b && "old".equals(b.getText())).queryAs(Node.class));
        until("crumb", () -> "/old".equals(window.right().viewModel().pathProperty().get()));
        robot.clickOn(cell(robot, "right", "inner"));
        robot.type(KeyCode.BACK_SPACE);
        until("up", () -> "/".equals(window.right().viewModel().pathProperty().get()));
    }

    @Test
    void quickConnectOpensTheSiteInTheActivePane(FxRobot robot) {
        remoteReady();
        robot.clickOn(cell(robot, "left", "local.txt"));
        robot.clickOn("#quick-host").write("127.0.0.1");
        robot.doubleClickOn("#quick-port").write(Integer.toString(server.port()));
        robot.clickOn("#quick-user").write(EmbeddedMinaServer.USER);
        robot.clickOn("#quick-password").write(EmbeddedMinaServer.PASSWORD);
        robot.clickOn("#quick-connect");
        until("left pane on the server", () -> names(window.left()).contains("README.txt"));
        String label = EmbeddedMinaServer.USER + "@127.0.0.1:" + server.port();
        assertEquals(label, fx(() -> window.left().viewModel().sourceProperty().get().label()));
        assertEquals("", fx(() -> robot.lookup("#quick-password").queryAs(javafx.scene.control.PasswordField.class)
                .getText()), "the password field is cleared after connecting");
    }

    /** Names of the folders the tree shows under the pane's current folder. */
    private List<String> treeFolders(String side) {
        return fx(() -> {
            javafx.scene.control.TreeView<?> tree = (javafx.scene.control.TreeView<?>) window.root().lookup("#" + side + "-tree");
            javafx.scene.control.TreeItem<?> selected = tree.getSelectionModel().getSelectedItem();
            return selected == null ? List.<String>of() : selected.getChildren().stream()
                    .map(c -> String.valueOf(c.getValue())).map(p -> p.substring(p.lastIndexOf('/') + 1)).toList();
        });
    }

    // ---- a context-menu item and the key it shows do the same thing (one table of actions makes both) ----

    /** The press a menu's shortcut label names ("Ctrl+Shift+C", "Alt+Enter", "Del"), on the file table. */
    private static PaneActions.Press press(String shortcut) {
        boolean shift = false;
        boolean ctrl = false;
        boolean alt = false;
        KeyCode code = null;
        for (String part : shortcut.split("\\+")) {
            switch (part) {
                case "Ctrl" -> ctrl = true;
                case "Shift" -> shift = true;
                case "Alt" -> alt = true;
                case "Del" -> code = KeyCode.DELETE;
                case "Enter" -> code = KeyCode.ENTER;
                default -> code = KeyCode.valueOf(part);
            }
        }
        return new PaneActions.Press(code, shift, ctrl, alt, false, true);
    }

    @Test
    void everyMenuItemShowsTheKeyThatDoesWhatItDoes() {
        PaneView pane = window.left();
        List<MenuItem> items = fx(() -> pane.table().getContextMenu().getItems().stream()
                .filter(i -> !(i instanceof SeparatorMenuItem)).toList());
        List<PaneActions.Action> withItems = pane.paneActions().all().stream().filter(a -> a.menuKey() != null)
                .toList();
        assertEquals(withItems.stream().map(PaneActions.Action::menuKey).toList(),
                items.stream().map(MenuItem::getId).toList());
        int keyed = 0;
        for (PaneActions.Action a : withItems) {
            MenuItem item = items.stream().filter(i -> a.menuKey().equals(i.getId())).findFirst().orElseThrow();
            if (a.shortcut() == null) {
                assertFalse(item.getText().contains("    "), item.getText());
                continue;
            }
            assertTrue(item.getText().endsWith("    " + a.shortcut()), item.getText());
            assertEquals(a, pane.paneActions().forPress(press(a.shortcut())).orElse(null),
                    a.shortcut() + " does what " + a.menuKey() + " does");
            keyed++;
        }
        assertEquals(11, keyed, "items that show a key");
    }

    @Test
    void theTransferItemAndF6SendTheSameFiles(FxRobot robot) {
        PaneView pane = window.left();
        remoteReady();
        until("listed", () -> fx(() -> pane.viewModel().rows().stream().anyMatch(r -> r.name().equals("local.txt"))));
        fx(() -> {
            pane.table().getSelectionModel().clearSelection();
            pane.viewModel().rows().stream().filter(r -> r.name().equals("local.txt")).findFirst()
                    .ifPresent(r -> pane.table().getSelectionModel().select(r));
            pane.table().requestFocus();
            return null;
        });
        MenuItem transfer = fx(() -> pane.table().getContextMenu().getItems().stream()
                .filter(i -> "menu.transferToOther".equals(i.getId())).findFirst().orElseThrow());
        fx(() -> {
            transfer.fire();
            return null;
        });
        until("the item sent the file", () -> submitter.requests.size() == 1);
        robot.type(KeyCode.F6);
        until("F6 sent it too", () -> submitter.requests.size() == 2);
        assertEquals(submitter.requests.get(0), submitter.requests.get(1));
        assertEquals(Location.local(localDir.resolve("local.txt").toString()), submitter.requests.get(0).source());
        assertEquals("/", submitter.requests.get(0).targetDirectory().path());
    }

    @Test
    void theNewFolderItemAndF7MakeAFolderEach(FxRobot robot) {
        PaneView pane = window.left();
        until("listed", () -> fx(() -> pane.viewModel().rows().stream().anyMatch(r -> r.name().equals("local.txt"))));
        dialogs.folderName = "from the menu";
        MenuItem mkdir = fx(() -> pane.table().getContextMenu().getItems().stream()
                .filter(i -> "menu.mkdir".equals(i.getId())).findFirst().orElseThrow());
        fx(() -> {
            mkdir.fire();
            return null;
        });
        until("made from the menu", () -> Files.isDirectory(localDir.resolve("from the menu")));
        dialogs.folderName = "from F7";
        fx(() -> {
            pane.table().requestFocus();
            return null;
        });
        robot.type(KeyCode.F7);
        until("made with F7", () -> Files.isDirectory(localDir.resolve("from F7")));
    }
}
