package org.ferryftp.cli;

import org.ferryftp.ftp.FtpRefusedException;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.RemoteTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rm", description = "Delete a remote file, or with -r a directory and everything in it.")
final class RmCommand extends SessionCommand {

    @Parameters(index = "0", paramLabel = "URL", description = "ftp://user[:pass]@host[:port]/path")
    String url;

    @Option(names = {"-r", "--recursive"}, description = "Delete a directory recursively.")
    boolean recursive;

    @Override
    void run() throws Exception {
        FtpUrl u = FtpUrl.parse(url);
        if (u.path().isEmpty() || u.path().equals("/")) {
            throw new IllegalArgumentException("refusing to delete the login or root directory");
        }
        try (FtpSession session = open(u)) {
            RemoteTree tree = new RemoteTree(session);
            if (recursive && tree.isDirectory(u.path())) {
                tree.removeRecursively(u.path());
                return;
            }
            try {
                session.delete(u.path());
            } catch (FtpRefusedException e) {
                if (!recursive && tree.isDirectory(u.path())) {
                    throw new IllegalArgumentException(u.path() + " is a directory; use rm -r");
                }
                throw e;
            }
        }
    }
}
