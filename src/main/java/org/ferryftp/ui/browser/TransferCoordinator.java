package org.ferryftp.ui.browser;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.ferryftp.fs.Location;
import org.ferryftp.transfer.TransferSubmitter;
import org.ferryftp.ui.Messages;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Where F5 and drops go: plans the transfer, hands accepted requests to the {@link TransferSubmitter}
 * the window was given, and publishes a message for the status bar. Also remembers what is being
 * dragged between panes right now (a drag inside the window carries Ferry's own items, not just files).
 */
public final class TransferCoordinator {

    private final TransferSubmitter submitter;
    private final TransferPlanner planner;
    private final Messages messages;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final Executor afterEvent;
    private List<TransferPlanner.Item> dragging = List.of();
    private Runnable afterDrag;

    /** For tests of planning alone: a drop's transfer is submitted at once. */
    public TransferCoordinator(TransferSubmitter submitter, Messages messages) {
        this(submitter, messages, Runnable::run);
    }

    /** @param afterEvent runs after the event being handled ({@code Platform::runLater}) */
    public TransferCoordinator(TransferSubmitter submitter, Messages messages, Executor afterEvent) {
        this.submitter = submitter;
        this.planner = new TransferPlanner(messages);
        this.messages = messages;
        this.afterEvent = afterEvent;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Plans and submits; returns false (with a message) when refused. */
    public boolean transfer(List<TransferPlanner.Item> items, Location targetDirectory) {
        TransferPlanner.Plan plan = plan(items, targetDirectory);
        if (plan != null) {
            submit(plan, targetDirectory);
        }
        return plan != null;
    }

    /**
     * A drop: planned now (a refusal is told at once, and the drop reported as not done), submitted once the
     * drag gesture is over. A question the queue then asks (a file exists) opens a dialog; opened while the drag
     * still holds the pointer (GTK's drag loop runs inside the drop handler of a drag from our own pane), the
     * dialog never gets a click. So: after the drag source's drag-done ({@link #endDrag}), or, for files from
     * another application, after this event. The pointer grab JavaFX's GTK glass leaves behind after a drag is
     * the other half; the launcher turns it off (GuiLauncher.letGoOfThePointerAfterDrags).
     */
    public boolean drop(List<TransferPlanner.Item> items, Location targetDirectory) {
        TransferPlanner.Plan plan = plan(items, targetDirectory);
        if (plan == null) {
            return false;
        }
        Runnable submit = () -> submit(plan, targetDirectory);
        if (dragging.isEmpty()) {
            afterEvent.execute(submit);
        } else {
            afterDrag = submit;
        }
        return true;
    }

    private TransferPlanner.Plan plan(List<TransferPlanner.Item> items, Location targetDirectory) {
        if (targetDirectory == null) {
            message.set(messages.get("transfer.noTarget"));
            return null;
        }
        TransferPlanner.Plan plan = planner.plan(items, targetDirectory);
        if (plan.refused()) {
            message.set(plan.refusal());
            return null;
        }
        return plan;
    }

    private void submit(TransferPlanner.Plan plan, Location targetDirectory) {
        submitter.submit(plan.requests());
        message.set(messages.format("transfer.queued", plan.requests().size(), targetDirectory.path()));
    }

    /** What a drop brings: the items dragged from one of Ferry's panes, else files from the OS's file manager. */
    public List<TransferPlanner.Item> dropped(javafx.scene.input.Dragboard board) {
        List<TransferPlanner.Item> items = dragged();
        return items.isEmpty() && board.hasFiles() ? itemsFromFiles(board.getFiles()) : items;
    }

    /** Items for files dropped in from the operating system's file manager. */
    public static List<TransferPlanner.Item> itemsFromFiles(List<File> files) {
        List<TransferPlanner.Item> items = new ArrayList<>(files.size());
        for (File f : files) {
            File abs = f.getAbsoluteFile();
            Location parent = abs.getParentFile() == null ? null : Location.local(abs.getParentFile().getPath());
            items.add(new TransferPlanner.Item(Location.local(abs.getPath()), parent, abs.isDirectory()));
        }
        return items;
    }

    public void startDrag(List<TransferPlanner.Item> items) {
        submitDropped();
        dragging = List.copyOf(items);
    }

    /** The drag gesture is over (drag-done on its source): what was dropped goes to the queue now. */
    public void endDrag() {
        dragging = List.of();
        submitDropped();
    }

    private void submitDropped() {
        Runnable submit = afterDrag;
        afterDrag = null;
        if (submit != null) {
            afterEvent.execute(submit);
        }
    }

    /** Items of a drag that started in one of Ferry's panes, or empty. */
    public List<TransferPlanner.Item> dragged() {
        return dragging;
    }
}
