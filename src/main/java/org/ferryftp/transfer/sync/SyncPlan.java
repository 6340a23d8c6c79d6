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

    /**
     * After the copies: gives the target's directories whose contents the plan changed (and every directory of a
     * tree copied whole) their source's time, deepest first, since adding an entry touches its directory's time.
     * Returns how many the target side could not set (0 where it set them all).
     */
    public int keepDirectoryTimes(FileBrowser sourceSide, String sourceRoot, FileBrowser targetSide, String targetRoot)
            throws IOException {
        java.util.TreeSet<String> dirs = new java.util.TreeSet<>(
                java.util.Comparator.comparingInt((String d) -> d.isEmpty() ? 0 : d.split("/").length).reversed()
                        .thenComparing(java.util.Comparator.naturalOrder()));
        for (SyncStep s : steps) {
            if (s.action() == SyncStep.Action.SKIP) {
                continue;
            }
            for (String p = parentOf(s.path()); p != null; p = parentOf(p)) {
                dirs.add(p);
            }
            if (s.directory() && s.action() != SyncStep.Action.DELETE) {
                dirs.add(s.path());
                if (s.action() != SyncStep.Action.MKDIR) {
                    addSubdirectories(sourceSide, sourceSide.join(sourceRoot, s.path()), s.path(), dirs);
                }
            }
        }
        java.util.Map<String, java.util.Map<String, java.time.Instant>> timesByParent = new java.util.HashMap<>();
        int unset = 0;
        for (String d : dirs) {
            java.time.Instant t = d.isEmpty() ? rootTime(sourceSide, sourceRoot)
                    : timesByParent.computeIfAbsent(parentOf(d), p -> times(sourceSide, p.isEmpty() ? sourceRoot
                    : sourceSide.join(sourceRoot, p))).get(d.substring(d.lastIndexOf('/') + 1));
            if (t != null && !targetSide.setDirectoryTime(d.isEmpty() ? targetRoot : targetSide.join(targetRoot, d), t)) {
                unset++;
            }
        }
        return unset;
    }

    /** The parent of a relative path: "" for a top-level one, null for the root "" itself. */
    private static String parentOf(String relative) {
        if (relative.isEmpty()) {
            return null;
        }
        int slash = relative.lastIndexOf('/');
        return slash < 0 ? "" : relative.substring(0, slash);
    }

    private static void addSubdirectories(FileBrowser side, String dir, String relative, java.util.Set<String> into)
            throws IOException {
        for (org.ferryftp.fs.FileEntry e : side.list(dir).entries()) {
            if (e.isDirectory()) {
                String rel = relative + "/" + e.name();
                into.add(rel);
                addSubdirectories(side, side.join(dir, e.name()), rel, into);
            }
        }
    }

    /** Each subdirectory's time in a source directory's listing, by name (empty when it cannot be listed). */
    private static java.util.Map<String, java.time.Instant> times(FileBrowser side, String dir) {
        java.util.Map<String, java.time.Instant> out = new java.util.HashMap<>();
        try {
            for (org.ferryftp.fs.FileEntry e : side.list(dir).entries()) {
                if (e.isDirectory() && e.modified() != null) {
                    out.put(e.name(), e.modified());
                }
            }
        } catch (IOException unreadable) {
            // Its subdirectories keep the target's times.
        }
        return out;
    }

    private static java.time.Instant rootTime(FileBrowser side, String root) {
        String parent = side.parent(root);
        if (parent == null) {
            return null;
        }
        String name = root.substring(root.replace('\\', '/').lastIndexOf('/') + 1);
        return times(side, parent).get(name);
    }
}
