package org.ferryftp.testsupport;

import org.apache.ftpserver.ftplet.DataConnection;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpFile;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kills the server session of the first {@code cuts} uploads (STOR/APPE) after {@code bytes} more bytes have
 * arrived: the bytes stay in the file and the control connection is dropped, as when vsftpd's session process
 * dies mid-STOR. Later uploads run normally.
 */
public final class UploadCutter extends DefaultFtplet {

    private final long bytes;
    private final AtomicInteger cutsLeft;

    public UploadCutter(long bytes, int cuts) {
        this.bytes = bytes;
        this.cutsLeft = new AtomicInteger(cuts);
    }

    /** Uploads cut so far are those no longer left. */
    public int cutsLeft() {
        return cutsLeft.get();
    }

    @Override
    public FtpletResult onUploadStart(FtpSession session, FtpRequest request) throws org.apache.ftpserver.ftplet.FtpException, IOException {
        return cut(session, request, false);
    }

    @Override
    public FtpletResult onAppendStart(FtpSession session, FtpRequest request) throws org.apache.ftpserver.ftplet.FtpException, IOException {
        return cut(session, request, true);
    }

    private FtpletResult cut(FtpSession session, FtpRequest request, boolean append)
            throws org.apache.ftpserver.ftplet.FtpException, IOException {
        if (cutsLeft.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
            return FtpletResult.DEFAULT;
        }
        FtpFile file = session.getFileSystemView().getFile(request.getArgument());
        long offset = append ? Math.max(0, file.getSize()) : session.getFileOffset();
        session.write(new DefaultFtpReply(150, "Ok to send data."));
        try (OutputStream out = file.createOutputStream(offset)) {
            DataConnection data = session.getDataConnection().openConnection();
            data.transferFromClient(session, new CutAfter(out, bytes));
        } catch (IOException expected) {
            // the cut itself
        } catch (Exception e) {
            throw new IOException(e);
        } finally {
            session.getDataConnection().closeDataConnection();
        }
        return FtpletResult.DISCONNECT;
    }
}
