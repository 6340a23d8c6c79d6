package org.ferryftp.app;

import org.ferryftp.ftp.LogEntry;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.transfer.TransferSubmitter;

import java.time.Instant;
import java.util.List;

/**
 * Stands in for the transfer queue until it is plugged in: records each request in the log so the
 * user sees what would be queued. Nothing is copied.
 */
final class QueueNotConnectedSubmitter implements TransferSubmitter {

    private final LogListener log;

    QueueNotConnectedSubmitter(LogListener log) {
        this.log = log;
    }

    @Override
    public void submit(List<TransferRequest> requests) {
        for (TransferRequest r : requests) {
            log.log(new LogEntry(Instant.now(), "queue", LogEntry.Direction.INFO,
                    "transfer queue not connected yet; request: " + describe(r)));
        }
    }

    private static String describe(TransferRequest r) {
        return where(r.source()) + (r.directory() ? "/ (folder)" : "") + " -> " + where(r.targetDirectory());
    }

    private static String where(org.ferryftp.fs.Location l) {
        return l.isLocal() ? "local:" + l.path() : l.site().name() + ":" + l.path();
    }
}
