package org.ferryftp.ui.queue;

import org.ferryftp.transfer.ItemState;

/** The three tabs of the queue view; every item state belongs to exactly one. */
public enum QueueTab {
    /** Waiting, running or paused: work still to do. */
    QUEUE,
    /** Failed for good; the user may retry. */
    FAILED,
    /** Done, skipped or cancelled: history. */
    DONE;

    public static QueueTab of(ItemState state) {
        // Exhaustive over the sealed hierarchy, so a new state cannot be forgotten here.
        if (state instanceof ItemState.Queued || state instanceof ItemState.Running
                || state instanceof ItemState.Paused) {
            return QUEUE;
        }
        if (state instanceof ItemState.Failed) {
            return FAILED;
        }
        return DONE;
    }
}
