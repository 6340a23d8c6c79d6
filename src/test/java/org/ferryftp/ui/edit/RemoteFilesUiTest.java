package org.ferryftp.ui.edit;

import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.transfer.TransferQueue;
import org.ferryftp.transfer.edit.EditFolder;
import org.ferryftp.transfer.edit.MinaEdits;
import org.ferryftp.transfer.edit.RemoteEdits;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.concurrent.FxUiExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.ferryftp.ui.support.FxWait.onFx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Edit, save and upload with a fake opener (the "application" is the test writing the file), against an embedded
 * MINA server and a real queue, with the real dialogs answered by clicks.
 */
@ExtendWith(ApplicationExtension.class)
class RemoteFilesUiTest {

    @TempDir
    Path serverRoot;
    @TempDir
    Path tmp;

    private Stage stage;
    private EmbeddedMinaServer server;
    private TransferQueue queue;
    private FxUiExecutor executor;
    private RemoteFiles files;
    private SiteRef site;
    private final LinkedBlockingQueue<Path> opened = new LinkedBlockingQueue<>();
    private Label status;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        status = new Label();
        stage.setScene(new Scene(new StackPane(status), 400, 200));
        stage.show();
    }

    @BeforeEach
    void setUp() throws Exception {
        server = new EmbeddedMinaServer(serverRoot);
        server.write("www/index.html", "<p>old</p>\n".getBytes(StandardCharsets.UTF_8));
        site = MinaEdits.site(server);
        queue = MinaEdits.queue();
        executor = new FxUiExecutor(2);
        Messages msg = new Messages(Locale.ENGLISH);
        files = new RemoteFiles(new RemoteEdits(MinaEdits.sessions(), EditFolder.create(tmp), queue), opened::add,
                (file, title) -> { }, new FxEditDialogs(() -> stage, msg),
                new EditChoices(tmp.resolve("edit.properties"), line -> { }), executor, msg);
        onFx(() -> status.textProperty().bind(files.statusProperty()));
    }

    @AfterEach
    void tearDown() {
        files.close();
        executor.close();
        queue.close();
        server.close();
    }

    private Path openForEditing() throws Exception {
        onFx(() -> files.edit(Location.remote(site, "/www/index.html")));
        Path local = opened.poll(20, TimeUnit.SECONDS);
        assertNotNull(local, "the opener was given the downloaded file");
        assertEquals("<p>old</p>\n", Files.readString(local.toFile().toPath()));
        until("edit status shown", () -> status.getText().contains("is open"));
        return local;
    }

    private void waitForServer(String relative, String content) {
        until(relative + " has the edited content", () -> MinaEdits.holds(server.file(relative), content));
    }

    @Test
    void aSaveIsUploadedAfterAskingAndAlwaysUploadIsRemembered(FxRobot robot) throws Exception {
        Path local = openForEditing();

        Files.writeString(local, "<p>new</p>\n");
        until("the upload question", () -> robot.lookup("#edit-always-upload").tryQuery().isPresent());
        robot.clickOn("#edit-always-upload");
        waitForServer("www/index.html", "<p>new</p>\n");
        assertTrue(queue.awaitIdle(Duration.ofSeconds(10)));
        assertTrue(Files.readString(tmp.resolve("edit.properties")).contains("upload.withoutAsking=true"));

        // Remembered: the next save goes up without a question.
        Files.writeString(local, "<p>newer, longer</p>\n");
        waitForServer("www/index.html", "<p>newer, longer</p>\n");
        assertFalse(robot.lookup("#edit-dialog").tryQuery().isPresent(), "no question the second time");
    }

    @Test
    void aFileChangedOnTheServerIsKeptWhenSavedUnderANewName(FxRobot robot) throws Exception {
        Path local = openForEditing();
        server.write("www/index.html", "<p>someone else's</p>\n".getBytes(StandardCharsets.UTF_8));

        Files.writeString(local, "<p>mine</p>\n");
        until("the changed-on-server question", () -> robot.lookup("#edit-save-as").tryQuery().isPresent());
        robot.clickOn("#edit-save-as");
        until("the name prompt", () -> robot.lookup("#dialog-name").tryQuery().isPresent());
        assertEquals("index (edited).html",
                robot.lookup("#dialog-name").queryAs(javafx.scene.control.TextField.class).getText());
        robot.type(javafx.scene.input.KeyCode.ENTER);

        waitForServer("www/index (edited).html", "<p>mine</p>\n");
        assertEquals("<p>someone else's</p>\n", Files.readString(server.file("www/index.html")));
    }

    @Test
    void aFileChangedOnTheServerIsOverwrittenOnlyWhenChosen(FxRobot robot) throws Exception {
        Path local = openForEditing();
        server.write("www/index.html", "<p>someone else's</p>\n".getBytes(StandardCharsets.UTF_8));

        Files.writeString(local, "<p>mine</p>\n");
        until("the changed-on-server question", () -> robot.lookup("#edit-cancel").tryQuery().isPresent());
        robot.clickOn("#edit-cancel");
        until("not uploaded", () -> status.getText().contains("not uploaded"));
        assertEquals("<p>someone else's</p>\n", Files.readString(server.file("www/index.html")));

        Files.writeString(local, "<p>mine, again</p>\n");
        until("asked again", () -> robot.lookup("#edit-overwrite").tryQuery().isPresent());
        robot.clickOn("#edit-overwrite");
        waitForServer("www/index.html", "<p>mine, again</p>\n");
    }

    /**
     * "Open with…": the program picked for this one file (here a script, as the file chooser would return it) is
     * run with the downloaded copy; its save is asked about and uploaded like any edit.
     */
    @Test
    @org.junit.jupiter.api.condition.DisabledOnOs(org.junit.jupiter.api.condition.OS.WINDOWS)
    void openWithRunsTheProgramPickedForThisFile(FxRobot robot) throws Exception {
        Path picked = tmp.resolve("picked-editor.sh");
        Files.writeString(picked, "#!/bin/sh\nprintf '<p>edited elsewhere</p>\\n' > \"$1\"\n");
        picked.toFile().setExecutable(true);
        Messages msg = new Messages(Locale.ENGLISH);
        FxEditDialogs fx = new FxEditDialogs(() -> stage, msg);
        java.util.List<String> askedFor = new java.util.concurrent.CopyOnWriteArrayList<>();
        EditDialogs picking = new EditDialogs() {
            @Override
            public UploadAnswer askUpload(String file) {
                return fx.askUpload(file);
            }

            @Override
            public ChangedAnswer askChanged(String file, boolean gone, String suggested) {
                return fx.askChanged(file, gone, suggested);
            }

            @Override
            public java.util.Optional<Path> askProgram(String file) {
                askedFor.add(file);
                return java.util.Optional.of(picked);
            }
        };
        files.close();
        files = new RemoteFiles(new RemoteEdits(MinaEdits.sessions(), EditFolder.create(Files.createDirectories(tmp.resolve("with"))), queue),
                local -> { throw new AssertionError("the preferences' opener is not used for Open with…"); },
                (file, title) -> { }, picking, new EditChoices(tmp.resolve("edit.properties"), line -> { }),
                executor, msg);

        onFx(() -> files.editWith(Location.remote(site, "/www/index.html")));

        until("the upload question after the picked program saved", () ->
                robot.lookup("#edit-upload").tryQuery().isPresent());
        assertEquals(java.util.List.of("index.html"), askedFor);
        robot.clickOn("#edit-upload");
        waitForServer("www/index.html", "<p>edited elsewhere</p>\n");
    }
}
