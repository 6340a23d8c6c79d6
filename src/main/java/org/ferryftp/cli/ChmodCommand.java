package org.ferryftp.cli;

import org.ferryftp.ftp.FtpSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "chmod", description = "Change permissions (SITE CHMOD), e.g. ferry chmod 644 URL.")
final class ChmodCommand extends SessionCommand {

    @Parameters(index = "0", paramLabel = "MODE", description = "Octal mode, e.g. 755")
    String mode;

    @Parameters(index = "1", paramLabel = "URL", description = "ftp://user[:pass]@host[:port]/path")
    String url;

    @Override
    void run() throws Exception {
        FtpUrl u = FtpUrl.parse(url);
        try (FtpSession session = open(u)) {
            session.chmod(mode, u.path());
        }
    }
}
