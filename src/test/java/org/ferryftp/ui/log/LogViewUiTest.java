package org.ferryftp.ui.log;

import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.ferryftp.ui.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log pane's menu offers "Open log folder" when the app gives a way to open it, and only then. */
@ExtendWith(ApplicationExtension.class)
class LogViewUiTest {

    @Start
    void start(Stage stage) {
        // Nothing to show: the views are built and inspected on the FX thread.
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
