package org.ferryftp.transfer;

import org.ferryftp.fs.FileEntry;
import org.ferryftp.fs.Location;

import java.util.List;

/** How one run of an item ended, as the worker reports it to the queue. */
sealed interface Outcome {

    /** The file arrived complete and verified. */
    record Completed() implements Outcome {
    }

    /**
     * A directory was listed; the queue makes items of these children (those not already there) and lines them up.
     *
     * @param targetCreated true when this run created the target directory, empty (its MKD succeeded); a download's
     *                      or a copy's target is never trusted to be empty, so false for those
     */
    record Expanded(List<Child> children, boolean targetCreated) implements Outcome {
    }

    /**
     * One entry of an expanded directory, as a request for an item of the queue.
     *
     * @param facts what the listing said about it (null when nothing is known)
     * @param state {@link ItemState#QUEUED} for one to transfer, else how it already ended (skipped, failed)
     */
    record Child(boolean directory, Location source, Location target, FileEntry facts, ItemState state) {

        static Child queued(boolean directory, Location source, Location target, FileEntry facts) {
            return new Child(directory, source, target, facts, ItemState.QUEUED);
        }

        static Child failed(Location source, Location target, String reason) {
            return new Child(false, source, target, null, new ItemState.Failed(reason));
        }

        static Child skipped(Location source, Location target, String reason) {
            return new Child(false, source, target, null, new ItemState.Skipped(reason));
        }
    }

    record Skipped(String reason) implements Outcome {
    }

    /** Stopped because the user paused or cancelled it. */
    record Stopped() implements Outcome {
    }

    /** Failed; {@code retryable} when another attempt may succeed. */
    record Failed(String reason, boolean retryable) implements Outcome {
    }
}
