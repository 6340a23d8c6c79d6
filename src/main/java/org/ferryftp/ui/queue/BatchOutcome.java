package org.ferryftp.ui.queue;

/**
 * Reported when the queue runs dry after doing some work: the view shows it as a notification.
 *
 * @param failed       true when at least one item failed since the queue last started working
 * @param transferred  files (not folders) done in that stretch
 * @param notTransferred files skipped or cancelled in that stretch: finished, but not copied
 * @param errors       items that failed in that stretch
 */
public record BatchOutcome(boolean failed, int transferred, int notTransferred, int errors) {

    /** This stretch and a later one, told as one. */
    public BatchOutcome and(BatchOutcome later) {
        return new BatchOutcome(failed || later.failed, transferred + later.transferred,
                notTransferred + later.notTransferred, errors + later.errors);
    }
}
