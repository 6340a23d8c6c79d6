package org.ferryftp.cli;

import org.apache.commons.cli.CommandLine;
import org.ferryftp.session.RemoteSession;

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
        return "change permissions, e.g. 644 (FTP: SITE CHMOD)";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public void run(CommandLine line, CliContext context) throws Exception {
        String mode = line.getArgList().get(0);
        if (!mode.matches("[0-7]{3,4}")) {
            throw new IllegalArgumentException("permissions must be 3 or 4 octal digits, like 755; got " + mode);
        }
        Endpoint u = endpoint(line, 1, context);
        try (RemoteSession session = open(u, line, context)) {
            session.chmod(mode, u.path());
        }
    }
}
