package org.ferryftp.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.FtpException;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.QueueTotals;
import org.ferryftp.transfer.SessionFactory;
import org.ferryftp.transfer.SiteToSite;
import org.ferryftp.transfer.TransferQueue;
import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Runs {@code get}, {@code put} and {@code fxp} through the same transfer queue the window uses, with a
 * progress line on a terminal. Fails (exit 1) if any file failed; ends with {@link ExistingTargets.Skipped}
 * (exit 3) when files were skipped because their target exists and no {@code --on-conflict} was given.
 */
final class QueueRun {

    private QueueRun() {
    }

    static Options addTo(Options o) {
        o.addOption(Option.builder("r").longOpt("recursive").desc("copy a directory tree through the transfer queue").get());
        o.addOption(Option.builder().longOpt("parallel").hasArg().argName("N")
                .desc("transfers at once with -r (1.." + QueueSettings.MAX_CONCURRENCY + ", default 2)").get());
        o.addOption(Option.builder().longOpt("on-conflict").hasArg().argName("CHOICE")
                .desc("when the target exists: overwrite, newer, size, resume, rename or skip; without it"
                        + " existing targets are skipped and the exit code is 3").get());
        o.addOption(Option.builder().longOpt("limit-rate").hasArg().argName("RATE")
                .desc("cap the transfer speed, in bytes per second as curl takes it: 500K, 2M, 1G (K = 1024)").get());
        return o;
    }

    /** {@code --limit-rate} in bytes per second (0 without the option), curl's syntax: a number, then K, M or G. */
    static long limitRate(CommandLine line) {
        String v = line.getOptionValue("limit-rate");
        return v == null ? 0 : parseRate(v);
    }

    static long parseRate(String text) {
        String v = text.strip();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)([kKmMgG]?)[bB]?").matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException("--limit-rate takes bytes per second like 500K or 2M, got " + text);
        }
        long unit = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 1024L;
            case "M" -> 1024L * 1024;
            case "G" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        double rate = Double.parseDouble(m.group(1)) * unit;
        if (rate < 1 || rate > Long.MAX_VALUE / 2) {
            throw new IllegalArgumentException("--limit-rate must be at least 1 byte per second, got " + text);
        }
        return (long) rate;
    }

    static ConflictChoice conflictChoice(CommandLine line) {
        if (line.hasOption("resume")) {
            return ConflictChoice.RESUME;
        }
        String v = line.getOptionValue("on-conflict", "skip").toLowerCase(Locale.ROOT);
        return switch (v) {
            case "skip" -> ConflictChoice.SKIP;
            case "overwrite" -> ConflictChoice.OVERWRITE;
            case "newer" -> ConflictChoice.OVERWRITE_IF_NEWER;
            case "size" -> ConflictChoice.OVERWRITE_IF_SIZE_DIFFERS;
            case "resume" -> ConflictChoice.RESUME;
            case "rename" -> ConflictChoice.RENAME;
            default -> throw new IllegalArgumentException("--on-conflict takes skip, overwrite, newer, size, resume or rename");
        };
    }

    /** {@code --parallel} alone, for commands that copy through the queue without -r and --on-conflict. */
    static Options addParallel(Options o) {
        return o.addOption(Option.builder().longOpt("parallel").hasArg().argName("N")
                .desc("transfers at once (1.." + QueueSettings.MAX_CONCURRENCY + ", default 2)").get());
    }

    static int parallel(CommandLine line) {
        if (line.hasOption("limit-rate")) {
            limitRate(line); // every command asks for --parallel before it connects: a bad rate is usage, at once
        }
        String v = line.getOptionValue("parallel", "2");
        try {
            int n = Integer.parseInt(v);
            if (n < 1 || n > QueueSettings.MAX_CONCURRENCY) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--parallel takes 1.." + QueueSettings.MAX_CONCURRENCY + ", got " + v);
        }
    }

    static void run(TransferRequest request, SiteRef site, CommandLine line, CliContext context,
                    org.ferryftp.transfer.RelayPolicy relay) throws Exception {
        run(request, site, line, context, relay, null);
    }

    /**
     * Submits the request, waits for the queue, prints failures; throws when anything failed or targets were
     * skipped unasked. {@code loggedIn}, a session of {@code site} the command already opened (or null), is the
     * queue's first session there, so checking the paths first costs no second login; it is closed in the end.
     */
    static void run(TransferRequest request, SiteRef site, CommandLine line, CliContext context,
                    org.ferryftp.transfer.RelayPolicy relay, RemoteSession loggedIn) throws Exception {
        run(List.of(request), site, line, context, relay, loggedIn, null);
    }

    /**
     * As {@link #run(TransferRequest, SiteRef, CommandLine, CliContext, org.ferryftp.transfer.RelayPolicy,
     * RemoteSession)} for several requests; {@code conflicts}, when not null, decides about existing targets instead of
     * the command line's {@code --on-conflict}.
     */
    static void run(List<TransferRequest> requests, SiteRef site, CommandLine line, CliContext context,
                    org.ferryftp.transfer.RelayPolicy relay, RemoteSession loggedIn, ConflictPolicy conflicts)
            throws Exception {
        java.util.concurrent.atomic.AtomicReference<RemoteSession> adopted =
                new java.util.concurrent.atomic.AtomicReference<>(loggedIn);
        try {
            runQueue(requests, line, context, relay, conflicts, s -> {
                RemoteSession first = s.id().equals(site.id()) ? adopted.getAndSet(null) : null;
                return first != null && first.isConnected() ? first : null;
            });
        } finally {
            RemoteSession unused = adopted.getAndSet(null);
            if (unused != null) {
                unused.close();
            }
        }
    }

    private static void runQueue(List<TransferRequest> requests, CommandLine line, CliContext context,
                                 org.ferryftp.transfer.RelayPolicy relay, ConflictPolicy fixed, SessionFactory adopted)
            throws Exception {
        int parallel = parallel(line);
        QueueSettings settings = QueueSettings.DEFAULT.withConcurrency(parallel).withMaxAttempts(3)
                .withDurableFiles(line.hasOption("fsync")).withRelay(relay);
        SessionFactory opening = SessionCommand.sessions(line, context);
        SessionFactory sessions = s -> {
            RemoteSession ready = adopted.open(s);
            return ready != null ? ready : opening.open(s);
        };
        boolean terminal = System.console() != null || line.hasOption("progress");
        SiteToSite siteToSite = SiteToSite.DEFAULTS.withAsker(new ConsoleRelayAsker(System::console, context.err()));
        ExistingTargets existing = new ExistingTargets();
        boolean chosen = line.hasOption("on-conflict") || line.hasOption("resume");
        ConflictPolicy conflicts = fixed != null ? fixed
                : chosen ? ConflictPolicy.fixed(conflictChoice(line)) : ConflictPolicy.asking(existing);
        long rate = limitRate(line);
        try (TransferQueue queue = TransferQueue.create(settings, sessions, conflicts, siteToSite)) {
            // One cap for everything the command moves, relayed copies included (FXP bytes never pass here).
            queue.setBandwidthLimit(rate);
            queue.submit(requests);
            while (!queue.awaitIdle(Duration.ofMillis(200))) {
                if (terminal) {
                    context.err().print("\r" + progressLine(queue.totals()));
                }
            }
            if (terminal) {
                context.err().println("\r" + progressLine(queue.totals()));
            }
            report(queue.snapshot(), existing, context);
        }
    }

    private static void report(List<ItemSnapshot> items, ExistingTargets existing, CliContext context)
            throws Exception {
        List<ItemSnapshot> files = items.stream().filter(i -> !i.directory()).toList();
        // Notes first (e.g. a partial file that was started over): they explain what follows.
        items.stream().filter(i -> i.note() != null).forEach(i -> context.err().println("ferry: " + i.note()));
        if (items.size() == 1 && items.get(0).state() instanceof ItemState.Failed f) {
            // One file: its reason is the whole story, on one line.
            throw new FtpException(f.reason());
        }
        long failed = 0;
        for (ItemSnapshot i : items) {
            if (i.state() instanceof ItemState.Failed f) {
                failed++;
                context.err().println("ferry: failed: " + i.source().path() + ": " + f.reason());
            } else if (i.state() instanceof ItemState.Skipped s && !i.directory()
                    && !existing.skippedFrom(i.source().path())) {
                context.err().println("ferry: skipped: " + i.source().path() + ": " + s.reason());
            }
        }
        String skipped = existing.summary();
        if (failed > 0) {
            if (skipped != null) {
                context.err().println("ferry: " + skipped);
            }
            throw new FtpException(failed + " of " + files.size() + " files failed");
        }
        if (skipped != null) {
            throw new ExistingTargets.Skipped(skipped);
        }
    }

    static String progressLine(QueueTotals t) {
        String pct = t.bytesKnownTotal() > 0 ? String.format("%3d%%", t.bytesDone() * 100 / t.bytesKnownTotal()) : "   ";
        return String.format("%s %s of %s, %s/s, %d done, %d running, %d waiting, %d failed   ", pct,
                human(t.bytesDone()), human(t.bytesKnownTotal()), human((long) t.bytesPerSecond()), t.done(),
                t.running(), t.waiting(), t.failed());
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format("%.1f %s", v, units[u]);
    }
}
