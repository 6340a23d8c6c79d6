package org.ferryftp.transfer;

import java.util.List;

/** How one run of an item ended, as the worker reports it to the queue. */
sealed interface Outcome {

    /** The file arrived complete and verified. */
    record Completed() implements Outcome {
    }

    /** A directory was listed; these children now wait in the queue. */
    record Expanded(List<TransferItem> children) implements Outcome {
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
