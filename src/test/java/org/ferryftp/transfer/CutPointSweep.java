package org.ferryftp.transfer;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ftp.Timeouts;
import org.ferryftp.testsupport.Fault;
import org.ferryftp.testsupport.FaultProxy;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The seeded cut-point sweep of issue 13: one file copied through Ferry's real {@link TransferQueue}
 * (3 attempts and skip-on-conflict, as the CLI runs it) while a {@link FaultProxy} cuts or stalls a
 * control or data connection at a seeded point. Every run must end either with the item done and the
 * file byte-identical under its final name, or with the item failed and at most the partial
 * {@code NAME.ferry-part} left; anything else is a violation.
 *
 * <p>The cut points are drawn from the byte counts of one clean calibration run, so (nearly) every
 * seed's fault fires during the first attempt. A seed decides the fault completely, so one run can be
 * replayed with {@code -Dferry.sweep.seed=N}.
 */
public final class CutPointSweep {

    /** What is copied: a download, an upload, a direct site-to-site copy, or one relayed through Ferry. */
    public enum Case { DOWNLOAD, UPLOAD, FXP, RELAY }

    /** An FTP server whose files this JVM can also read on disk. */
    public record Server(String host, int port, String user, String password, Path root) {

        InetSocketAddress address() {
            return new InetSocketAddress(host, port);
        }
    }

    /** One run's result; {@code violations} is empty when it ended one of the two allowed ways. */
    public record Run(Case kind, long seed, String faultAt, Fault fault, boolean fired, ItemState state,
                      int attempts, List<String> violations) {

        public boolean done() {
            return state instanceof ItemState.Done;
        }

        public String describe() {
            return kind.name().toLowerCase() + " seed " + seed + ": " + fault + " on " + faultAt
                    + (fired ? "" : " (did not fire)") + " -> " + state + " after " + attempts + " attempt(s)"
                    + (violations.isEmpty() ? "" : ": " + String.join("; ", violations));
        }
    }

    /** The runs of one case and how long they took. */
    public record Summary(Case kind, List<Run> runs, double seconds) {

        public List<Run> violations() {
            return runs.stream().filter(r -> !r.violations().isEmpty()).toList();
        }

        public String line() {
            long ok = runs.stream().filter(Run::done).count();
            long fired = runs.stream().filter(Run::fired).count();
            return String.format("cut-point sweep %-8s %3d runs (%d faults fired): %3d done, %3d failed or skipped, "
                            + "%3d violations, %.1f s", kind.name().toLowerCase(), runs.size(), fired, ok,
                    runs.size() - ok, violations().size(), seconds);
        }

        /** One line over several cases: cases, runs, successes, failures, violations, seconds. */
        public static String total(List<Summary> cases) {
            List<Run> all = cases.stream().flatMap(c -> c.runs().stream()).toList();
            long ok = all.stream().filter(Run::done).count();
            long bad = all.stream().filter(r -> !r.violations().isEmpty()).count();
            return String.format("cut-point sweep total: %d cases, %d runs: %d done, %d failed or skipped, "
                    + "%d violations, %.1f s", cases.size(), all.size(), ok, all.size() - ok, bad,
                    cases.stream().mapToDouble(Summary::seconds).sum());
        }

        /** The summary line, then one line per violating run with how to replay it. */
        public String report(String replay) {
            StringBuilder b = new StringBuilder(line());
            for (Run r : violations()) {
                b.append("\n  VIOLATION ").append(r.describe()).append("\n    replay: ").append(replay)
                        .append(" -Dferry.sweep.seed=").append(r.seed());
            }
            return b.toString();
        }
    }

    /** A few MiB: large enough for cuts deep inside a data connection, small enough for 200 runs in about a minute. */
    public static final int FILE_SIZE = 3 * 1024 * 1024;
    /** Short enough that a stalled run ends quickly, long enough for a busy 2-core machine. */
    public static final Timeouts TIMEOUTS = Timeouts.ofSeconds(5, 3, 3);
    /** Each stall costs a timeout, so few runs stall; the rest cut, half with FIN and half with RST. */
    public static final double STALL_SHARE = 0.06;

    private static final String NAME = "data.bin";

    private final Case kind;
    private final Server source;
    private final Server target;
    private final Path local;
    private final String work;
    private final byte[] content;
    private final Timeouts timeouts;
    private final double stallShare;

    /** A sweep with the default file size, timeouts and share of stalls. */
    public CutPointSweep(Case kind, Server first, Server second, Path local, String work) {
        this(kind, first, second, local, work, FILE_SIZE, TIMEOUTS, STALL_SHARE);
    }

    /**
     * @param kind       what is copied
     * @param first      the server of a download or upload, the source of FXP and relay
     * @param second     the target of FXP and relay (ignored otherwise)
     * @param local      a local scratch directory
     * @param work       a directory name of this sweep's own under each server's root
     * @param fileSize   bytes in the copied file
     * @param timeouts   the sessions' timeouts (a stall lasts until one of them expires)
     * @param stallShare the share of runs that stall rather than cut (0..1)
     */
    public CutPointSweep(Case kind, Server first, Server second, Path local, String work, int fileSize,
                         Timeouts timeouts, double stallShare) {
        this.kind = kind;
        this.source = kind == Case.UPLOAD ? null : first;
        this.target = switch (kind) {
            case DOWNLOAD -> null;
            case UPLOAD -> first;
            case FXP, RELAY -> second;
        };
        this.local = local;
        this.work = work;
        this.timeouts = timeouts;
        this.stallShare = stallShare;
        this.content = new byte[fileSize];
        new Random(kind.ordinal()).nextBytes(content);
    }

    /** The seeds to run: {@code ferry.sweep.seed} alone if set, else {@code points} seeds from {@code base}. */
    public static long[] seeds(long base, int points) {
        String one = System.getProperty("ferry.sweep.seed");
        if (one != null && !one.isBlank()) {
            return new long[] {Long.parseLong(one.strip())};
        }
        int n = Integer.getInteger("ferry.sweep.points", points);
        long from = Long.getLong("ferry.sweep.base", base);
        long[] seeds = new long[n];
        Arrays.setAll(seeds, i -> from + i);
        return seeds;
    }

    /** Runs a clean calibration, then one run per seed; cleans up what it created on the servers. */
    public Summary sweep(long[] seeds) throws Exception {
        long started = System.nanoTime();
        prepareSource();
        try {
            Calibration calibration = calibrate();
            List<Run> runs = new ArrayList<>();
            for (long seed : seeds) {
                runs.add(run(seed, calibration));
            }
            return new Summary(kind, runs, (System.nanoTime() - started) / 1e9);
        } finally {
            deleteTree(workDir(source));
            deleteTree(workDir(target));
        }
    }

    private void prepareSource() throws Exception {
        if (source == null) {
            Files.createDirectories(local.resolve("src"));
            Files.write(local.resolve("src").resolve(NAME), content);
        } else {
            makeRemoteDirectory(source, work);
            makeRemoteDirectory(source, work + "/src");
            Files.write(source.root().resolve(work).resolve("src").resolve(NAME), content);
        }
        if (target != null && (source == null || !target.root().equals(source.root()))) {
            makeRemoteDirectory(target, work);
        }
    }

    /** Bytes the clean run's busiest connection carried per proxy, channel and direction. */
    private record Calibration(List<List<FaultProxy.ConnectionStats>> perProxy) {

        long bytes(int proxy, Fault.Channel channel, Fault.Direction direction) {
            return perProxy.get(proxy).stream().filter(c -> c.channel() == channel)
                    .mapToLong(c -> direction == Fault.Direction.TO_SERVER ? c.toServer() : c.toClient())
                    .max().orElse(0);
        }
    }

    private Calibration calibrate() throws Exception {
        List<FaultProxy> proxies = proxies(-1, Fault.NONE, true);
        Run clean;
        try {
            // A run directory's name is part of the control bytes: "run-c" is as long as most seeds' "run-N".
            clean = copy("run-c", 0, "nothing", Fault.NONE, proxies);
        } finally {
            proxies.forEach(FaultProxy::close);
        }
        if (!clean.done() || !clean.violations().isEmpty()) {
            throw new AssertionError("the clean calibration run of the " + kind + " sweep failed: " + clean.describe());
        }
        return new Calibration(proxies.stream().map(FaultProxy::connections).toList());
    }

    /** The fault a seed stands for: where, what, and after how many of the calibrated bytes. */
    private Run run(long seed, Calibration calibration) throws Exception {
        // SplittableRandom mixes its seed: java.util.Random's first draws of neighbouring seeds are alike.
        SplittableRandom r = new SplittableRandom(seed * 31 + kind.ordinal());
        int proxy = servers().size() == 1 ? 0 : r.nextInt(2);
        Fault.Channel channel = r.nextBoolean() ? Fault.Channel.DATA : Fault.Channel.CONTROL;
        if (kind == Case.FXP && channel == Fault.Channel.DATA) {
            proxy = 1; // FXP data passes only the listening server's proxy: the target's, which listens first
        }
        Fault.Direction direction;
        if (channel == Fault.Channel.DATA) {
            // The file's own direction at this server: towards the client from a source, towards the server at a target.
            direction = servers().get(proxy) == source ? Fault.Direction.TO_CLIENT : Fault.Direction.TO_SERVER;
        } else {
            direction = r.nextBoolean() ? Fault.Direction.TO_SERVER : Fault.Direction.TO_CLIENT;
        }
        long bytes = (long) (r.nextDouble() * calibration.bytes(proxy, channel, direction));
        double action = r.nextDouble();
        Fault fault = action < stallShare ? Fault.stall(channel, direction, bytes)
                : Fault.cut(channel, direction, bytes, action < stallShare + (1 - stallShare) / 2);
        // FXP data goes server to server directly, unless the fault is on it: then via the target's proxy.
        List<FaultProxy> proxies = proxies(proxy, fault, kind != Case.FXP || channel == Fault.Channel.DATA);
        try {
            return copy("run-" + seed, seed, servers().get(proxy) == source ? "the source" : "the target", fault, proxies);
        } finally {
            proxies.forEach(FaultProxy::close);
        }
    }

    /** The servers the sweep talks to, source first. */
    private List<Server> servers() {
        return Stream.of(source, target).filter(s -> s != null).toList();
    }

    /**
     * One proxy per server; the one at {@code faulty} injects {@code fault}. With {@code carryData} they
     * also carry passive data connections (for FXP: between the two servers), else only control.
     */
    private List<FaultProxy> proxies(int faulty, Fault fault, boolean carryData) {
        List<FaultProxy> proxies = new ArrayList<>();
        List<Server> servers = servers();
        for (int i = 0; i < servers.size(); i++) {
            Fault f = i == faulty ? fault : Fault.NONE;
            proxies.add(carryData ? FaultProxy.forwarding(servers.get(i).address(), f)
                    : FaultProxy.controlOnly(servers.get(i).address(), f));
        }
        return proxies;
    }

    private Run copy(String runDir, long seed, String faultAt, Fault fault, List<FaultProxy> proxies)
            throws Exception {
        List<Server> servers = servers();
        List<SiteRef> sites = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            Server s = servers.get(i);
            sites.add(new SiteRef("site" + i, "server " + i, SessionSettings.of(proxies.get(i).host(),
                    proxies.get(i).port(), Credentials.of(s.user(), s.password())).withTimeouts(timeouts), 2));
        }
        Location from;
        Location to;
        Path landed;
        if (kind == Case.DOWNLOAD) {
            from = Location.remote(sites.get(0), work + "/src/" + NAME);
            landed = Files.createDirectories(local.resolve(runDir));
            to = Location.local(landed.toString());
        } else {
            from = kind == Case.UPLOAD ? Location.local(local.resolve("src").resolve(NAME).toString())
                    : Location.remote(sites.get(0), work + "/src/" + NAME);
            makeRemoteDirectory(target, work + "/" + runDir);
            landed = target.root().resolve(work).resolve(runDir);
            to = Location.remote(sites.get(sites.size() - 1), work + "/" + runDir);
        }
        ItemSnapshot item;
        boolean idle;
        try (TransferQueue queue = queue(seed)) {
            queue.submit(List.of(new TransferRequest(from, false, to, Priority.NORMAL)));
            idle = queue.awaitIdle(Duration.ofSeconds(120));
            item = queue.snapshot().get(0);
        }
        boolean fired = proxies.stream().anyMatch(FaultProxy::fired);
        List<String> violations = idle ? CutPointVerdict.violations(item.state(), landed, NAME, content)
                : List.of("HUNG: the queue did not finish in 120 s");
        deleteTree(landed);
        return new Run(kind, seed, faultAt, fault, fired, item.state(), item.attempts(), violations);
    }

    /** As the CLI runs the queue (3 attempts, skip existing targets), with short retry delays. */
    private TransferQueue queue(long seed) {
        QueueSettings settings = QueueSettings.DEFAULT.withMaxAttempts(3)
                .withRelay(kind == Case.RELAY ? RelayPolicy.ALWAYS : RelayPolicy.NEVER);
        RetryPolicy retry = new RetryPolicy(settings.maxAttempts(), Duration.ofMillis(20), Duration.ofMillis(100), 0,
                new Random(seed));
        SessionFactory sessions = s -> {
            FtpSession session = new FtpSession(s.settings(), LogListener.NONE);
            session.connect();
            return session;
        };
        return TransferQueue.create(settings, sessions, ConflictPolicy.fixed(ConflictChoice.SKIP), retry,
                SiteToSite.DEFAULTS);
    }

    private String workDir(Server s) {
        return s == null ? null : s.root().resolve(work).toString();
    }

    /** Over FTP rather than on disk, so that the server's own user may write there. */
    private static void makeRemoteDirectory(Server s, String path) throws Exception {
        try (FtpSession session = new FtpSession(SessionSettings.of(s.host(), s.port(),
                Credentials.of(s.user(), s.password())), LogListener.NONE)) {
            session.connect();
            session.makeDirectory(path);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(String dir) {
        if (dir != null) {
            deleteTree(Path.of(dir));
        }
    }
}
