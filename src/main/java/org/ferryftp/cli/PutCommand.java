package org.ferryftp.cli;

import org.ferryftp.ftp.FtpException;
import org.ferryftp.ftp.FtpRefusedException;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.RemotePaths;
import org.ferryftp.ftp.TransferListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

@Command(name = "put", description = "Upload a file. A URL ending in / names the target directory.")
final class PutCommand extends SessionCommand {

    @Parameters(index = "0", paramLabel = "PATH", description = "Local file")
    Path local;

    @Parameters(index = "1", paramLabel = "URL", description = "ftp://user[:pass]@host[:port]/path/[file]")
    String url;

    @Option(names = "--resume", description = "Continue a partial upload (REST; needs TYPE I).")
    boolean resume;

    @Override
    void run() throws Exception {
        if (!Files.isRegularFile(local)) {
            throw new IllegalArgumentException("not a regular local file: " + local);
        }
        FtpUrl u = FtpUrl.parse(url);
        String remote = u.path().isEmpty() || u.path().endsWith("/")
                ? RemotePaths.join(u.path(), local.getFileName().toString()) : u.path();
        long localSize = Files.size(local);
        try (FtpSession session = open(u)) {
            boolean binary = session.settings().representation().isBinary();
            long offset = resume ? remoteSizeOrZero(session, remote) : 0;
            if (offset > localSize) {
                throw new FtpException("cannot resume: the remote file (" + offset
                        + " bytes) is larger than the local file (" + localSize + " bytes)");
            }
            long sent = 0;
            if (offset < localSize || localSize == 0) {
                try (InputStream in = Files.newInputStream(local)) {
                    sent = session.store(remote, in, offset, TransferListener.NONE).bytes();
                }
            }
            // The server confirmed with 226; a short count means the local file changed under us.
            if (binary && offset + sent != localSize) {
                throw new FtpException("upload incomplete: sent " + (offset + sent) + " of " + localSize
                        + " bytes of " + local + " (did the file change during the upload?)");
            }
            keepTimestamp(session, remote);
        }
    }

    private static long remoteSizeOrZero(FtpSession session, String remote) throws FtpException {
        try {
            return session.size(remote);
        } catch (FtpRefusedException e) {
            return 0;
        }
    }

    private void keepTimestamp(FtpSession session, String remote) {
        if (!session.features().has("MFMT")) {
            return;
        }
        try {
            session.setModificationTime(remote, Files.getLastModifiedTime(local).toInstant());
        } catch (IOException e) {
            // The upload is complete; a timestamp the server refuses is not worth failing for.
        }
    }
}
