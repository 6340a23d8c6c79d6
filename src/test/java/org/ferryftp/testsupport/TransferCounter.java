package org.ferryftp.testsupport;

import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An ftplet that counts data transfers running at once, as the server sees them, and records REST offsets. */
public final class TransferCounter extends DefaultFtplet {

    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger max = new AtomicInteger();
    private final AtomicInteger total = new AtomicInteger();
    private final List<String> rests = new CopyOnWriteArrayList<>();

    @Override
    public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException, IOException {
        if ("REST".equalsIgnoreCase(request.getCommand())) {
            rests.add(request.getArgument());
        }
        return super.beforeCommand(session, request);
    }

    /** Arguments of every REST command received, in order (to prove a download resumed). */
    public List<String> restArguments() {
        return List.copyOf(rests);
    }

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
