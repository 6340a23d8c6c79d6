package org.ferryftp.transfer.sync;

import org.ferryftp.fs.FileBrowser;
import org.ferryftp.fs.Location;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.TransferRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A mirror's plan, and how it is carried out: what is in the way of a copy is deleted first, then the copies and
 * updates go to the transfer queue (with its retries, journal and integrity rules), and only when all of them
 * succeeded is what exists only at the target deleted.
 *
 * @param source the source tree's root
 * @param target the target tree's root
 */
public record SyncPlan(Location source, Location target, List<SyncStep> steps) {

    public SyncPlan {
        steps = List.copyOf(steps);
    }

    public List<SyncStep> of(SyncStep.Action action) {
        return steps.stream().filter(s -> s.action() == action).toList();
    }

    /** Whether the plan changes anything at the target. */
    public boolean changesAnything() {
        return steps.stream().anyMatch(s -> s.action() != SyncStep.Action.SKIP);
    }

    /** The transfers of the copies, updates and replacements, in plan order; each overwrites its target. */
    public List<TransferRequest> transfers() {
        List<TransferRequest> out = new ArrayList<>();
        for (SyncStep s : steps) {
            if (s.transfers()) {
                out.add(transfer(source, target, s, null));
            }
        }
        return out;
    }

    /**
     * The transfer of one copy, update or replacement from {@code source}'s tree into {@code target}'s.
     *
     * @param onConflict what to do when the target exists (null: the queue's policy)
     */
    public static TransferRequest transfer(Location source, Location target, SyncStep s,
                                           org.ferryftp.transfer.conflict.ConflictChoice onConflict) {
        int slash = s.path().lastIndexOf('/');
        String dir = slash < 0 ? "" : s.path().substring(0, slash);
        String name = s.path().substring(slash + 1);
        return new TransferRequest(at(source, s.path()), s.directory(), at(target, dir), Priority.NORMAL, name,
                s.source(), onConflict);
    }

    /** {@code relative} ('/'-separated, "" for the root itself) under {@code base}, on the base's side. */
    static Location at(Location base, String relative) {
        if (relative.isEmpty()) {
            return base;
        }
        if (base.isLocal()) {
            return Location.local(java.nio.file.Path.of(base.path()).resolve(relative).toString());
        }
        String p = base.path();
        return Location.remote(base.site(), p.isEmpty() ? relative : p.endsWith("/") ? p + relative : p + "/" + relative);
    }

    /** Creates, in plan order (parents first), the directories whose files are copied one by one. */
    public void makeDirectories(FileBrowser targetSide, String targetRoot) throws IOException {
        targetSide.makeDirectories(targetRoot);
        for (SyncStep s : of(SyncStep.Action.MKDIR)) {
            targetSide.makeDirectories(targetSide.join(targetRoot, s.path()));
        }
    }

    /** Deletes, at the target, what the replacements will put there as the other kind. */
    public void clearReplaced(FileBrowser targetSide, String targetRoot) throws IOException {
        for (SyncStep s : of(SyncStep.Action.REPLACE)) {
            // The target is the other kind than the source: a directory where a file comes, or the reverse.
            targetSide.delete(targetSide.join(targetRoot, s.path()), !s.directory(), true);
        }
    }

    /** Deletes what exists only at the target. */
    public void deleteExtra(FileBrowser targetSide, String targetRoot) throws IOException {
        for (SyncStep s : of(SyncStep.Action.DELETE)) {
            targetSide.delete(targetSide.join(targetRoot, s.path()), s.directory(), true);
        }
    }
}
