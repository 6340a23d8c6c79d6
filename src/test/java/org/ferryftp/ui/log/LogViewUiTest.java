package org.ferryftp.ui.log;

import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.ferryftp.ftp.LogEntry;
import org.ferryftp.ui.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The log pane's menu offers "Open log folder" when the app gives a way to open it, and only then; lines logged
 * from any thread appear, the newest in view; an idle log asks the toolkit for no pulses.
 */
@ExtendWith(ApplicationExtension.class)
class LogViewUiTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void linesFromAnyThreadAppearAndAnIdleLogAsksForNoPulses() throws Exception {
        Messages msg = new Messages(Locale.ENGLISH);
        LogBuffer buffer = new LogBuffer(1000);
        AtomicInteger pulses = new AtomicInteger();
        LogView view = fx(() -> {
            LogView v = new LogView(buffer, msg, s -> { });
            Scene scene = new Scene(v.node(), 400, 120);
            scene.addPostLayoutPulseListener(pulses::incrementAndGet);
            stage.setScene(scene);
            stage.show();
            return v;
        });
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 500; i++) {
                buffer.log(new LogEntry(Instant.now(), "c1", LogEntry.Direction.SENT, "NOOP " + i));
            }
        });
        writer.start();
        writer.join();
        until("all 500 lines in the list", () -> buffer.entries().size() == 500);
        // The newest line is scrolled into view (the list follows while nothing is selected).
        until("the newest line in view", () -> view.node().lookupAll(".list-cell").stream()
                .anyMatch(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getText() != null
                        && c.getText().endsWith("NOOP 499")));
        // Idle: a window with nothing to do is not redrawn. A polling animation asks for 60 pulses a second.
        pulses.set(0);
        long observed = System.nanoTime();
        Thread.sleep(1000); // an observation window, not a wait for a condition
        int seen = pulses.get();
        long millis = (System.nanoTime() - observed) / 1_000_000;
        assertTrue(seen <= 5, seen + " pulses in " + millis + " ms of an idle log");
        fx(() -> {
            view.stop();
            stage.hide();
            return null;
        });
    }

    @Test
    void openLogFolderIsOnTheMenuWhenTheAppCanOpenIt() {
        AtomicInteger opened = new AtomicInteger();
        Messages msg = new Messages(Locale.ENGLISH);
        Optional<MenuItem> item = fx(() -> {
            LogView view = new LogView(new LogBuffer(10), msg, s -> { }, opened::incrementAndGet);
            view.stop();
            return openFolderItem(view);
        });
        assertTrue(item.isPresent());
        assertEquals("Open log folder", item.get().getText());
        fx(() -> {
            item.get().fire();
            return null;
        });
        assertEquals(1, opened.get());

        Optional<MenuItem> none = fx(() -> {
            LogView view = new LogView(new LogBuffer(10), msg, s -> { });
            view.stop();
            return openFolderItem(view);
        });
        assertTrue(none.isEmpty(), "no way to open it, no menu item");
    }

    private static Optional<MenuItem> openFolderItem(LogView view) {
        return view.node().getContextMenu().getItems().stream().filter(i -> "log-open-folder".equals(i.getId()))
                .findFirst();
    }
}
