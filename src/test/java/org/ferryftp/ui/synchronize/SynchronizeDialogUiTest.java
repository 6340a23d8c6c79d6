package org.ferryftp.ui.synchronize;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.transfer.StandardSessions;
import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.transfer.sync.DirectedStep.Towards;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.browser.StandardBrowserFactory;
import org.ferryftp.ui.concurrent.FxUiExecutor;
import org.ferryftp.ui.log.LogBuffer;
import org.ferryftp.ui.main.MainWindow;
import org.ferryftp.ui.main.MainWindowConfig;
import org.ferryftp.ui.support.RecordingSubmitter;
import org.ferryftp.ui.support.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.onFx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transfer, Synchronize folders… between a local folder (left) and an embedded MINA folder (right): the preview's
 * rows, unchecking one, a conflict decided in its row, queuing, and a cancel while a large tree is being listed.
 */
@ExtendWith(ApplicationExtension.class)
class SynchronizeDialogUiTest {

    @TempDir
    Path tmp;
    private FxUiExecutor executor;
    private Stage stage;
    private EmbeddedMinaServer server;
    private final RecordingSubmitter queue = new RecordingSubmitter();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        executor = new FxUiExecutor(2);
    }

    @AfterEach
    void cleanUp() {
        onFx(() -> Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide));
        executor.close();
        if (server != null) {
            server.close();
        }
    }

    static void write(Path file, String text, String time) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(time)));
    }

    @Test
    void previewUncheckDecideAConflictAndQueue(FxRobot robot) throws Exception {
        Path left = Files.createDirectories(tmp.resolve("left"));
        Path root = Files.createDirectories(tmp.resolve("server"));
        Path right = root.resolve("site");
        write(left.resolve("same.txt"), "same", "2024-01-01T10:00:00Z");
        write(right.resolve("same.txt"), "same", "2024-01-01T10:00:00Z");
        write(left.resolve("new.txt"), "new", "2024-02-01T10:00:00Z");
        write(left.resolve("also-new.txt"), "also new", "2024-02-01T10:00:00Z");
        write(left.resolve("changed.txt"), "changed, longer", "2024-02-01T10:00:00Z");
        write(right.resolve("changed.txt"), "changed", "2024-01-01T10:00:00Z");
        write(right.resolve("only-right.txt"), "right", "2024-01-01T10:00:00Z");
        write(left.resolve("both.txt"), "left side", "2024-01-01T10:00:00Z");
        write(right.resolve("both.txt"), "right", "2024-01-01T10:00:00Z");
        MainWindow w = open(left, root, "/site");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Y).release(KeyCode.Y, KeyCode.SHIFT, KeyCode.CONTROL);
        java.util.concurrent.atomic.AtomicReference<String> seen = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            until("the preview is planned", () -> {
                seen.set(text(robot, "#synchronize-progress") + " / " + (table(robot) == null ? null
                        : table(robot).getItems().stream().map(r -> r.step().line()).toList()));
                return table(robot) != null && "The plan is complete.".equals(text(robot, "#synchronize-progress"))
                        && table(robot).getItems().size() == 5;
            });
        } catch (AssertionError e) {
            throw new AssertionError(seen.get(), e);
        }
        assertEquals(List.of("copy also-new.txt", "copy new.txt", "skip same.txt",
                        "update both.txt", "update changed.txt"),
                fx(() -> table(robot).getItems().stream().map(r -> r.step().action().name().toLowerCase(Locale.ROOT)
                        + " " + r.step().path()).sorted().toList()));
        assertEquals("2 to copy, 2 to update, 0 to delete, 0 conflicts · 4 checked",
                fx(() -> text(robot, "#synchronize-summary")));
        assertTrue(fx(() -> table(robot).lookupAll(".scroll-bar").stream()
                        .map(n -> (javafx.scene.control.ScrollBar) n)
                        .filter(b -> b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL)
                        .noneMatch(javafx.scene.control.ScrollBar::isVisible)),
                "every column fits the dialog (a horizontal scroll bar cut the Size column)");
        robot.clickOn(checkBox(robot, "also-new.txt"));
        until("one row unchecked", () -> text(robot, "#synchronize-summary").endsWith("· 3 checked"));
        robot.clickOn("#synchronize-run");
        until("three transfers queued", () -> queue.requests.size() == 3);
        assertEquals(List.of("both.txt", "changed.txt", "new.txt"), queue.requests.stream()
                .map(TransferRequest::targetName).sorted().toList());
        assertTrue(queue.requests.stream().allMatch(r -> r.targetDirectory().path().equals("/site")));

        // Both ways: only-right.txt comes to the left, and both.txt (sizes differ, same time) asks.
        queue.requests.clear();
        robot.clickOn("#synchronize-both");
        until("planned both ways", () -> "The plan is complete.".equals(text(robot, "#synchronize-progress"))
                && text(robot, "#synchronize-summary").contains("1 conflicts"));
        assertEquals("3 to copy, 1 to update, 0 to delete, 1 conflicts · 4 checked",
                fx(() -> text(robot, "#synchronize-summary")));
        // The summary is counted before the table lays out the conflict row's cells: wait for its choice box.
        until("the conflict's choice shown", () -> robot.lookup("#synchronize-choice").tryQuery().isPresent());
        ComboBox<?> choice = robot.lookup("#synchronize-choice").queryAs(ComboBox.class);
        robot.clickOn(choice);
        until("the choices shown", choice::isShowing);
        robot.type(KeyCode.UP).type(KeyCode.ENTER); // from "leave both" up to "←"
        until("the conflict is decided: the right side's file goes left", () -> text(robot, "#synchronize-summary")
                .endsWith("· 5 checked"));
        robot.clickOn("#synchronize-run");
        until("five transfers queued", () -> queue.requests.size() == 5);
        TransferRequest both = queue.requests.stream().filter(r -> "both.txt".equals(r.targetName())).findFirst()
                .orElseThrow();
        assertEquals("/site/both.txt", both.source().path());
        assertEquals(left.toString(), both.targetDirectory().path());
        assertTrue(fx(() -> table(robot).getItems().stream().filter(SyncRow::conflict).allMatch(r ->
                r.towardsProperty().get() == Towards.LEFT)));
    }

    @Test
    void cancelWhileListingALargeTree(FxRobot robot) throws Exception {
        Path left = Files.createDirectories(tmp.resolve("left"));
        Path root = Files.createDirectories(tmp.resolve("server"));
        for (int i = 0; i < 600; i++) {
            for (Path side : List.of(left, root.resolve("big"))) {
                write(side.resolve(String.format("d%04d/f.txt", i)), "x", "2024-01-01T10:00:00Z");
            }
        }
        open(left, root, "/big");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Y).release(KeyCode.Y, KeyCode.SHIFT, KeyCode.CONTROL);
        until("rows stream in while it lists", () -> table(robot) != null && !table(robot).getItems().isEmpty()
                && text(robot, "#synchronize-progress").startsWith("Listing d"));
        assertTrue(fx(() -> robot.lookup("#synchronize-run").queryAs(Button.class).isDisabled()),
                "no synchronizing a plan still being made");
        robot.clickOn("#synchronize-cancel");
        until("cancelled", () -> text(robot, "#synchronize-progress").startsWith("Planning cancelled"));
        int listed = fx(() -> table(robot).getItems().size());
        assertTrue(listed < 600, "stopped part way: " + listed + " rows");
        assertTrue(fx(() -> robot.lookup("#synchronize-run").queryAs(Button.class).isDisabled()),
                "an incomplete plan is not carried out");
        assertTrue(fx(() -> !robot.lookup("#synchronize-cancel").queryAs(Button.class).isVisible()));
    }

    private MainWindow open(Path left, Path serverRoot, String remoteDir) {
        server = new EmbeddedMinaServer(serverRoot);
        Source local = Source.local("Local");
        Source mina = Source.of(new SiteRef("mina", "MINA", SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)), 2));
        MainWindow w = fx(() -> {
            MainWindow m = new MainWindow(MainWindowConfig.builder(new Messages(Locale.ENGLISH), executor,
                    new StandardBrowserFactory(new StandardSessions(LogListener.NONE)), List.of(local, mina), local,
                    mina, queue, new LogBuffer(10))
                    .dialogs(new ScriptedDialogs())
                    .build());
            m.show(stage);
            stage.setWidth(1400);
            stage.setHeight(860);
            return m;
        });
        until("both panes opened", () -> w.left().viewModel().pathProperty().get() != null
                && w.right().viewModel().pathProperty().get() != null);
        onFx(() -> {
            w.left().viewModel().navigate(left.toString());
            w.right().viewModel().navigate(remoteDir);
        });
        until("both folders shown", () -> left.toString().equals(w.left().viewModel().pathProperty().get())
                && remoteDir.equals(w.right().viewModel().pathProperty().get()));
        onFx(w.left()::focusTable);
        return w;
    }

    @SuppressWarnings("unchecked")
    private static TableView<SyncRow> table(FxRobot robot) {
        return robot.lookup("#synchronize-table").tryQueryAs(TableView.class).orElse(null);
    }

    /** On the FX thread (inside {@code until}), or through {@code fx}. */
    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    private static Node checkBox(FxRobot robot, String path) {
        return fx(() -> table(robot).lookupAll(".table-row-cell").stream().map(n -> (TableRow<?>) n)
                .filter(r -> r.getItem() instanceof SyncRow s && s.step().path().equals(path))
                .map(r -> r.lookup(".check-box")).filter(CheckBox.class::isInstance).findFirst().orElseThrow());
    }
}
