package org.ferryftp.cli;

import org.apache.commons.cli.CommandLine;
import org.ferryftp.ftp.FtpSession;

final class ChmodCommand extends SessionCommand {

    @Override
    public String name() {
        return "chmod";
    }

    @Override
    public String synopsis() {
        return "MODE URL";
    }

    @Override
    public String summary() {
        return "change permissions (SITE CHMOD), e.g. 644";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public void run(CommandLine line, CliContext context) throws Exception {
        Endpoint u = endpoint(line, 1, context);
        try (FtpSession session = open(u, line, context)) {
            session.chmod(line.getArgList().get(0), u.path());
        }
    }
}
