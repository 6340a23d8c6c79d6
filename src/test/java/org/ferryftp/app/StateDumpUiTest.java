package org.ferryftp.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.ferryftp.fs.LocalBrowser;
import org.ferryftp.transfer.ProgressThrottle;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.TransferQueue;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.concurrent.FxUiExecutor;
import org.ferryftp.ui.log.LogBuffer;
import org.ferryftp.ui.main.MainWindow;
import org.ferryftp.ui.main.MainWindowConfig;
import org.ferryftp.ui.queue.QueueViewModel;
import org.ferryftp.ui.support.HomeOverrideBrowser;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state dump of the real window: written when FERRY_STATE_DUMP asks for it, again when the window changes. */
@ExtendWith(ApplicationExtension.class)
class StateDumpUiTest {

    private final List<String> problems = new ArrayList<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private Path dir;
    private Path file;
    private FxUiExecutor executor;
    private MainWindow window;
    private TransferQueue queue;
    private QueueViewModel queueView;
    private StateDump dump;

    @Start
    void start(Stage stage) throws IOException {
        dir = Files.createTempDirectory("ferry-state-dump");
        Files.createDirectories(dir.resolve("home/inner"));
        Files.writeString(dir.resolve("home/a.txt"), "a");
        file = dir.resolve("state.json");
        Messages msg = new Messages(Locale.ENGLISH);
        executor = new FxUiExecutor(2);
        Source local = Source.local("Local");
        window = new MainWindow(MainWindowConfig.builder(msg, executor,
                s -> new HomeOverrideBrowser(new LocalBrowser(), dir.resolve("home").toString()), List.of(local), local,
                local, new RecordingSubmitter(), new LogBuffer(100))
                .dialogs(new ScriptedDialogs())
                .build());
        window.show(stage);
        queue = TransferQueue.create(QueueSettings.DEFAULT, s -> {
            throw new IllegalStateException("no sessions in this test");
        }, ConflictPolicy.fixed(ConflictChoice.SKIP));
        queueView = new QueueViewModel(queue, Platform::runLater, Runnable::run, ProgressThrottle.Scheduler.of(timers),
                System::nanoTime);
        assertTrue(StateDump.start(Map.of(), stage, window, queueView, problems::add).isEmpty(),
                "no dump without the variable");
        dump = StateDump.start(Map.of(StateDump.ENV, file.toString()), stage, window, queueView, problems::add)
                .orElseThrow();
    }

    @AfterEach
    void stop() throws IOException {
        fx(() -> {
            dump.close();
            window.close();
            return null;
        });
        queueView.close();
        queue.close();
        timers.shutdownNow();
        executor.close();
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void saysWhereThePanesAreAndFollowsThem() {
        String home = dir.resolve("home").toString();
        until("the dump shows the left pane's folder", () -> home.equals(read().path("left").path("path").asText()));
        JsonNode first = read();
        assertEquals("Local", first.get("left").get("source").asText());
        assertTrue(first.get("left").get("active").asBoolean());
        JsonNode row = first.get("left").get("rows").get(0);
        assertEquals("inner", row.get("name").asText());
        assertTrue(row.get("x").asInt() > 0 && row.get("y").asInt() > 0, "a row on the screen has its place: " + row);
        assertTrue(first.get("dialogs").isEmpty());
        assertEquals("Ferry \u2014 Local \u2014 Local", first.get("windows").get(0).get("title").asText());

        fx(() -> {
            window.left().viewModel().navigate(dir.resolve("home/inner").toString());
            return null;
        });
        until("the dump follows the pane", () -> dir.resolve("home/inner").toString()
                .equals(read().path("left").path("path").asText()));
        assertTrue(read().get("seq").asLong() > first.get("seq").asLong());
        assertTrue(problems.isEmpty(), problems::toString);
    }

    private JsonNode read() {
        try {
            return Files.exists(file) ? new ObjectMapper().readTree(file.toFile()) : new ObjectMapper().createObjectNode();
        } catch (IOException e) {
            return new ObjectMapper().createObjectNode();
        }
    }
}
