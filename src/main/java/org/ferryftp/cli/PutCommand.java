package org.ferryftp.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.ferryftp.ftp.FtpException;
import org.ferryftp.ftp.FtpRefusedException;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.RemotePaths;
import org.ferryftp.ftp.TransferListener;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

final class PutCommand extends SessionCommand {

    @Override
    public String name() {
        return "put";
    }

    @Override
    public String synopsis() {
        return "PATH URL [--resume]";
    }

    @Override
    public String summary() {
        return "upload; a URL ending in / names the target directory";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public Options options() {
        return new Options().addOption(Option.builder().longOpt("resume")
                .desc("continue a partial upload (REST; needs TYPE I)").get());
    }

    @Override
    public void run(CommandLine line, CliContext context) throws Exception {
        Path local = Path.of(line.getArgList().get(0));
        if (!Files.isRegularFile(local)) {
            throw new IllegalArgumentException("not a regular local file: " + local);
        }
        FtpUrl u = url(line, 1);
        String remote = u.path().isEmpty() || u.path().endsWith("/")
                ? RemotePaths.join(u.path(), local.getFileName().toString()) : u.path();
        long localSize = Files.size(local);
        try (FtpSession session = open(u, line, context)) {
            boolean binary = session.settings().representation().isBinary();
            long offset = line.hasOption("resume") ? remoteSizeOrZero(session, remote) : 0;
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
            keepTimestamp(session, remote, local);
        }
    }

    private static long remoteSizeOrZero(FtpSession session, String remote) throws FtpException {
        try {
            return session.size(remote);
        } catch (FtpRefusedException e) {
            return 0;
        }
    }

    private static void keepTimestamp(FtpSession session, String remote, Path local) {
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
