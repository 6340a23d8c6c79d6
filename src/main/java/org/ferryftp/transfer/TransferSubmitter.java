package org.ferryftp.transfer;

import java.util.List;

/** Accepts transfer requests into the queue; what the UI and the command line call. */
@FunctionalInterface
public interface TransferSubmitter {

    void submit(List<TransferRequest> requests);
}
