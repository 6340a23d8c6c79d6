package org.ferryftp.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.session.RemotePaths;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.RelayPolicy;
import org.ferryftp.transfer.TransferRequest;

import java.util.Locale;

/** {@code ferry fxp SRC_URL DST_URL}: server to server, the data never passing through Ferry. */
final class FxpCommand extends SessionCommand {

    @Override
    public String name() {
        return "fxp";
    }

    @Override
    public String synopsis() {
        return "SRC_URL DST_URL [-r] [--relay never|ask|fallback|always]";
    }

    @Override
    public String summary() {
        return "copy from one server to another directly (FXP); DST_URL ending in / names a directory";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public Options options() {
        return QueueRun.addTo(new Options().addOption(Option.builder().longOpt("relay").hasArg().argName("WHEN")
                .desc("pass the data through Ferry: never (default), ask (on the terminal, when FXP is refused), "
                        + "fallback (when FXP is refused, without asking), always").get()));
    }

    @Override
    public void run(CommandLine line, CliContext context) throws Exception {
        Endpoint src = endpoint(line, 0, context);
        Endpoint dst = endpoint(line, 1, context);
        if (src.path().isEmpty()) {
            throw new IllegalArgumentException("give the source file or directory: " + src.display());
        }
        boolean tree = line.hasOption("recursive");
        String targetDir;
        String targetName = null;
        if (dst.path().isEmpty() || dst.path().endsWith("/") || tree) {
            targetDir = dst.path().isEmpty() ? "" : RemotePaths.normalize(dst.path());
        } else {
            targetDir = RemotePaths.parent(dst.path());
            targetName = RemotePaths.name(dst.path());
        }
        int parallel = QueueRun.parallel(line);
        SiteRef from = src.ref(parallel);
        SiteRef to = dst.ref(parallel);
        if (from.id().equals(to.id())) {
            to = new SiteRef(to.id() + "#target", to.name(), to.endpoint(), to.maxConnections(), to.options());
        }
        TransferRequest request = new TransferRequest(Location.remote(from, RemotePaths.normalize(src.path())), tree,
                Location.remote(to, targetDir), Priority.NORMAL, targetName);
        QueueRun.run(request, from, line, context, relay(line));
    }

    static RelayPolicy relay(CommandLine line) {
        return switch (line.getOptionValue("relay", "never").toLowerCase(Locale.ROOT)) {
            case "never" -> RelayPolicy.NEVER;
            case "ask" -> RelayPolicy.ASK;
            case "fallback" -> RelayPolicy.FALLBACK;
            case "always" -> RelayPolicy.ALWAYS;
            default -> throw new IllegalArgumentException("--relay takes never, ask, fallback or always");
        };
    }
}
