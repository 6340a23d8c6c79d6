package org.ferryftp.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.ferryftp.ftp.FtpException;
import org.ferryftp.ftp.FtpRefusedException;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.session.SessionException;
import org.ferryftp.ftp.NoSuchDirectoryException;
import org.ferryftp.session.RemoteTree;

final class RmCommand extends SessionCommand {

    @Override
    public String name() {
        return "rm";
    }

    @Override
    public String synopsis() {
        return "URL [-r]";
    }

    @Override
    public String summary() {
        return "delete a file, or with -r a directory and everything in it";
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public Options options() {
        return new Options().addOption(Option.builder("r").longOpt("recursive").desc("delete a directory recursively").get());
    }

    @Override
    public void run(CommandLine line, CliContext context) throws Exception {
        Endpoint u = endpoint(line, 0, context);
        if (u.path().isEmpty() || u.path().equals("/")) {
            throw new IllegalArgumentException("refusing to delete the login or root directory");
        }
        boolean recursive = line.hasOption("recursive");
        try (RemoteSession session = open(u, line, context)) {
            RemoteTree tree = new RemoteTree(session);
            if (recursive) {
                removeRecursively(session, tree, u.path());
                return;
            }
            try {
                session.delete(u.path());
            } catch (SessionException e) {
                if (!e.isConnectionBroken() && tree.isDirectory(u.path())) {
                    throw new IllegalArgumentException(u.path() + " is a directory; use rm -r");
                }
                throw e;
            }
        }
    }

    /** A directory with everything in it, or a file; a path that is neither fails with "no such directory". */
    private static void removeRecursively(RemoteSession remote, RemoteTree tree, String path)
            throws SessionException {
        if (!(remote instanceof FtpSession session)) {
            if (SessionCommand.isDirectoryElseFile(remote, path)) {
                tree.removeRecursively(path);
            } else {
                remote.delete(path);
            }
            return;
        }
        try {
            session.requireDirectory(path);
        } catch (NoSuchDirectoryException notADirectory) {
            try {
                session.delete(path);
                return;
            } catch (FtpRefusedException notAFile) {
                throw notADirectory.isFile() ? notAFile : notADirectory;
            }
        }
        tree.removeRecursively(path);
    }
}
