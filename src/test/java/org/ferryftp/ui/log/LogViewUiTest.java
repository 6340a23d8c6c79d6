package org.ferryftp.ui.log;

import javafx.event.Event;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.ferryftp.ftp.LogEntry;
import org.ferryftp.ui.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import static org.ferryftp.ui.support.FxWait.fx;
import static org.ferryftp.ui.support.FxWait.onFx;
import static org.ferryftp.ui.support.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The log pane's menu offers "Open log folder" when the app gives a way to open it, and only then; lines logged
 * from any thread appear, the newest in view; an idle log asks the toolkit for no pulses. The view follows new lines
 * only while it shows the end: a reader who scrolled up stays where they are when lines arrive or the window resizes.
 */
@ExtendWith(ApplicationExtension.class)
class LogViewUiTest {

    private Stage stage;
    /** Above the log, as in the window: moving its divider resizes the log. */
    private SplitPane split;

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
        // The newest line is scrolled into view (the list follows while it shows the end).
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

    @Test
    void aResizeLeavesAReaderWhereTheyAre() {
        LogBuffer buffer = new LogBuffer(1000);
        LogView view = readingOlderLines(buffer);
        Line before = firstVisible(view);
        for (double divider : new double[] {0.2, 0.8, 0.5}) {
            double was = fx(() -> view.node().getHeight());
            changeAndWait(() -> split.setDividerPositions(divider), "the list at its new height",
                    () -> Math.abs(view.node().getHeight() - was) > 20);
            assertEquals(before, firstVisible(view), "the first line in view after the divider moved to " + divider);
        }
        onFx(view::stop);
    }

    @Test
    void collapsingTheLogPaneAndOpeningItAgainLeavesAReaderWhereTheyAre() {
        LogBuffer buffer = new LogBuffer(1000);
        LogView view = readingOlderLines(buffer);
        Line before = firstVisible(view);
        TitledPane pane = fx(() -> (TitledPane) split.getItems().get(1));
        changeAndWait(() -> pane.setExpanded(false), "the log folded away",
                () -> view.node().getHeight() < 1 || !view.node().isVisible());
        logAndWait(buffer, 200, 10); // lines that arrive meanwhile
        changeAndWait(() -> {
            pane.setExpanded(true);
            split.setDividerPositions(0.6); // the split gave the folded pane's room away; the window takes it back
        }, "the log open again", () -> view.node().isVisible() && view.node().getHeight() > 50);
        assertEquals(before, firstVisible(view));
        onFx(view::stop);
    }

    /**
     * As in the window: the log starts folded while a connection logs its login, the user opens it (a short log,
     * a few lines tall, in the window's styles) and lists folders; each listing's lines come in one drain, and
     * the newest line is wholly in view after each (it stayed a line below the view: ListView.scrollTo's estimate).
     */
    @Test
    void aShortLogOpenedFromFoldedShowsTheNewestLineWhollyAfterEachDrain() {
        LogBuffer buffer = new LogBuffer(1000);
        LogView view = openedShortAfter30Lines(buffer);
        for (int i = 30; i < 42; i += 3) {
            logAndWait(buffer, i, 3); // a command, its answer and the transfer's end: one drain
            int newest = i + 2;
            until("line " + newest + " wholly in view", () -> lastVisible(view).endsWith("NOOP " + newest)
                    && lastVisibleIsWhole(view));
        }
        onFx(view::stop);
    }

    /** In the window's styles the log's lines are packed as in a terminal: a short log shows three, not two. */
    @Test
    void theLogsLinesAreAsTightAsATerminals() {
        LogBuffer buffer = new LogBuffer(1000);
        LogView view = openedShortAfter30Lines(buffer);
        double[] heightAndFont = fx(() -> {
            ListCell<?> cell = (ListCell<?>) ((VirtualFlow<?>) view.node().lookup(".virtual-flow")).getLastVisibleCell();
            return new double[] {cell.getHeight(), cell.getFont().getSize()};
        });
        assertTrue(heightAndFont[0] <= 1.6 * heightAndFont[1],
                "a line " + heightAndFont[0] + " px tall for a font of " + heightAndFont[1] + " px");
        onFx(view::stop);
    }

    /** An empty log (none yet, or cleared) says what will show there rather than being a blank box. */
    @Test
    void anEmptyLogSaysWhatWillShowThere() {
        LogBuffer buffer = new LogBuffer(1000);
        LogView view = shown(buffer, 20);
        onFx(buffer::clear);
        until("the empty log's note", () -> view.node().lookupAll(".label").stream()
                .anyMatch(n -> n instanceof javafx.scene.control.Label l && l.isVisible()
                        && "No messages yet: commands and server replies show here.".equals(l.getText())));
        onFx(view::stop);
    }

    @Test
    void newLinesLeaveAReaderWhereTheyAreEvenAsTheOldestAreDropped() {
        LogBuffer buffer = new LogBuffer(250);
        LogView view = readingOlderLines(buffer);
        Line before = firstVisible(view);
        logAndWait(buffer, 200, 100); // 50 over the capacity: the 50 oldest lines go, the one being read stays
        assertEquals(before, firstVisible(view));
        onFx(view::stop);
    }

    @Test
    void backAtTheEndTheViewFollowsNewLinesAgain() {
        LogBuffer buffer = new LogBuffer(1000);
        LogView view = readingOlderLines(buffer);
        wheel(view, -100);
        untilNewestInView(view, 199);
        logAndFollow(buffer, view, 200, 30);
        onFx(view::stop);
    }

    @Test
    void aClearedLogFollowsNewLines() {
        LogBuffer buffer = new LogBuffer(1000);
        LogView view = readingOlderLines(buffer);
        onFx(buffer::clear);
        WaitForAsyncUtils.waitForFxEvents();
        logAndFollow(buffer, view, 200, 30);
        onFx(view::stop);
    }

    @Test
    void pressingEndToSelectTheNewestLineFollowsAgain(FxRobot robot) {
        LogBuffer buffer = new LogBuffer(1000);
        LogView view = readingOlderLines(buffer);
        Line reading = firstVisible(view);
        robot.clickOn(view.node()); // selects the line under the mouse, which does not move the view
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(reading, firstVisible(view));
        logAndWait(buffer, 200, 10);
        assertEquals(reading, firstVisible(view), "a selected line in view is not scrolled away");
        robot.type(KeyCode.END);
        until("the newest line selected", () -> view.node().getSelectionModel().getSelectedIndex() == 209);
        logAndFollow(buffer, view, 210, 30);
        onFx(view::stop);
    }

    /**
     * Following, a drain of new lines costs the list no extra layout to place the newest line: one is needed only
     * when, once the new lines are counted, the newest line and the one above it are both out of view.
     */
    @Test
    void followingOneLineADrainForcesNoSecondLayout() {
        LogBuffer buffer = new LogBuffer(1000);
        LogView view = shown(buffer, 200);
        AtomicInteger layouts = new AtomicInteger();
        onFx(() -> view.node().needsLayoutProperty().addListener((o, was, needs) -> {
            if (!needs) {
                layouts.incrementAndGet();
            }
        }));
        int drains = 20;
        for (int i = 0; i < drains; i++) {
            logAndFollow(buffer, view, 200 + i, 1);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(fx(() -> lastVisibleIsWhole(view)), "line " + (200 + i) + " wholly in view");
        }
        // Two a drain: the one that counts the new lines and the pulse's after the flow has scrolled (the new cell's
        // text). A third, forced to place the newest line after ListView.scrollTo's estimate, is not needed here.
        assertTrue(layouts.get() <= 2 * drains, layouts.get() + " layouts of the list for " + drains + " drains");
        onFx(view::stop);
    }

    /** The first line shown, and how far its top is above the top of the view (part of it may be hidden). */
    private record Line(String text, double offset) {
    }

    private LogView shown(LogBuffer buffer, int lines) {
        LogView view = fx(() -> {
            LogView v = new LogView(buffer, new Messages(Locale.ENGLISH), s -> { });
            // Like the window's: the log in a pane that folds, below a divider the user may move.
            TitledPane pane = new TitledPane("Log", v.node());
            pane.setAnimated(false);
            split = new SplitPane(new Pane(), pane);
            split.setOrientation(Orientation.VERTICAL);
            split.setDividerPositions(0.6);
            stage.setScene(new Scene(split, 400, 400));
            stage.show();
            return v;
        });
        logAndFollow(buffer, view, 0, lines);
        return view;
    }

    /** Logs lines and waits until the view, which follows them, shows the last of them at its end. */
    private static void logAndFollow(LogBuffer buffer, LogView view, int from, int count) {
        log(buffer, from, count);
        untilNewestInView(view, from + count - 1);
    }

    private static void untilNewestInView(LogView view, int newest) {
        until("the newest line in view", () -> lastVisible(view).endsWith("NOOP " + newest));
    }

    /** Runs {@code change} on the FX thread, waits until {@code done} holds, then for the list's layout. */
    private static void changeAndWait(Runnable change, String what, Callable<Boolean> done) {
        onFx(change);
        until(what, done);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * As the window has it: in the theme's and Ferry's styles (they set the lines' height), folded while 30 lines
     * come, then opened a quarter of the height (a short log); returns once it shows the newest line.
     */
    private LogView openedShortAfter30Lines(LogBuffer buffer) {
        LogView view = fx(() -> {
            LogView v = new LogView(buffer, new Messages(Locale.ENGLISH), s -> { });
            TitledPane pane = new TitledPane("Log", v.node());
            pane.setAnimated(false);
            pane.setExpanded(false);
            pane.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
            split = new SplitPane(pane, new Pane());
            split.setOrientation(Orientation.VERTICAL);
            Scene scene = new Scene(split, 400, 400);
            scene.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            scene.getStylesheets().add(LogViewUiTest.class.getResource(org.ferryftp.ui.Styles.STYLESHEET)
                    .toExternalForm());
            stage.setScene(scene);
            stage.show();
            return v;
        });
        logAndWait(buffer, 0, 30);
        onFx(() -> {
            ((TitledPane) split.getItems().get(0)).setExpanded(true);
            split.setDividerPositions(0.25);
        });
        until("the log open", () -> view.node().isVisible() && view.node().getHeight() > 40);
        WaitForAsyncUtils.waitForFxEvents();
        until("the newest line in view", () -> lastVisible(view).endsWith("NOOP 29"));
        return view;
    }

    /** Logs lines and waits until the list holds the last of them and has laid it out. */
    private static void logAndWait(LogBuffer buffer, int from, int count) {
        log(buffer, from, count);
        String newest = "NOOP " + (from + count - 1);
        until("the new lines in the list", () -> !buffer.entries().isEmpty()
                && buffer.entries().get(buffer.entries().size() - 1).text().equals(newest));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void log(LogBuffer buffer, int from, int count) {
        for (int i = from; i < from + count; i++) {
            buffer.log(new LogEntry(Instant.now(), "c1", LogEntry.Direction.SENT, "NOOP " + i));
        }
    }

    /**
     * Turns the mouse wheel over the list, as a user does to read older lines (positive notches) or to come back
     * down. The event is the one a wheel delivers on Linux (40 px a notch); Monocle's robot sends 1 px a notch.
     */
    private static void wheel(LogView view, int notches) {
        onFx(() -> {
            VirtualFlow<?> flow = flow(view);
            for (int i = 0; i < Math.abs(notches); i++) {
                double dy = Math.signum(notches) * 40;
                Event.fireEvent(flow, new ScrollEvent(ScrollEvent.SCROLL, 100, 60, 100, 60, false, false, false, false,
                        false, false, 0, dy, 0, dy, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                        ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
            }
        });
    }

    /** A log of 200 lines, scrolled up from its end by a reader. */
    private LogView readingOlderLines(LogBuffer buffer) {
        LogView view = shown(buffer, 200);
        Line atEnd = firstVisible(view);
        wheel(view, 30); // some 50 lines up: room to keep the first line in view in a taller window
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(atEnd.text(), firstVisible(view).text(), "the wheel scrolled the view up");
        return view;
    }

    private static Line firstVisible(LogView view) {
        return fx(() -> {
            VirtualFlow<?> flow = flow(view);
            IndexedCell<?> cell = flow.getFirstVisibleCell();
            Node viewport = flow.lookup(".clipped-container");
            double offset = viewport.localToScene(0, 0).getY() - cell.localToScene(0, 0).getY();
            return new Line(((ListCell<?>) cell).getText(), Math.round(offset));
        });
    }

    private static String lastVisible(LogView view) {
        VirtualFlow<?> flow = flow(view);
        IndexedCell<?> cell = flow == null ? null : flow.getLastVisibleCell();
        return cell instanceof ListCell<?> c && c.getText() != null ? c.getText() : "";
    }

    /** The list's scrolling part; null before its skin is made. */
    private static VirtualFlow<?> flow(LogView view) {
        return (VirtualFlow<?>) view.node().lookup(".virtual-flow");
    }

    private static boolean lastVisibleIsWhole(LogView view) {
        VirtualFlow<?> flow = (VirtualFlow<?>) view.node().lookup(".virtual-flow");
        IndexedCell<?> cell = flow.getLastVisibleCell();
        Node viewport = flow.lookup(".clipped-container");
        double bottom = viewport.localToScene(0, viewport.getLayoutBounds().getHeight()).getY();
        return cell.localToScene(0, cell.getHeight()).getY() <= bottom + 0.5;
    }

    private static Optional<MenuItem> openFolderItem(LogView view) {
        return view.node().getContextMenu().getItems().stream().filter(i -> "log-open-folder".equals(i.getId()))
                .findFirst();
    }
}
