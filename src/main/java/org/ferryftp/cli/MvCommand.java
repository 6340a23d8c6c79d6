package org.ferryftp.cli;

import org.apache.commons.cli.CommandLine;
import org.ferryftp.session.RemoteSession;

final class MvCommand extends SessionCommand {

    @Override
    public String name() {
        return "mv";
    }

    @Override
    public String synopsis() {
        return "URL NEWPATH";
    }

    @Override
    public String summary() {
        return "rename or move on the same server";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public void run(CommandLine line, CliContext context) throws Exception {
        Endpoint u = endpoint(line, 0, context);
        try (RemoteSession session = open(u, line, context)) {
            session.rename(u.path(), line.getArgList().get(1));
        }
    }
}
