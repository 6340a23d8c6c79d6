package org.ferryftp.transfer.sync;

import org.ferryftp.fs.FileBrowser;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.transfer.conflict.ConflictChoice;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries out a synchronization's plans, for {@code ferry mirror} and the window's Synchronize alike, in two halves
 * around the transfer queue: {@link #prepare} makes the missing directories and clears what a replacement needs out of
 * the way, and returns the copies to queue; once the queue has finished them, {@link #finish} deletes what exists
 * only at the target and gives the changed directories their source's times, deepest first, but only when every copy
 * succeeded: a failed copy must not be followed by deleting what the user may still need. The caller queues and
 * waits as it can (the command line blocks, the window does not).
 */
public final class SyncRun {

    /**
     * One direction's plan with the sides it reads and changes (a two-way synchronization has two).
     *
     * @param keepTimes whether directories' times are set at the target (a site's "keep timestamps" setting)
     */
    public record Leg(SyncPlan plan, FileBrowser source, String sourceRoot, FileBrowser target, String targetRoot,
                      boolean keepTimes) {

        /** A leg that keeps times where the remote side's setting says so (the target's, between two servers). */
        public static Leg of(SyncPlan plan, FileBrowser source, String sourceRoot, FileBrowser target,
                             String targetRoot) {
            SiteRef remote = plan.target().isLocal() ? plan.source().site() : plan.target().site();
            return new Leg(plan, source, sourceRoot, target, targetRoot,
                    remote == null || remote.options().keepTimes());
        }
    }

    /**
     * How it ended.
     *
     * @param failedCopies copies that did not succeed (then nothing was deleted and no directory time set)
     * @param deleted      entries deleted at the target as the plan said
     * @param timesUnset   directories whose time the target side would not set
     */
    public record Result(long failedCopies, int deleted, int timesUnset) {

        /** The copies did not all succeed, so the deletions and directory times were held back. */
        public boolean heldBack() {
            return failedCopies > 0;
        }
    }

    private final List<Leg> legs;

    public SyncRun(List<Leg> legs) {
        this.legs = List.copyOf(legs);
    }

    /**
     * Before the copies: makes, at each target, the directories whose files are copied one by one and deletes what a
     * replacement puts there as the other kind. Returns the copies, told to overwrite (the plan has decided).
     */
    public List<TransferRequest> prepare() throws IOException {
        List<TransferRequest> copies = new ArrayList<>();
        for (Leg leg : legs) {
            if (leg.plan().changesAnything()) {
                leg.plan().makeDirectories(leg.target(), leg.targetRoot());
            }
            leg.plan().clearReplaced(leg.target(), leg.targetRoot());
            for (SyncStep s : leg.plan().steps()) {
                if (s.transfers()) {
                    copies.add(SyncPlan.transfer(leg.plan().source(), leg.plan().target(), s,
                            ConflictChoice.OVERWRITE));
                }
            }
        }
        return copies;
    }

    /**
     * After the queue has finished the copies: when none failed, deletes what exists only at the targets, then sets
     * the changed directories' times (deletions and additions both touch a directory's time, so this comes last).
     */
    public Result finish(long failedCopies) throws IOException {
        if (failedCopies > 0) {
            return new Result(failedCopies, 0, 0);
        }
        int deleted = 0;
        int unset = 0;
        for (Leg leg : legs) {
            deleted += leg.plan().of(SyncStep.Action.DELETE).size();
            leg.plan().deleteExtra(leg.target(), leg.targetRoot());
        }
        for (Leg leg : legs) {
            if (leg.keepTimes() && leg.plan().changesAnything()) {
                unset += leg.plan().keepDirectoryTimes(leg.source(), leg.sourceRoot(), leg.target(),
                        leg.targetRoot());
            }
        }
        return new Result(0, deleted, unset);
    }

    /** How many of the finished items did not succeed (failed or cancelled): what {@link #finish} takes. */
    public static long failed(List<ItemSnapshot> finished) {
        return finished.stream().filter(i -> i.state() instanceof ItemState.Failed
                || i.state() instanceof ItemState.Cancelled).count();
    }
}
