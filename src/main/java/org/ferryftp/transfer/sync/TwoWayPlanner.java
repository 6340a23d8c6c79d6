package org.ferryftp.transfer.sync;

import org.ferryftp.fs.DirectoryListing;
import org.ferryftp.fs.FileBrowser;
import org.ferryftp.fs.FileEntry;
import org.ferryftp.session.EntryKind;

import java.io.IOException;
import java.util.Map;
import java.util.TreeSet;

/**
 * Plans a synchronization both ways between two folders, one directory pair at a time as {@link SyncPlanner} does
 * (only the two listings in hand are held). What one side lacks is copied to it; of two files that differ, the newer
 * wins by {@link SyncRules#compare}. Without a record of an earlier run Ferry cannot tell which side changed, so a
 * conflict is what time cannot decide: two files of different sizes with the same time, or a file on one side where
 * the other has a directory. Nothing is deleted in this mode.
 */
public final class TwoWayPlanner {

    /** Receives the plan while it is made. */
    public interface Sink {
        void step(DirectedStep step);

        /** A directory pair is about to be listed ({@code relativeDir} is "" for the roots). */
        default void listing(String relativeDir) {
        }

        /** A directory pair was listed: how many entries each side has there (0 for a side that lacks it). */
        default void listed(String relativeDir, int leftEntries, int rightEntries) {
        }

        /** Something the user should know about the whole plan, once (e.g. no checksum to compare by). */
        default void note(String line) {
        }
    }

    private final SyncRules rules;

    /** For one plan at a time: null unless comparing by checksum. */
    private ChecksumComparison checksums;

    /**
     * @param rules its {@code targetOffset} is added to the right side's times; with {@code checksum}, files of the
     *              same size are compared by checksum where both sides offer one; delete and newer-only are unused
     */
    public TwoWayPlanner(SyncRules rules) {
        this.rules = rules;
    }

    public void plan(FileBrowser left, String leftRoot, FileBrowser right, String rightRoot, Sink sink)
            throws IOException {
        checksums = rules.checksum() ? new ChecksumComparison(sink::note) : null;
        walk(new Side(left, leftRoot, true), new Side(right, rightRoot, true), "", sink);
    }

    /** One side's directory in hand; {@code exists} is false inside a directory that side lacks. */
    private record Side(FileBrowser browser, String dir, boolean exists) {
        Side child(String name, boolean childExists) {
            return new Side(browser, browser.join(dir, name), childExists);
        }

        Map<String, FileEntry> list(String relative, Sink sink, DirectedStep.Towards unreadableTowards)
                throws IOException {
            if (!exists) {
                return Map.of();
            }
            DirectoryListing listing = SyncPlanner.listOrEmpty(browser, dir);
            for (String line : listing.unparsed()) {
                sink.step(new DirectedStep(new SyncStep(SyncStep.Action.SKIP, SyncPlanner.join(relative, line.strip()),
                        false, "a listing line Ferry could not read: " + line.strip()), unreadableTowards));
            }
            return SyncPlanner.byName(listing);
        }
    }

    private void walk(Side left, Side right, String relative, Sink sink) throws IOException {
        sink.listing(relative);
        Map<String, FileEntry> l = left.list(relative, sink, DirectedStep.Towards.RIGHT);
        Map<String, FileEntry> r = right.list(relative, sink, DirectedStep.Towards.LEFT);
        sink.listed(relative, l.size(), r.size());
        TreeSet<String> names = new TreeSet<>(l.keySet());
        names.addAll(r.keySet());
        for (String name : names) {
            FileEntry a = l.get(name);
            FileEntry b = r.get(name);
            String path = SyncPlanner.join(relative, name);
            FileEntry either = a != null ? a : b;
            if (!rules.considers(path, either.isDirectory())) {
                continue;
            }
            if (!plain(a) || !plain(b)) {
                FileEntry odd = plain(a) ? b : a;
                sink.step(new DirectedStep(new SyncStep(SyncStep.Action.SKIP, path, false, "not a plain file or"
                        + " directory (" + odd.kind().name().toLowerCase(java.util.Locale.ROOT) + ")"),
                        odd == a ? DirectedStep.Towards.RIGHT : DirectedStep.Towards.LEFT));
            } else if (a == null || b == null) {
                boolean toRight = b == null;
                oneSided(toRight ? left : right, toRight ? right : left, either, path, toRight, sink);
            } else if (a.isDirectory() && b.isDirectory()) {
                walk(left.child(name, true), right.child(name, true), path, sink);
            } else if (a.isDirectory() != b.isDirectory()) {
                sink.step(new DirectedStep(new SyncStep(SyncStep.Action.REPLACE, path, a.isDirectory(),
                        a.isDirectory() ? "a directory at the left, a file at the right"
                                : "a file at the left, a directory at the right"), DirectedStep.Towards.EITHER));
            } else {
                sink.step(fileStep(path, a, b, left.child(name, true), right.child(name, true)));
            }
        }
    }

    /** {@code e} exists only on the {@code from} side. */
    private void oneSided(Side from, Side to, FileEntry e, String path, boolean toRight, Sink sink) throws IOException {
        DirectedStep.Towards towards = toRight ? DirectedStep.Towards.RIGHT : DirectedStep.Towards.LEFT;
        String reason = toRight ? "missing at the right" : "missing at the left";
        if (e.isDirectory() && rules.filters()) {
            // Filters may leave out part of it: its files are planned one by one.
            sink.step(new DirectedStep(new SyncStep(SyncStep.Action.MKDIR, path, true, reason), towards));
            Side fromChild = from.child(e.name(), true);
            Side toChild = to.child(e.name(), false);
            walk(toRight ? fromChild : toChild, toRight ? toChild : fromChild, path, sink);
        } else {
            sink.step(new DirectedStep(new SyncStep(SyncStep.Action.COPY, path, e.isDirectory(), reason, e), towards));
        }
    }

    /** {@code leftFile} and {@code rightFile} are where the two files are, for their checksums. */
    private DirectedStep fileStep(String path, FileEntry a, FileEntry b, Side leftFile, Side rightFile)
            throws IOException {
        SyncRules.Difference d = rules.compare(a, b);
        if (checksums != null && d != SyncRules.Difference.SIZE_DIFFERS) {
            ChecksumComparison.Verdict v = checksums.compare(leftFile.browser(), leftFile.dir(), rightFile.browser(),
                    rightFile.dir());
            if (v != null) {
                return byChecksum(path, a, b, d, v);
            }
        }
        String sizes = "";
        if (d == SyncRules.Difference.SIZE_DIFFERS) {
            sizes = "size differs (" + a.size() + " ≠ " + b.size() + " bytes); ";
            d = rules.compare(SyncPlanner.withSize(a, b), b); // which is newer, then
        }
        return switch (d) {
            case SAME -> sizes.isEmpty()
                    ? new DirectedStep(new SyncStep(SyncStep.Action.SKIP, path, false, "unchanged"),
                    DirectedStep.Towards.RIGHT)
                    : new DirectedStep(new SyncStep(SyncStep.Action.UPDATE, path, false, sizes
                    + "same time: which side changed is not known"), DirectedStep.Towards.EITHER);
            case SOURCE_NEWER -> new DirectedStep(new SyncStep(SyncStep.Action.UPDATE, path, false,
                    sizes + "the left is newer", a), DirectedStep.Towards.RIGHT);
            case TARGET_NEWER -> new DirectedStep(new SyncStep(SyncStep.Action.UPDATE, path, false,
                    sizes + "the right is newer", b), DirectedStep.Towards.LEFT);
            case SIZE_DIFFERS -> throw new IllegalStateException("sizes were made equal");
        };
    }

    /** Two files of the same size that their checksums have compared: the same, or the newer wins. */
    private static DirectedStep byChecksum(String path, FileEntry a, FileEntry b, SyncRules.Difference d,
                                           ChecksumComparison.Verdict v) {
        if (v.same()) {
            return new DirectedStep(new SyncStep(SyncStep.Action.SKIP, path, false, "same " + v.algorithm()),
                    DirectedStep.Towards.RIGHT);
        }
        String differs = v.algorithm() + " differs; ";
        return switch (d) {
            case SOURCE_NEWER -> new DirectedStep(new SyncStep(SyncStep.Action.UPDATE, path, false,
                    differs + "the left is newer", a), DirectedStep.Towards.RIGHT);
            case TARGET_NEWER -> new DirectedStep(new SyncStep(SyncStep.Action.UPDATE, path, false,
                    differs + "the right is newer", b), DirectedStep.Towards.LEFT);
            default -> new DirectedStep(new SyncStep(SyncStep.Action.UPDATE, path, false,
                    differs + "same time: which side changed is not known"), DirectedStep.Towards.EITHER);
        };
    }

    private static boolean plain(FileEntry e) {
        return e == null || e.kind() == EntryKind.FILE || e.kind() == EntryKind.DIRECTORY;
    }
}
