package org.ferryftp.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.ferryftp.fs.LocalPaths;
import org.ferryftp.fs.PartialDownload;
import org.ferryftp.ftp.FtpException;
import org.ferryftp.ftp.FtpRefusedException;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.RemotePaths;
import org.ferryftp.ftp.TransferListener;
import org.ferryftp.ftp.repr.Representation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

final class GetCommand extends SessionCommand {

    @Override
    public String name() {
        return "get";
    }

    @Override
    public String synopsis() {
        return "URL [-o PATH] [--resume]";
    }

    @Override
    public String summary() {
        return "download; the file appears under its name only when complete";
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder("o").longOpt("output").hasArg().argName("PATH")
                        .desc("local file or directory (default: current directory)").get())
                .addOption(Option.builder().longOpt("resume").desc("continue a partial download (REST; needs TYPE I)").get())
                .addOption(Option.builder().longOpt("fsync").desc("force the file to disk before it appears under its name").get());
    }

    @Override
    public void run(CommandLine line, CliContext context) throws Exception {
        FtpUrl u = url(line, 0);
        if (u.path().isEmpty() || u.path().endsWith("/")) {
            throw new IllegalArgumentException("the URL names a directory; give a file: " + u.display());
        }
        Path target = target(line.getOptionValue("output"), RemotePaths.name(u.path()));
        try (FtpSession session = open(u, line, context)) {
            Representation repr = session.settings().representation();
            long remoteSize = repr.isBinary() ? sizeOrUnknown(session, u.path()) : -1;
            try (PartialDownload download = PartialDownload.open(target, line.hasOption("resume"))) {
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
                download.commit(line.hasOption("fsync"));
            }
            keepTimestamp(session, u.path(), target);
        }
    }

    private static Path target(String output, String remoteName) throws IOException {
        if (output == null) {
            return LocalPaths.resolveChild(Path.of("").toAbsolutePath(), remoteName);
        }
        Path out = Path.of(output);
        if (Files.isDirectory(out)) {
            return LocalPaths.resolveChild(out, remoteName);
        }
        return out.toAbsolutePath();
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
