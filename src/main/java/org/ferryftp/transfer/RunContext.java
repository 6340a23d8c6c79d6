package org.ferryftp.transfer;

import java.util.function.Consumer;

/**
 * What one run of an item may tell the queue, made by the dispatcher for that run and passed into it: how to stop
 * the run (the abort hook, called by the run once it holds a connection) and that the item progressed.
 *
 * @param item      the item that runs
 * @param abortHook takes how to interrupt the run now, for a pause or cancel (and runs it at once if one came)
 * @param progress  tells the queue's listeners the item changed
 */
record RunContext(TransferItem item, Consumer<Runnable> abortHook, Runnable progress) {

    /** From now on, a pause or cancel of this run calls {@code abort}. */
    void onAbort(Runnable abort) {
        abortHook.accept(abort);
    }

    void progressed() {
        progress.run();
    }

    /** Remembers what the item writes on its target and announces it, so the journal keeps it for a restart. */
    void recordOwnTarget(OwnTarget own) {
        item.ownTarget = own;
        progress.run();
    }
}
