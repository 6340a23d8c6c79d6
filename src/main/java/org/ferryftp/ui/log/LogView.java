package org.ferryftp.ui.log;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
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

/** The log area: coloured by direction, timestamped, selectable, copyable, savable. */
public final class LogView {

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final ListView<LogEntry> list = new ListView<>();
    private final LogBuffer buffer;
    // Later: the list's skin hears of the new lines after this listener, and scrolls only within what it knows.
    private final ListChangeListener<LogEntry> followNewLines = change -> Platform.runLater(this::followNewest);
    private final InvalidationListener followOnceShown = o -> followNewest();

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
        // The buffer drains itself on this thread when lines arrive; the list follows them, and scrolls once
        // its skin exists for lines that came before.
        buffer.entries().addListener(followNewLines);
        list.skinProperty().addListener(followOnceShown);
        list.heightProperty().addListener(followOnceShown);
    }

    /** Shows the newest line unless the user selected something to read. */
    private void followNewest() {
        if (!buffer.entries().isEmpty() && list.getSelectionModel().isEmpty()) {
            list.layout(); // the skin counts new lines at its next layout, and scrolls only within what it counted
            list.scrollTo(buffer.entries().size() - 1);
        }
    }

    public ListView<LogEntry> node() {
        return list;
    }

    /** Stops following the buffer (the window closes; the buffer may outlive it). */
    public void stop() {
        buffer.entries().removeListener(followNewLines);
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
