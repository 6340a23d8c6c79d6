package org.ferryftp.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.RemotePaths;
import org.ferryftp.transfer.Priority;
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
        return "upload a file (or a tree with -r); a URL ending in / names the target directory";
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
        String remoteDir;
        String targetName = null;
        if (u.path().isEmpty() || u.path().endsWith("/") || tree) {
            remoteDir = u.path().isEmpty() ? "" : RemotePaths.normalize(u.path());
        } else {
            remoteDir = RemotePaths.parent(u.path());
            targetName = RemotePaths.name(u.path());
        }
        SiteRef site = u.ref(QueueRun.parallel(line));
        TransferRequest request = new TransferRequest(Location.local(local.toString()), tree,
                Location.remote(site, remoteDir), Priority.NORMAL, targetName);
        QueueRun.run(request, site, line, context);
    }
}
