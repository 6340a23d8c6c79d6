package org.ferryftp.transfer;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Accepts transfer requests into the queue; what the UI and the command line call. */
@FunctionalInterface
public interface TransferSubmitter {

    void submit(List<TransferRequest> requests);

    /**
     * Submits, and completes once every item made of the requests has finished, with their last snapshots. A
     * submitter that cannot follow its items submits and fails the stage: whoever waits must not take the copies
     * as done.
     */
    default CompletionStage<List<ItemSnapshot>> submitAndAwait(List<TransferRequest> requests) {
        submit(requests);
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "this queue does not tell when its items finish"));
    }
}
