package org.ferryftp.ui.search;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.ui.browser.FileRow;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.main.MainWindow;
import org.ferryftp.ui.support.RecordingSubmitter;
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
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.onFx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search window opened from the right pane (an embedded MINA server) with Ctrl+Shift+F. */
@ExtendWith(ApplicationExtension.class)
class SearchUiTest {

    private static final int WIDE_DIRS = 120;

    private EmbeddedMinaServer server;
    private Path localDir;
    private final RecordingSubmitter submitter = new RecordingSubmitter();
    private TestWindow test;
    private MainWindow window;

    @Start
    void start(Stage stage) throws IOException {
        Path root = Files.createTempDirectory("ferry-search-server");
        server = new EmbeddedMinaServer(root);
        server.write("README.txt", "hello".getBytes(StandardCharsets.UTF_8));
        server.write("docs/guide.md", "g".getBytes(StandardCharsets.UTF_8));
        server.write("old/inner/deep.txt", "d".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < WIDE_DIRS; i++) {
            server.write("wide/d" + i + "/f" + i + ".log", "x".getBytes(StandardCharsets.UTF_8));
        }
        localDir = Files.createTempDirectory("ferry-search-local");
        SiteRef site = new SiteRef("test", "Test", SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)), 1);
        Source local = Source.local("Local");
        test = TestWindow.on(stage).localHome(localDir).sources(List.of(local, Source.of(site)), local, Source.of(site))
                .submitter(submitter)
                .show();
        window = test.window();
    }

    @AfterEach
    void stop() throws IOException {
        onFx(() -> javafx.stage.Window.getWindows().stream().filter(w -> w != window.stage()).toList()
                .forEach(javafx.stage.Window::hide));
        test.close();
        server.close();
        for (Path p : new Path[] {server.root(), localDir}) {
            try (Stream<Path> walk = Files.walk(p)) {
                walk.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
            }
        }
    }

    private TableView<SearchHit> openSearch(FxRobot robot, String pattern) {
        until("right pane listed", () -> fx(() -> window.right().viewModel().rows().stream()
                .anyMatch(r -> r.name().equals("README.txt"))));
        robot.clickOn("#right-table");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        until("search window", () -> robot.lookup("#search-pattern").tryQuery().isPresent());
        TextField field = robot.lookup("#search-pattern").queryAs(TextField.class);
        fx(() -> {
            field.setText(pattern);
            return null;
        });
        return robot.lookup("#search-results").queryTableView();
    }

    private static List<String> paths(TableView<SearchHit> table) {
        return fx(() -> table.getItems().stream().map(SearchHit::path).sorted().toList());
    }

    @Test
    void resultsStreamInAndCanBeRevealedAndDownloaded(FxRobot robot) {
        TableView<SearchHit> results = openSearch(robot, "*.txt");
        assertEquals("/", fx(() -> robot.lookup("#search-root").queryAs(TextField.class).getText()));
        robot.clickOn("#search-start");
        Label status = robot.lookup("#search-status").queryAs(Label.class);
        until("search done", () -> fx(() -> status.getText().startsWith("Done")));
        assertEquals(List.of("/README.txt", "/old/inner/deep.txt"), paths(results));

        fx(() -> {
            results.getSelectionModel().clearSelection();
            results.getSelectionModel().select(results.getItems().stream()
                    .filter(h -> h.name().equals("deep.txt")).findFirst().orElseThrow());
            return null;
        });
        robot.clickOn("#search-download");
        until("download queued", () -> !submitter.requests.isEmpty());
        TransferRequest r = submitter.requests.get(0);
        assertEquals("/old/inner/deep.txt", r.source().path());
        assertTrue(r.targetDirectory().isLocal());
        assertEquals(localDir.toString(), r.targetDirectory().path());

        robot.clickOn("#search-reveal"); // brings the main window to the front
        until("pane shows /old/inner with deep.txt selected", () -> fx(() ->
                "/old/inner".equals(window.right().viewModel().pathProperty().get())
                        && window.right().selection().stream().map(FileRow::name).toList()
                        .equals(List.of("deep.txt"))));
    }

    @Test
    void aSearchCanBeStopped(FxRobot robot) {
        TableView<SearchHit> results = openSearch(robot, "*.log");
        robot.clickOn("#search-start");
        until("first results", () -> fx(() -> !results.getItems().isEmpty()));
        robot.clickOn("#search-stop");
        Label status = robot.lookup("#search-status").queryAs(Label.class);
        until("stopped", () -> fx(() -> status.getText().startsWith("Stopped")));
        int found = fx(() -> results.getItems().size());
        assertTrue(found > 0 && found < WIDE_DIRS, "found " + found + " of " + WIDE_DIRS);
        // Nothing more arrives after the stop, and a new search can start.
        assertTrue(fx(() -> !robot.lookup("#search-start").query().isDisabled()));
        assertEquals(found, (int) fx(() -> results.getItems().size()));

        // The pane leaves the site: the search, which lists through the pane's connection, closes with it.
        fx(() -> {
            window.right().viewModel().open(Source.local("Local"));
            return null;
        });
        until("search window closed", () -> fx(() -> !results.getScene().getWindow().isShowing()));
    }
}
