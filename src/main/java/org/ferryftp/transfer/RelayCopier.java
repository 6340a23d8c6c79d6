package org.ferryftp.transfer;

import org.ferryftp.fs.SiteRef;
import org.ferryftp.session.TransferForm;

import java.io.OutputStream;

/**
 * Copies one file between two sites through Ferry, for servers that refuse FXP: the download from
 * A is streamed straight into the upload to B (no temporary file), with progress and the bandwidth
 * limit as for any transfer. Text representations are converted from A's to B's on the way. It is done
 * when the stored size matches (binary) and the file is under its final name.
 */
final class RelayCopier {

    private final SiteConnections connections;
    private final RunContext run;
    private final IntoPlace intoPlace;

    RelayCopier(SiteConnections connections, RunContext run, IntoPlace intoPlace) {
        this.connections = connections;
        this.run = run;
        this.intoPlace = intoPlace;
    }

    /** Copies to {@code target} (the item's own target path) from {@code offset}; {@code size} is the source's, or -1. */
    Outcome copy(TransferItem item, String target, long offset, long size) throws Exception {
        SiteRef a = item.source.site();
        return connections.withTwoSessions(run, a, item.target.site(), (src, dst) -> {
            try (OutputStream upload = dst.openUpload(target, offset)) {
                src.download(item.source.path(), upload, offset, connections.tracker(run, offset, a, src));
            }
            boolean binary = TransferForm.of(dst, target).binary();
            return intoPlace.settleCopy(item, dst, binary ? size : -1);
        });
    }
}
