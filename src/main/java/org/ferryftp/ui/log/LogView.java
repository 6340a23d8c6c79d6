package org.ferryftp.ui.log;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.FileChooser;
import org.ferryftp.ftp.LogEntry;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Styles;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

/**
 * The log area: coloured by direction, timestamped, selectable, copyable, savable. It follows new lines while it
 * shows the newest one; scrolled up, it stays on the line being read until the user scrolls back to the end.
 */
public final class LogView {

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final ListView<LogEntry> list = new ListView<>();
    private final LogBuffer buffer;
    /** Where the reader was when the list last showed lines: a folded log (no lines in view) keeps the place. */
    private ReadingPosition lastSeen = new AtEnd();
    /** Where the reader was when lines last changed, until the list has laid them out; null when none wait. */
    private ReadingPosition beforeNewLines;
    // The list's skin hears of a change after this listener: what is in view now is still what the reader saw.
    private final ListChangeListener<LogEntry> keepPlaceAsLinesChange = change -> {
        if (beforeNewLines == null) {
            beforeNewLines = readingPosition();
            Platform.runLater(this::restoreAfterNewLines);
        }
    };
    private final InvalidationListener followOnceShown = o -> {
        list.layout();
        followNewest();
    };
    // Heard while the parent lays out, before the list does: what is in view is still what the reader saw.
    private final InvalidationListener keepPlaceAsHeightChanges = o -> {
        ReadingPosition was = readingPosition();
        list.layout();
        restore(was);
    };

    /** Where the reader is: at the newest line, following new ones, or reading an older line. */
    private sealed interface ReadingPosition {
    }

    private record AtEnd() implements ReadingPosition {
    }

    /** {@code line} is the first in view, {@code hidden} pixels of it above the top edge. */
    private record AtLine(LogEntry line, int index, double hidden) implements ReadingPosition {
    }

    public LogView(LogBuffer buffer, Messages msg, Consumer<String> status) {
        this(buffer, msg, status, null);
    }

    /** @param openLogFolder shows the application log's folder (null: no such menu item) */
    public LogView(LogBuffer buffer, Messages msg, Consumer<String> status, Runnable openLogFolder) {
        this.buffer = buffer;
        list.setId("log");
        list.getStyleClass().addAll(Styles.LOG, atlantafx.base.theme.Styles.DENSE);
        list.setItems(buffer.entries());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Label empty = new Label(msg.get("log.empty"));
        empty.getStyleClass().add(Styles.LOG_EMPTY);
        list.setPlaceholder(empty);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(LogEntry e, boolean empty) {
                super.updateItem(e, empty);
                getStyleClass().removeAll(Styles.LOG_SENT, Styles.LOG_RECEIVED, Styles.LOG_INFO, Styles.LOG_ERROR);
                if (empty || e == null) {
                    setText(null);
                    return;
                }
                setText(CLOCK.format(e.time()) + "  " + e.connection() + "  " + e.direction().arrow() + " " + e.text());
                getStyleClass().add(switch (e.direction()) {
                    case SENT -> Styles.LOG_SENT;
                    case RECEIVED -> Styles.LOG_RECEIVED;
                    case INFO -> Styles.LOG_INFO;
                    case ERROR -> Styles.LOG_ERROR;
                });
            }
        });
        MenuItem copy = new MenuItem(msg.get("log.copy"));
        copy.setOnAction(e -> copySelection());
        MenuItem save = new MenuItem(msg.get("log.save"));
        save.setOnAction(e -> save(msg, status));
        MenuItem clear = new MenuItem(msg.get("log.clear"));
        clear.setOnAction(e -> buffer.clear());
        ContextMenu menu = new ContextMenu(copy, save, clear);
        if (openLogFolder != null) {
            MenuItem folder = new MenuItem(msg.get("log.openFolder"));
            folder.setId("log-open-folder");
            folder.setOnAction(e -> openLogFolder.run());
            menu.getItems().add(folder);
        }
        list.setContextMenu(menu);
        list.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                copySelection();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.A) {
                list.getSelectionModel().selectAll();
                e.consume();
            }
        });
        // The buffer drains itself on this thread when lines arrive. The list follows them while it shows the end,
        // else keeps the reader's line in place, through new lines and resizes alike; it scrolls to the end once its
        // skin exists, for lines that came before.
        buffer.entries().addListener(keepPlaceAsLinesChange);
        list.skinProperty().addListener(followOnceShown);
        list.heightProperty().addListener(keepPlaceAsHeightChanges);
    }

    /**
     * At the end when the newest line the list shows is wholly in view, otherwise reading the first line in view:
     * as in a terminal, only the position decides (selecting the newest line, or End, scrolls back to the end).
     * With no line in view (the log folded, or not shown yet) the reader is where they were last seen.
     */
    private ReadingPosition readingPosition() {
        VirtualFlow<?> flow = list.getSkin() == null ? null : (VirtualFlow<?>) list.lookup(".virtual-flow");
        Node viewport = flow == null ? null : flow.lookup(".clipped-container");
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        IndexedCell<?> last = flow == null ? null : flow.getLastVisibleCell();
        if (flow != null && flow.getCellCount() == 0) {
            lastSeen = new AtEnd(); // an empty log (cleared) is read from its end
            return lastSeen;
        }
        if (viewport == null || first == null || last == null || viewport.getLayoutBounds().getHeight() < 1) {
            return lastSeen;
        }
        if (newestWhollyInView(flow, viewport, last)) {
            lastSeen = new AtEnd();
        } else {
            double top = viewport.localToScene(0, 0).getY();
            lastSeen = new AtLine((LogEntry) first.getItem(), first.getIndex(), top - first.localToScene(0, 0).getY());
        }
        return lastSeen;
    }

    /** Whether {@code last}, the flow's last cell in view, is its newest line and shows whole, as last laid out. */
    private static boolean newestWhollyInView(VirtualFlow<?> flow, Node viewport, IndexedCell<?> last) {
        double bottom = viewport.localToScene(0, viewport.getLayoutBounds().getHeight()).getY();
        return last.getIndex() == flow.getCellCount() - 1 && last.localToScene(0, last.getHeight()).getY() <= bottom + 0.5;
    }

    private void restoreAfterNewLines() {
        ReadingPosition was = beforeNewLines;
        beforeNewLines = null;
        list.layout(); // the skin counts new lines at its next layout, and scrolls only within what it counted
        restore(was);
    }

    private void restore(ReadingPosition was) {
        if (!(was instanceof AtLine at)) {
            followNewest();
            return;
        }
        if (buffer.entries().isEmpty()) {
            return;
        }
        VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
        // Found where it was, or fewer places up when the oldest lines were dropped; gone, the oldest shows.
        int index = Math.min(at.index(), buffer.entries().size() - 1);
        while (index >= 0 && buffer.entries().get(index) != at.line()) {
            index--;
        }
        flow.scrollToTop(Math.max(index, 0));
        if (index >= 0) {
            flow.scrollPixels(at.hidden());
        }
    }

    private void followNewest() {
        if (buffer.entries().isEmpty()) {
            return;
        }
        int newest = buffer.entries().size() - 1;
        VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
        if (flow != null && flow.getCellCount() == buffer.entries().size()) {
            // Laid out with every line (the callers lay the list out first): nothing to do when the newest shows
            // whole, and the flow places it itself when it or the line above it is among its cells.
            IndexedCell<?> last = flow.getLastVisibleCell();
            Node viewport = flow.lookup(".clipped-container");
            if (last != null && viewport != null && newestWhollyInView(flow, viewport, last)) {
                return;
            }
            if (last != null && last.getIndex() >= newest - 1) {
                flow.scrollTo(newest); // below the line above it, when only that one is among the cells
                flow.scrollTo(newest); // then by what of it is still hidden
                return;
            }
        }
        list.scrollTo(newest);
        // ListView.scrollTo places the line by the flow's estimate of the lines' height, which with a fractional
        // height (the log's 0.9em) can leave the newest line just below a short log; laid out, the flow scrolls
        // by what is still hidden.
        if (flow != null) {
            list.layout();
            flow.scrollTo(newest);
        }
    }

    public ListView<LogEntry> node() {
        return list;
    }

    /** Stops following the buffer (the window closes; the buffer may outlive it). */
    public void stop() {
        buffer.entries().removeListener(keepPlaceAsLinesChange);
    }

    private List<LogEntry> selectedOrAll() {
        List<LogEntry> sel = List.copyOf(list.getSelectionModel().getSelectedItems());
        return sel.isEmpty() ? List.copyOf(buffer.entries()) : sel;
    }

    private void copySelection() {
        ClipboardContent c = new ClipboardContent();
        c.putString(LogBuffer.format(selectedOrAll()));
        Clipboard.getSystemClipboard().setContent(c);
    }

    private void save(Messages msg, Consumer<String> status) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(msg.get("log.save.title"));
        chooser.setInitialFileName("ferry-log.txt");
        File f = chooser.showSaveDialog(list.getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            Files.writeString(f.toPath(), LogBuffer.format(selectedOrAll()), StandardCharsets.UTF_8);
            status.accept(msg.format("log.saved", f.getPath()));
        } catch (IOException ex) {
            status.accept(msg.format("log.saveFailed", ex.getMessage()));
        }
    }
}
