package org.ferryftp.ui.browser;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.ferryftp.fs.Location;
import org.ferryftp.transfer.TransferSubmitter;
import org.ferryftp.ui.Messages;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

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
    private List<TransferPlanner.Item> dragging = List.of();

    public TransferCoordinator(TransferSubmitter submitter, Messages messages) {
        this.submitter = submitter;
        this.planner = new TransferPlanner(messages);
        this.messages = messages;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Plans and submits; returns false (with a message) when refused. */
    public boolean transfer(List<TransferPlanner.Item> items, Location targetDirectory) {
        if (targetDirectory == null) {
            message.set(messages.get("transfer.noTarget"));
            return false;
        }
        TransferPlanner.Plan plan = planner.plan(items, targetDirectory);
        if (plan.refused()) {
            message.set(plan.refusal());
            return false;
        }
        submitter.submit(plan.requests());
        message.set(messages.format("transfer.queued", plan.requests().size(), targetDirectory.path()));
        return true;
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
        dragging = List.copyOf(items);
    }

    public void endDrag() {
        dragging = List.of();
    }

    /** Items of a drag that started in one of Ferry's panes, or empty. */
    public List<TransferPlanner.Item> dragged() {
        return dragging;
    }
}
