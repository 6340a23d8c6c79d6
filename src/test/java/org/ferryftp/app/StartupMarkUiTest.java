package org.ferryftp.app;

import javafx.stage.Stage;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.concurrent.FxUiExecutor;
import org.ferryftp.ui.log.LogBuffer;
import org.ferryftp.ui.main.MainWindow;
import org.ferryftp.ui.main.MainWindowConfig;
import org.ferryftp.ui.main.WindowStateStore;
import org.ferryftp.ui.support.FakeBrowser;
import org.ferryftp.ui.support.RecordingSubmitter;
import org.ferryftp.ui.support.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start-up benchmark's mark (.ci/bench.sh startup): written once the real main window is shown at its size
 * with the local pane listed and the focus set, never before; without FERRY_STARTUP_MARK there is none.
 */
@ExtendWith(ApplicationExtension.class)
class StartupMarkUiTest {

    @TempDir
    Path dir;
    private FxUiExecutor executor;
    private Stage stage;
    private final List<String> problems = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        executor = new FxUiExecutor(1);
    }

    @AfterEach
    void cleanUp() {
        executor.close();
    }

    @Test
    void theMarkIsWrittenWhenTheWindowIsUsable() throws Exception {
        Path file = dir.resolve("mark");
        long[] now = {1_000};
        StartupMark mark = StartupMark.fromEnvironment(Map.of(StartupMark.ENV, file.toString()), () -> now[0]++,
                problems::add).orElseThrow();
        Source local = Source.local("Local");
        MainWindow window = fx(() -> {
            MainWindow w = new MainWindow(MainWindowConfig.builder(new Messages(Locale.ENGLISH), executor,
                    s -> new FakeBrowser("/").with("/", FakeBrowser.file("f.txt", 1)), List.of(local), local, local,
                    new RecordingSubmitter(), new LogBuffer(10))
                    .stateStore(new WindowStateStore(dir.resolve("window.properties")))
                    .dialogs(new ScriptedDialogs())
                    .build());
            mark.phase("fx-start");
            w.show(stage);
            mark.phase("shown");
            mark.watch(stage, w.left().viewModel());
            return w;
        });
        until("the mark", () -> Files.exists(file));
        Map<String, Long> lines = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.split(" ");
            lines.put(parts[0], Long.parseLong(parts[1]));
        }
        assertEquals(List.of("fx-start", "shown", "usable", "cpu-ms"),
                Files.readAllLines(file).stream().map(l -> l.split(" ")[0]).toList());
        assertTrue(lines.get("usable") > lines.get("shown"), lines.toString());
        assertTrue(lines.get("cpu-ms") > 0, lines.toString());
        fx(() -> {
            assertTrue(StartupMark.usable(stage, window.left().viewModel()));
            assertEquals("/", window.left().viewModel().pathProperty().get());
            assertTrue(stage.getWidth() >= StartupMark.MIN_WIDTH);
            return null;
        });
        assertTrue(problems.isEmpty(), problems.toString());
        fx(() -> {
            window.close();
            return null;
        });
    }

    @Test
    void withoutTheVariableThereIsNoMark() {
        assertFalse(StartupMark.fromEnvironment(Map.of(), () -> 0, problems::add).isPresent());
        assertFalse(StartupMark.fromEnvironment(Map.of(StartupMark.ENV, " "), () -> 0, problems::add).isPresent());
    }
}
