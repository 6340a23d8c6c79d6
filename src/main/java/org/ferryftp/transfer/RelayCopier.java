package org.ferryftp.transfer;

import org.ferryftp.fs.SiteRef;

import java.io.OutputStream;

/**
 * Copies one file between two sites through Ferry, for servers that refuse FXP: the download from
 * A is streamed straight into the upload to B (no temporary file), with progress and the bandwidth
 * limit as for any transfer. Text representations are converted from A's to B's on the way.
 */
final class RelayCopier {

    private final ItemRunner runner;

    RelayCopier(ItemRunner runner) {
        this.runner = runner;
    }

    Outcome copy(TransferItem item, String target, long offset) throws Exception {
        SiteRef a = item.source.site();
        return runner.withTwoSessions(item, a, item.target.site(), (src, dst) -> {
            try (OutputStream upload = dst.openStore(target, offset)) {
                src.retrieve(item.source.path(), upload, offset, runner.tracker(item, offset, a, src));
            }
            return new Outcome.Completed();
        });
    }
}
