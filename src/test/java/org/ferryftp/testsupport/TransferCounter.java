package org.ferryftp.testsupport;

import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;

import java.util.concurrent.atomic.AtomicInteger;

/** An ftplet that counts data transfers running at once, as the server sees them. */
public final class TransferCounter extends DefaultFtplet {

    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger max = new AtomicInteger();
    private final AtomicInteger total = new AtomicInteger();

    private FtpletResult started() {
        int now = current.incrementAndGet();
        max.accumulateAndGet(now, Math::max);
        total.incrementAndGet();
        return FtpletResult.DEFAULT;
    }

    @Override
    public FtpletResult onDownloadStart(FtpSession session, FtpRequest request) {
        return started();
    }

    @Override
    public FtpletResult onDownloadEnd(FtpSession session, FtpRequest request) {
        current.decrementAndGet();
        return FtpletResult.DEFAULT;
    }

    @Override
    public FtpletResult onUploadStart(FtpSession session, FtpRequest request) {
        return started();
    }

    @Override
    public FtpletResult onUploadEnd(FtpSession session, FtpRequest request) {
        current.decrementAndGet();
        return FtpletResult.DEFAULT;
    }

    public int maxConcurrent() {
        return max.get();
    }

    public int total() {
        return total.get();
    }
}
