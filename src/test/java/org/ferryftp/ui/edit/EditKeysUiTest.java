package org.ferryftp.ui.edit;

import org.ferryftp.site.FileActivation;
import org.ferryftp.site.Preferences;
import org.ferryftp.transfer.RelayPolicy;
import org.ferryftp.ui.main.MenuActions;
import org.ferryftp.ui.prefs.LivePreferences;

import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ferryftp.fs.LocalBrowser;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.transfer.StandardSessions;
import org.ferryftp.transfer.TransferQueue;
import org.ferryftp.transfer.edit.EditFolder;
import org.ferryftp.transfer.edit.MinaEdits;
import org.ferryftp.transfer.edit.RemoteEdits;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.browser.BrowserFactory;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.browser.StandardBrowserFactory;
import org.ferryftp.ui.concurrent.FxUiExecutor;
import org.ferryftp.ui.log.LogBuffer;
import org.ferryftp.ui.main.MainWindow;
import org.ferryftp.ui.main.MainWindowConfig;
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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** F4 edits and Shift+F4 views the selected remote file, from the main window's pane, by keyboard only. */
@ExtendWith(ApplicationExtension.class)
class EditKeysUiTest {

    private EmbeddedMinaServer server;
    private TransferQueue queue;
    private FxUiExecutor executor;
    private MainWindow window;
    private Path tmp;
    private final LinkedBlockingQueue<Path> opened = new LinkedBlockingQueue<>();
    private final LivePreferences prefs = new LivePreferences(activation(FileActivation.TRANSFER), p -> { });

    private static Preferences activation(FileActivation a) {
        return new Preferences(2, 5, null, RelayPolicy.NEVER, 0, 100, false, 0, 0, true, a, true);
    }

    @Start
    void start(Stage stage) throws IOException {
        server = new EmbeddedMinaServer(Files.createTempDirectory("ferry-edit-server"));
        server.write("notes.txt", "remote notes\n".getBytes(StandardCharsets.UTF_8));
        tmp = Files.createTempDirectory("ferry-edit-keys");
        SiteRef site = MinaEdits.site(server);
        Messages msg = new Messages(Locale.ENGLISH);
        LogBuffer log = new LogBuffer(100);
        StandardBrowserFactory remote = new StandardBrowserFactory(new StandardSessions(log));
        BrowserFactory browsers = s -> s.isLocal() ? new LocalBrowser() : remote.open(s);
        executor = new FxUiExecutor(2);
        queue = MinaEdits.queue();
        EditParts editing = new EditParts(new RemoteEdits(MinaEdits.sessions(), EditFolder.create(tmp), queue),
                opened::add, new EditChoices(tmp.resolve("edit.properties"), line -> { }));
        Source local = Source.local("Local");
        MenuActions actions = new MenuActions(() -> { }, () -> { }, () -> { }, prefs, null);
        window = new MainWindow(MainWindowConfig.builder(msg, executor, browsers, List.of(local, Source.of(site)),
                local, Source.of(site), queue, log)
                .menus(actions)
                .editing(editing)
                .build());
        window.show(stage);
    }

    @AfterEach
    void stop() throws IOException {
        fx(() -> {
            window.close();
            return null;
        });
        executor.close();
        queue.close();
        server.close();
        for (Path p : new Path[] {server.root(), tmp}) {
            try (java.util.stream.Stream<Path> walk = Files.walk(p)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
            }
        }
    }

    private void select(FxRobot robot, String name) {
        until("right pane lists " + name, () -> robot.lookup("#right-table .table-cell")
                .match((Node n) -> n instanceof TableCell<?, ?> c && name.equals(c.getText())).tryQuery().isPresent());
        robot.clickOn(robot.lookup("#right-table .table-cell")
                .match((Node n) -> n instanceof TableCell<?, ?> c && name.equals(c.getText())).<Node>query());
    }

    @Test
    void f4EditsAndTheSaveIsUploaded(FxRobot robot) throws Exception {
        select(robot, "notes.txt");
        robot.type(KeyCode.F4);

        Path local = opened.poll(20, TimeUnit.SECONDS);
        assertNotNull(local, "F4 opened the file");
        Files.writeString(local, "edited by keyboard\n");
        until("the upload question", () -> robot.lookup("#edit-upload").tryQuery().isPresent());
        robot.type(KeyCode.ENTER); // Upload is the default button
        until("uploaded", () -> MinaEdits.holds(server.file("notes.txt"), "edited by keyboard\n"));
    }

    @Test
    void shiftF4ViewsTheFile(FxRobot robot) {
        select(robot, "notes.txt");
        robot.press(KeyCode.SHIFT).type(KeyCode.F4).release(KeyCode.SHIFT);

        until("the viewer shows the file", () -> robot.lookup("#viewer-text").tryQuery()
                .map(n -> ((TextArea) n).getText().equals("remote notes\n")).orElse(false));
        robot.type(KeyCode.ESCAPE);
        until("the viewer closed", () -> robot.lookup("#viewer-text").tryQuery().isEmpty());
    }

    @Test
    void enterOnAFileEditsOrViewsItWhenThePreferencesSaySo(FxRobot robot) throws Exception {
        robot.interact(() -> prefs.replace(activation(FileActivation.EDIT)));
        select(robot, "notes.txt");
        robot.type(KeyCode.ENTER);
        assertNotNull(opened.poll(20, TimeUnit.SECONDS), "Enter opened the file for editing");

        robot.interact(() -> prefs.replace(activation(FileActivation.VIEW)));
        select(robot, "notes.txt");
        robot.doubleClickOn(robot.lookup("#right-table .table-cell")
                .match((Node n) -> n instanceof TableCell<?, ?> c && "notes.txt".equals(c.getText())).<Node>query());
        until("the viewer shows the file", () -> robot.lookup("#viewer-text").tryQuery()
                .map(n -> ((TextArea) n).getText().equals("remote notes\n")).orElse(false));
        robot.type(KeyCode.ESCAPE);
    }
}
