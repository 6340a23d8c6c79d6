package org.ferryftp.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.session.RemotePaths;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.RelayPolicy;
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
        String remote = u.path();
        if (!line.hasOption("recursive") && (remote.isEmpty() || remote.endsWith("/"))) {
            throw new IllegalArgumentException("the URL names a directory; give a file, or use -r: " + u.display());
        }
        remote = remote.isEmpty() ? "" : RemotePaths.normalize(remote);
        Path output = Path.of(line.getOptionValue("output", ".")).toAbsolutePath().normalize();
        SiteRef site = u.ref(QueueRun.parallel(line));
        RemoteSession session = open(u, line, context);
        TransferRequest request;
        try {
            // -r of a file downloads that file; a missing path fails here, before anything is created locally.
            boolean tree = line.hasOption("recursive") && isDirectoryElseFile(session, remote);
            request = request(Location.remote(site, remote), tree, output);
        } catch (Exception | Error e) {
            session.close();
            throw e;
        }
        QueueRun.run(request, site, line, context, RelayPolicy.NEVER, session);
    }

    /**
     * Into {@code output} when it is a directory; a tree into {@code output}, created; a file as {@code output}.
     * The login directory (empty path) has no name of its own: its tree becomes {@code output} itself.
     */
    private static TransferRequest request(Location source, boolean tree, Path output) throws java.io.IOException {
        if (tree && source.path().isEmpty()) {
            if (output.getParent() == null) {
                throw new IllegalArgumentException("give a directory to copy the login directory into, with -o");
            }
            return new TransferRequest(source, true, Location.local(output.getParent().toString()), Priority.NORMAL,
                    output.getFileName().toString());
        }
        if (Files.isDirectory(output)) {
            return new TransferRequest(source, tree, Location.local(output.toString()), Priority.NORMAL);
        }
        if (tree) {
            Files.createDirectories(output);
            return new TransferRequest(source, true, Location.local(output.toString()), Priority.NORMAL);
        }
        return new TransferRequest(source, false, Location.local(output.getParent().toString()), Priority.NORMAL,
                output.getFileName().toString());
    }
}
