package org.ferryftp.cli;

import org.apache.commons.cli.CommandLine;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.session.RemoteTree;

final class MkdirCommand extends SessionCommand {

    @Override
    public String name() {
        return "mkdir";
    }

    @Override
    public String synopsis() {
        return "URL";
    }

    @Override
    public String summary() {
        return "create a directory and any missing parents";
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public void run(CommandLine line, CliContext context) throws Exception {
        Endpoint u = endpoint(line, 0, context);
        if (u.path().isEmpty()) {
            throw new IllegalArgumentException("the URL names no directory to create");
        }
        try (RemoteSession session = open(u, line, context)) {
            new RemoteTree(session).makeDirectories(u.path());
        }
    }
}
