package org.ferryftp.ui.main;

import javafx.stage.Stage;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.concurrent.FxUiExecutor;
import org.ferryftp.ui.log.LogBuffer;
import org.ferryftp.ui.support.FakeBrowser;
import org.ferryftp.ui.support.RecordingSubmitter;
import org.ferryftp.ui.support.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Layout is written on close and read back by the next window; a corrupt file does not stop start-up. */
@ExtendWith(ApplicationExtension.class)
class WindowStateUiTest {

    private Path dir;
    private FxUiExecutor executor;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        dir = Files.createTempDirectory("ferry-state");
        Files.writeString(dir.resolve("window.properties"), "width=\\uZZZZ garbage\u0000");
        executor = new FxUiExecutor(1);
    }

    @AfterEach
    void cleanUp() throws IOException {
        executor.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private MainWindow window(WindowStateStore store) {
        Source a = Source.local("A");
        return new MainWindow(MainWindowConfig.builder(new Messages(Locale.ENGLISH), executor,
                s -> new FakeBrowser("/").with("/", FakeBrowser.file("f.txt", 1)), List.of(a), a, a,
                new RecordingSubmitter(), new LogBuffer(10))
                .stateStore(store)
                .dialogs(new ScriptedDialogs())
                .build());
    }

    @Test
    void layoutSurvivesARestart() {
        WindowStateStore store = new WindowStateStore(dir.resolve("window.properties"));
        MainWindow first = fx(() -> {
            MainWindow w = window(store);
            w.show(stage);
            return w;
        });
        until("shown", () -> "/".equals(first.left().viewModel().pathProperty().get()));
        fx(() -> {
            stage.setWidth(1000);
            stage.setHeight(700);
            first.left().table().getColumns().get(0).setPrefWidth(321);
            return null;
        });
        until("laid out", () -> first.left().table().getColumns().get(0).getWidth() == 321);
        fx(() -> {
            first.root().lookup("#panes");
            ((javafx.scene.control.SplitPane) first.root().lookup("#panes")).setDividerPositions(0.35);
            first.close();
            return null;
        });
        WindowState saved = store.load();
        assertEquals(1000, saved.width());
        assertEquals(700, saved.height());
        assertEquals(0.35, saved.paneDivider(), 0.01);
        assertEquals(321.0, saved.columnWidths().get("left.name"));
        assertTrue(saved.columnWidths().containsKey("right.modified"));

        MainWindow second = fx(() -> {
            MainWindow w = window(store);
            w.show(new Stage());
            return w;
        });
        until("restored", () -> second.left().table().getColumns().get(0).getPrefWidth() == 321
                && Math.abs(((javafx.scene.control.SplitPane) second.root().lookup("#panes")).getDividerPositions()[0]
                - 0.35) < 0.01);
        fx(() -> {
            second.close();
            return null;
        });
    }
}
