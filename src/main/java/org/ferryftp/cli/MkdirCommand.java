package org.ferryftp.cli;

import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.RemoteTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "mkdir", description = "Create a remote directory, with any missing parents.")
final class MkdirCommand extends SessionCommand {

    @Parameters(index = "0", paramLabel = "URL", description = "ftp://user[:pass]@host[:port]/path/dir")
    String url;

    @Override
    void run() throws Exception {
        FtpUrl u = FtpUrl.parse(url);
        if (u.path().isEmpty()) {
            throw new IllegalArgumentException("the URL names no directory to create");
        }
        try (FtpSession session = open(u)) {
            new RemoteTree(session).makeDirectories(u.path());
        }
    }
}
