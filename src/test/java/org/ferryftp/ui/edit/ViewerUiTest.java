package org.ferryftp.ui.edit;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ferryftp.ui.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.onFx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quick viewer pages a large text file by keyboard and buttons, and re-reads it in another charset. */
@ExtendWith(ApplicationExtension.class)
class ViewerUiTest {

    @TempDir
    Path tmp;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 100));
        stage.show();
    }

    @Test
    void pagesThroughALargeFile(FxRobot robot) throws Exception {
        Path file = tmp.resolve("big.log");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            for (int i = 0; i < 400_000; i++) {
                w.write("line " + i + " caf\u00e9\n"); // about 8 MB, "é" one byte in Latin-1
            }
        }
        int pageBytes = 64 * 1024;
        long pages = (Files.size(file) + pageBytes - 1) / pageBytes;
        onFx(() -> new ViewerWindow(() -> stage, new Messages(Locale.ENGLISH), pageBytes).show(file, "big.log"));
        until("the viewer", () -> robot.lookup("#viewer-text").tryQuery().isPresent());
        TextArea text = robot.lookup("#viewer-text").queryAs(TextArea.class);
        Label position = robot.lookup("#viewer-position").queryAs(Label.class);

        assertTrue(fx(text::getText).startsWith("line 0 caf\uFFFD\n"), "read as UTF-8 first: é is not UTF-8 here");
        assertEquals("Page 1 of " + pages, fx(position::getText));
        assertTrue(fx(() -> text.getText().length()) < 2 * pageBytes, "one page, not the file");

        robot.clickOn("#viewer-text");
        robot.press(KeyCode.CONTROL).type(KeyCode.PAGE_DOWN).release(KeyCode.CONTROL);
        until("page 2", () -> fx(position::getText).equals("Page 2 of " + pages));
        assertTrue(fx(text::getText).startsWith("line "), "pages start at a line");

        robot.press(KeyCode.CONTROL).type(KeyCode.END).release(KeyCode.CONTROL);
        until("last page", () -> fx(position::getText).equals("Page " + pages + " of " + pages));
        assertTrue(fx(text::getText).endsWith("line 399999 caf\uFFFD\n"));

        ComboBox<?> charsets = robot.lookup("#viewer-charset").queryAs(ComboBox.class);
        onFx(() -> ((ComboBox<java.nio.charset.Charset>) (ComboBox) charsets).setValue(StandardCharsets.ISO_8859_1));
        until("re-read in Latin-1", () -> fx(text::getText).endsWith("line 399999 caf\u00e9\n"));

        robot.clickOn("#viewer-first");
        until("first page", () -> fx(position::getText).equals("Page 1 of " + pages));
    }

    @Test
    void wrapsLongLinesToTheWindow(FxRobot robot) throws Exception {
        Path file = tmp.resolve("long.md");
        Files.writeString(file, "word ".repeat(400) + "end\n");
        onFx(() -> new ViewerWindow(() -> stage, new Messages(Locale.ENGLISH), 64 * 1024).show(file, "long.md"));
        until("the viewer", () -> robot.lookup("#viewer-text").tryQuery().isPresent());
        TextArea text = robot.lookup("#viewer-text").queryAs(TextArea.class);
        until("the text laid out", () -> text.lookup(".scroll-pane") instanceof ScrollPane s
                && s.getViewportBounds().getWidth() > 0 && s.getContent().getLayoutBounds().getWidth() > 0);
        ScrollPane scroll = fx(() -> (ScrollPane) text.lookup(".scroll-pane"));
        // The 2,000-character line shows whole, over many rows, within the window's width.
        until("the long line wraps", () -> scroll.getContent().getLayoutBounds().getWidth()
                <= scroll.getViewportBounds().getWidth() + 1
                && scroll.getContent().getLayoutBounds().getHeight() > 5 * 16);
    }
}
