package org.ferryftp.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.ferryftp.fs.FileBrowser;
import org.ferryftp.fs.LocalBrowser;
import org.ferryftp.fs.Location;
import org.ferryftp.fs.RemoteBrowser;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.session.RemotePaths;
import org.ferryftp.transfer.RelayPolicy;
import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.ferryftp.transfer.sync.SyncPlan;
import org.ferryftp.transfer.sync.SyncPlanner;
import org.ferryftp.transfer.sync.SyncRules;
import org.ferryftp.transfer.sync.SyncRun;
import org.ferryftp.transfer.sync.SyncStep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ferry mirror SRC DST}: makes the target tree match the source tree, as {@code lftp mirror} and WinSCP's
 * Synchronize do. Either side is a local directory, a URL or a saved site; remote to remote goes server to server
 * where the servers allow it. It copies what is missing and updates what differs in size or time; with
 * {@code --delete} it also removes what exists only at the target, after listing it.
 */
final class MirrorCommand extends SessionCommand {

    /** One side of the mirror: how to list it, its root there, and where the queue finds it. */
    private record Side(FileBrowser browser, String root, Location location) {
    }

    @Override
    public String name() {
        return "mirror";
    }

    @Override
    public String synopsis() {
        return "SRC DST [--delete] [--dry-run] [--newer-only] [--checksum] [--progress] [--exclude GLOB]..."
                + " [--include GLOB]...";
    }

    @Override
    public String summary() {
        return "make DST match SRC (each a local directory, a URL or site:NAME): copy what is missing or changed";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public Options options() {
        Options o = new Options()
                .addOption(Option.builder().longOpt("delete").desc("also delete what exists only at DST (listed first)").get())
                .addOption(Option.builder().longOpt("dry-run").desc("print the plan (copy, update, delete, skip, each"
                        + " with its reason) and change nothing").get())
                .addOption(Option.builder().longOpt("newer-only").desc("never overwrite a file that is newer at DST").get())
                .addOption(Option.builder().longOpt("checksum").desc("compare files of the same size by checksum where"
                        + " both sides offer one (HASH, XSHA256, XSHA1, XMD5, XCRC; a local side computes), else by"
                        + " time").get())
                .addOption(Option.builder().longOpt("exclude").hasArg().argName("GLOB")
                        .desc("leave alone what matches, on both sides (a glob with / matches the relative path,"
                                + " others the name); repeatable").get())
                .addOption(Option.builder().longOpt("include").hasArg().argName("GLOB")
                        .desc("consider only files that match; repeatable").get())
                .addOption(Option.builder().longOpt("time-offset").hasArg().argName("MINUTES")
                        .desc("add to DST's times before comparing (a server listing in another time zone)").get())
                .addOption(Option.builder().longOpt("progress").desc("show how much is listed so far, and the"
                        + " copies' progress, even when stderr is not a terminal").get())
                .addOption(Option.builder().longOpt("relay").hasArg().argName("WHEN")
                        .desc("remote to remote: pass the data through Ferry never (default), ask, fallback or always").get());
        return QueueRun.addParallel(o);
    }

    @Override
    public void run(CommandLine line, CliContext context) throws Exception {
        SyncRules rules = SyncRules.DEFAULT.withDelete(line.hasOption("delete"))
                .withNewerOnly(line.hasOption("newer-only"))
                .withChecksum(line.hasOption("checksum"))
                .withFilters(values(line, "include"), values(line, "exclude"))
                .withTargetOffset(Duration.ofMinutes(minutes(line)));
        List<AutoCloseable> open = new ArrayList<>();
        try {
            Side src = side(line.getArgList().get(0), line, context, open, null);
            Side dst = side(line.getArgList().get(1), line, context, open, src);
            // Only what changes is kept (a dry run keeps nothing): 100,000 unchanged files cost a count, not a plan.
            boolean dryRun = line.hasOption("dry-run");
            List<SyncStep> steps = new ArrayList<>();
            long[] unchanged = new long[1];
            ListingProgress progress = new ListingProgress(context.err(),
                    line.hasOption("progress") || System.console() != null);
            new SyncPlanner(rules).plan(src.browser(), src.root(), dst.browser(), dst.root(), new SyncPlanner.Sink() {
                @Override
                public void step(SyncStep step) {
                    if (dryRun) {
                        progress.interrupt();
                        context.out().println(step.line());
                    } else if (step.action() == SyncStep.Action.SKIP) {
                        unchanged[0]++;
                    } else {
                        steps.add(step);
                    }
                }

                @Override
                public void listed(String relativeDir, int sourceEntries, int targetEntries) {
                    progress.listed(sourceEntries, targetEntries);
                }

                @Override
                public void note(String text) {
                    progress.interrupt();
                    context.err().println("ferry: mirror: " + text);
                }
            });
            progress.end();
            if (dryRun) {
                return;
            }
            SyncPlan plan = new SyncPlan(src.location(), dst.location(), steps);
            for (SyncStep s : steps) {
                if (s.action() == SyncStep.Action.DELETE || s.action() == SyncStep.Action.REPLACE) {
                    context.err().println("ferry: will delete at the target: " + s.path() + (s.action()
                            == SyncStep.Action.REPLACE ? " (" + s.reason() + ")" : ""));
                }
            }
            SyncRun run = new SyncRun(List.of(SyncRun.Leg.of(plan, src.browser(), src.root(), dst.browser(),
                    dst.root())));
            List<TransferRequest> copies = run.prepare();
            if (!copies.isEmpty()) {
                SiteRef site = src.location().isLocal() ? dst.location().site() : src.location().site();
                RelayPolicy relay = src.location().isLocal() || dst.location().isLocal() ? FxpCommand.relay(line)
                        : FxpCommand.relay(line, src.location().site(), dst.location().site());
                try {
                    QueueRun.run(copies, site, line, context, relay, null,
                            ConflictPolicy.fixed(ConflictChoice.OVERWRITE));
                } catch (Exception failed) {
                    if (!plan.of(SyncStep.Action.DELETE).isEmpty()) {
                        context.err().println("ferry: mirror: not every copy succeeded, so nothing was deleted");
                    }
                    throw failed;
                }
            }
            if (run.finish(0).timesUnset() > 0) {
                context.err().println("ferry: mirror: the target cannot set directories' times; they keep the"
                        + " server's");
            }
            context.err().println("ferry: mirror: " + plan.of(SyncStep.Action.COPY).size() + " copied, "
                    + plan.of(SyncStep.Action.UPDATE).size() + " updated, "
                    + plan.of(SyncStep.Action.REPLACE).size() + " replaced, "
                    + plan.of(SyncStep.Action.DELETE).size() + " deleted, "
                    + unchanged[0] + " left as they were");
        } finally {
            for (AutoCloseable c : open) {
                c.close();
            }
        }
    }

    private static Side side(String arg, CommandLine line, CliContext context, List<AutoCloseable> open, Side other)
            throws IOException {
        if (!arg.contains("://") && !arg.startsWith(Endpoint.SITE_PREFIX)) {
            Path dir = Path.of(arg).toAbsolutePath().normalize();
            if (other == null && !Files.isDirectory(dir)) {
                throw new IllegalArgumentException("not a local directory: " + dir);
            }
            LocalBrowser browser = new LocalBrowser();
            open.add(browser);
            return new Side(browser, dir.toString(), Location.local(dir.toString()));
        }
        Endpoint e = Endpoint.parse(arg, line, context);
        SiteRef ref = e.ref(QueueRun.parallel(line));
        if (other != null && !other.location().isLocal() && other.location().site().id().equals(ref.id())) {
            ref = new SiteRef(ref.id() + "#target", ref.name(), ref.endpoint(), ref.maxConnections(),
                    ref.options()); // one server on both sides: each side its own connections
        }
        RemoteBrowser browser = new RemoteBrowser(e.label(), ref.endpoint().url(), () -> open(e, line, context));
        open.add(browser);
        String root = e.path().isEmpty() ? browser.home() : RemotePaths.normalize(e.path());
        return new Side(browser, root, Location.remote(ref, root));
    }

    private static List<String> values(CommandLine line, String option) {
        String[] v = line.getOptionValues(option);
        return v == null ? List.of() : Arrays.asList(v);
    }

    private static long minutes(CommandLine line) {
        String v = line.getOptionValue("time-offset", "0");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--time-offset takes whole minutes (e.g. -60), got " + v);
        }
    }
}
