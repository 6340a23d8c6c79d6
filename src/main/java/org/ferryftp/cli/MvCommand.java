package org.ferryftp.cli;

import org.ferryftp.ftp.FtpSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "mv", description = "Rename or move a remote file or directory (RNFR/RNTO).")
final class MvCommand extends SessionCommand {

    @Parameters(index = "0", paramLabel = "URL", description = "ftp://user[:pass]@host[:port]/path")
    String url;

    @Parameters(index = "1", paramLabel = "NEWPATH", description = "New path on the same server")
    String newPath;

    @Override
    void run() throws Exception {
        FtpUrl u = FtpUrl.parse(url);
        try (FtpSession session = open(u)) {
            session.rename(u.path(), newPath);
        }
    }
}
