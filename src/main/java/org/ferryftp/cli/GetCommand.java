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

final class GetCommand extends SessionCommand {

    @Override
    public String name() {
        return "get";
    }

    @Override
    public String synopsis() {
        return "URL [-o PATH] [-r] [--resume]";
    }

    @Override
    public String summary() {
        return "download a file (or a tree with -r); files appear only when complete";
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public Options options() {
        Options o = new Options()
                .addOption(Option.builder("o").longOpt("output").hasArg().argName("PATH")
                        .desc("local file or directory (default: current directory)").get())
                .addOption(Option.builder().longOpt("resume").desc("continue a partial download (REST; needs TYPE I)").get())
                .addOption(Option.builder().longOpt("fsync").desc("force files to disk before they appear under their name").get());
        return QueueRun.addTo(o);
    }

    @Override
    public void run(CommandLine line, CliContext context) throws Exception {
        Endpoint u = endpoint(line, 0, context);
        boolean tree = line.hasOption("recursive");
        String remote = u.path();
        if (!tree && (remote.isEmpty() || remote.endsWith("/"))) {
            throw new IllegalArgumentException("the URL names a directory; give a file, or use -r: " + u.display());
        }
        if (tree && remote.isEmpty()) {
            throw new IllegalArgumentException("give the remote directory to copy, e.g. ftp://host/dir");
        }
        remote = RemotePaths.normalize(remote);
        Path output = Path.of(line.getOptionValue("output", "."));
        Path targetDir;
        String targetName = null;
        if (Files.isDirectory(output)) {
            targetDir = output;
        } else if (tree) {
            Files.createDirectories(output);
            targetDir = output;
        } else {
            targetDir = output.toAbsolutePath().getParent();
            targetName = output.getFileName().toString();
        }
        SiteRef site = u.ref(QueueRun.parallel(line));
        TransferRequest request = new TransferRequest(Location.remote(site, remote), tree,
                Location.local(targetDir.toAbsolutePath().toString()), Priority.NORMAL, targetName);
        QueueRun.run(request, site, line, context);
    }
}
