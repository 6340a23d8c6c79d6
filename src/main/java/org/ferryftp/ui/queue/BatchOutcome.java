package org.ferryftp.ui.queue;

/**
 * Reported when the queue runs dry after doing some work: the view shows it as a notification.
 *
 * @param failed true when at least one item failed since the queue last started working
 * @param done   files (not folders) that finished (done, skipped or cancelled) in that stretch
 * @param errors items that failed in that stretch
 */
public record BatchOutcome(boolean failed, int done, int errors) {

    /** This stretch and a later one, told as one. */
    public BatchOutcome and(BatchOutcome later) {
        return new BatchOutcome(failed || later.failed, done + later.done, errors + later.errors);
    }
}
