package org.ferryftp.cli;

import org.ferryftp.fs.LocalPaths;
import org.ferryftp.fs.PartialDownload;
import org.ferryftp.ftp.FtpException;
import org.ferryftp.ftp.FtpRefusedException;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.RemotePaths;
import org.ferryftp.ftp.TransferListener;
import org.ferryftp.ftp.repr.Representation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

@Command(name = "get", description = "Download a file. It appears under its name only when complete.")
final class GetCommand extends SessionCommand {

    @Parameters(index = "0", paramLabel = "URL", description = "ftp://user[:pass]@host[:port]/path/file")
    String url;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH", description = "Local file or directory (default: current directory).")
    Path output;

    @Option(names = "--resume", description = "Continue a partial download (REST; needs TYPE I).")
    boolean resume;

    @Option(names = "--fsync", description = "Force the file to disk before it appears under its name.")
    boolean fsync;

    @Override
    void run() throws Exception {
        FtpUrl u = FtpUrl.parse(url);
        if (u.path().isEmpty() || u.path().endsWith("/")) {
            throw new IllegalArgumentException("the URL names a directory; give a file: " + u.display());
        }
        Path target = target(RemotePaths.name(u.path()));
        try (FtpSession session = open(u)) {
            Representation repr = session.settings().representation();
            long remoteSize = repr.isBinary() ? sizeOrUnknown(session, u.path()) : -1;
            try (PartialDownload download = PartialDownload.open(target, resume)) {
                long offset = download.resumeOffset();
                if (offset > 0 && remoteSize >= 0 && offset > remoteSize) {
                    throw new FtpException("cannot resume: the local partial file (" + offset
                            + " bytes) is larger than the remote file (" + remoteSize + " bytes)");
                }
                if (offset == 0 || offset != remoteSize) {
                    session.retrieve(u.path(), download.stream(), offset, TransferListener.NONE);
                }
                long got = download.size();
                if (remoteSize >= 0 && got != remoteSize) {
                    throw new FtpException("download incomplete: got " + got + " of " + remoteSize
                            + " bytes; the partial file is kept at " + download.partialPath() + " (use --resume)");
                }
                download.commit(fsync);
            }
            keepTimestamp(session, u.path(), target);
        }
    }

    private Path target(String remoteName) throws IOException {
        if (output == null) {
            return LocalPaths.resolveChild(Path.of("").toAbsolutePath(), remoteName);
        }
        if (Files.isDirectory(output)) {
            return LocalPaths.resolveChild(output, remoteName);
        }
        return output.toAbsolutePath();
    }

    private static long sizeOrUnknown(FtpSession session, String path) throws FtpException {
        try {
            return session.size(path);
        } catch (FtpRefusedException e) {
            if (e.reply().code() == 550) {
                throw new FtpRefusedException("cannot download " + path + ": " + e.reply().oneLine(), "SIZE " + path,
                        e.reply());
            }
            return -1;
        }
    }

    private static void keepTimestamp(FtpSession session, String path, Path target) {
        if (!session.features().has("MDTM")) {
            return;
        }
        try {
            Instant t = session.modificationTime(path);
            Files.setLastModifiedTime(target, FileTime.from(t));
        } catch (IOException e) {
            // The file is complete; a missing timestamp is not worth failing for.
        }
    }
}
