package org.ferryftp.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.FtpException;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.session.RemotePaths;
import org.ferryftp.session.RemoteTree;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.RelayPolicy;
import org.ferryftp.transfer.TransferRequest;

import java.nio.file.Files;
import java.nio.file.Path;

final class PutCommand extends SessionCommand {

    @Override
    public String name() {
        return "put";
    }

    @Override
    public String synopsis() {
        return "PATH URL [-r] [--resume]";
    }

    @Override
    public String summary() {
        return "upload a file (or a tree with -r) into an existing directory; a URL ending in / names it";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public Options options() {
        Options o = new Options().addOption(Option.builder().longOpt("resume")
                .desc("continue a partial upload (REST; needs TYPE I)").get());
        return QueueRun.addTo(o);
    }

    @Override
    public void run(CommandLine line, CliContext context) throws Exception {
        Path local = Path.of(line.getArgList().get(0)).toAbsolutePath();
        boolean tree = line.hasOption("recursive");
        if (tree ? !Files.isDirectory(local) : !Files.isRegularFile(local)) {
            throw new IllegalArgumentException(tree ? "not a local directory: " + local
                    : "not a regular local file: " + local + (Files.isDirectory(local) ? " (use -r for a directory)" : ""));
        }
        Endpoint u = endpoint(line, 1, context);
        SiteRef site = u.ref(QueueRun.parallel(line));
        RemoteSession session = open(u, line, context);
        TransferRequest request;
        try {
            request = request(session, Location.local(local.toString()), tree, site, u.path());
        } catch (Exception | Error e) {
            session.close();
            throw e;
        }
        QueueRun.run(request, site, line, context, RelayPolicy.NEVER, session);
    }

    /**
     * Into the directory the URL names (ending in /, with -r, or an existing directory, as cp does), else as the
     * file it names. That directory must exist: a missing one fails with "no such directory" and nothing is
     * created, parents included.
     */
    private static TransferRequest request(RemoteSession session, Location source, boolean tree, SiteRef site,
                                           String path) throws java.io.IOException {
        boolean namesAFile = !path.isEmpty() && !path.endsWith("/") && !tree
                && !new RemoteTree(session).isDirectory(path);
        String remoteDir = namesAFile ? RemotePaths.parent(path) : path.isEmpty() ? "" : RemotePaths.normalize(path);
        if (namesAFile || tree || path.endsWith("/")) {
            requireDirectory(session, remoteDir);
        }
        return new TransferRequest(source, tree, Location.remote(site, remoteDir), Priority.NORMAL,
                namesAFile ? RemotePaths.name(path) : null);
    }
}
