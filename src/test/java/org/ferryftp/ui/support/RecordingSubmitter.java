package org.ferryftp.ui.support;

import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.transfer.TransferSubmitter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the transfer queue: keeps every submitted request. */
public final class RecordingSubmitter implements TransferSubmitter {

    public final List<TransferRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public void submit(List<TransferRequest> batch) {
        requests.addAll(batch);
    }
}
