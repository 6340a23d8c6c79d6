package org.ferryftp.bench;

import org.ferryftp.fs.FileBrowser;
import org.ferryftp.fs.LocalBrowser;
import org.ferryftp.fs.Location;
import org.ferryftp.fs.RemoteBrowser;
import org.ferryftp.fs.SiteEndpoint;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.sftp.HostKeyPolicy;
import org.ferryftp.sftp.KnownHosts;
import org.ferryftp.sftp.SftpSettings;
import org.ferryftp.sftp.SharedSshClient;
import org.ferryftp.sftp.SshAuth;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.ProgressThrottle;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.SessionFactory;
import org.ferryftp.transfer.SiteToSite;
import org.ferryftp.transfer.StandardSessions;
import org.ferryftp.transfer.TransferQueue;
import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.ferryftp.transfer.journal.QueueJournal;
import org.ferryftp.transfer.sync.SyncPlan;
import org.ferryftp.transfer.sync.SyncPlanner;
import org.ferryftp.transfer.sync.SyncRules;
import org.ferryftp.transfer.sync.SyncStep;
import org.ferryftp.ui.queue.QueueViewModel;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;

/**
 * {@code .ci/bench.sh app}: the window's transfer queue in a running app against lftp and curl. One JVM drives
 * the queue the window builds (TransferQueue with its pools, its journal, and the queue's view model), warmed up
 * first on other files; each timed run starts a fresh queue, so no session is open beforehand, and is timed from
 * submit to the last item done. The peer's time is its whole process. Runs of the two alternate, so drift in the
 * machine's load hits both alike; medians are compared. Prints {@code seconds NAME-ferry X},
 * {@code seconds NAME-PEER X} and {@code ratio NAME X} (Ferry / peer) lines, and on stderr each run's figures with
 * the CPU the JIT compilers took meanwhile. Each case then first runs untimed until the compilers are quiet in a
 * run, so that its paths are compiled before the timed runs, as in an app that has moved files before; those runs'
 * figures are printed too.
 * {@code BENCH_FERRY_ONLY=1} skips the peer and prints Ferry's CPU seconds per run instead (for profiling).
 *
 * <p>Needs the CI's vsftpd ({@code /tmp/ferry-vsftpd/env}) and its bench data ({@code .ci/vsftpd.sh bench-data}).
 * Arguments: runs, then the cases (default all): app-small-get app-small-put app-fxp app-1g; app-sftp-get (64 MiB
 * from the CI's OpenSSH, {@code /tmp/ferry-sshd/env}, against curl's SFTP); and the mirror's
 * (issue 21) app-mirror-same, app-mirror-100, app-mirror-R-same, app-mirror-R-100: 10,000 files already in step,
 * or with 100 of them changed at the target (their size), down (mirror) and up (mirror -R), against lftp's mirror.
 */
public final class AppBench {

    /**
     * Each case first runs untimed until the JIT compilers are quiet: until a run in which they took at most a
     * tenth of its wall time in CPU, or {@link #QUIET_JIT_SECONDS} (their background work in a sub-second run). A
     * timed run that shares the machine's two cores with the compilers measures the compilers, not the queue an
     * app that has moved files before runs: after one untimed 10,000-file upload they still took 4.1-4.5 s of CPU
     * in the next one, and after three 32 MiB SFTP warm-ups 0.2-0.6 s in each of the next six 64 MiB downloads
     * (2026-12-07). Bounded, so a case whose compilers never settle is still measured.
     */
    private static final double QUIET_JIT_SHARE = 0.1;
    private static final double QUIET_JIT_SECONDS = 0.05;

    /** At most this many untimed runs of a 10,000-file case (each takes seconds), of any other case ten. */
    private static final int MAX_WARM_RUNS_SMALL = 3;
    private static final int MAX_WARM_RUNS = 10;

    /** {@code BENCH_FERRY_ONLY=1}: no peer runs; prints Ferry's times and its CPU seconds per case instead. */
    private static final boolean FERRY_ONLY = System.getenv("BENCH_FERRY_ONLY") != null;

    /** The server-to-server warm-up's file (4 MiB, {@code .ci/vsftpd.sh bench-data}), beside the measured one. */
    private static final String FXP_WARM = "bench-app-fxp-warm.bin";

    private final Map<String, String> env = System.getenv();
    private final Path work;
    private final Path disk;
    private final String user = need("FERRY_VSFTPD_USER");
    private final String password = need("FERRY_VSFTPD_PASSWORD");
    private final Path plainRoot = Path.of(need("FERRY_VSFTPD_ROOT"));
    private final Path fxpBRoot = Path.of(need("FERRY_VSFTPD_FXP_B_ROOT"));
    private final Path fxpARoot = Path.of(need("FERRY_VSFTPD_FXP_A_ROOT"));
    private final SiteRef plain = site("plain", need("FERRY_VSFTPD_HOST") + ":" + need("FERRY_VSFTPD_PORT"), 4);
    private final SiteRef fxpA = site("fxp-a", need("FERRY_VSFTPD_FXP_A"), 2);
    private final SiteRef fxpB = site("fxp-b", need("FERRY_VSFTPD_FXP_B"), 2);
    /** The window's session factory, with one SSH client for the app's SFTP sessions as the window has. */
    private final SharedSshClient ssh = new SharedSshClient();
    private final SessionFactory sessions = new StandardSessions(LogListener.NONE, ssh);
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-ui-timer");
        t.setDaemon(true);
        return t;
    });

    private AppBench(Path work, Path disk) {
        this.work = work;
        this.disk = disk;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> cases = args.length > 1 ? Arrays.asList(args).subList(1, args.length)
                : List.of("app-small-get", "app-small-put", "app-fxp", "app-1g", "app-sftp-get", "app-mirror-same",
                "app-mirror-100", "app-mirror-R-same", "app-mirror-R-100");
        Path work = Files.createTempDirectory(Path.of("/dev/shm"), "ferry-appbench");
        Path disk = Files.createTempDirectory(Path.of("/var/tmp"), "ferry-appbench");
        try {
            AppBench bench = new AppBench(work, disk);
            bench.warmUp(cases.contains("app-sftp-get"), cases.contains("app-fxp"));
            for (String c : cases) {
                bench.measure(c, runs);
            }
        } finally {
            deleteTree(work);
            deleteTree(disk);
        }
        System.exit(0);
    }

    /**
     * The JIT's warm-up: the same kinds of work on other files (SFTP's cipher, and server-to-server copies, too
     * when they are measured).
     */
    private void warmUp(boolean sftp, boolean fxp) throws Exception {
        for (int i = 0; fxp && i < 3; i++) {
            Files.deleteIfExists(fxpBRoot.resolve(FXP_WARM));
            runQueue(new TransferRequest(Location.remote(fxpA, "/" + FXP_WARM), false, Location.remote(fxpB, "/"),
                    Priority.NORMAL), 1);
            expectSame(fxpARoot.resolve(FXP_WARM), fxpBRoot.resolve(FXP_WARM));
        }
        Files.deleteIfExists(fxpBRoot.resolve(FXP_WARM));
        for (int i = 0; sftp && i < 3; i++) {
            Path into = fresh(work.resolve("warm-sftp"));
            runQueue(new TransferRequest(Location.remote(sftp(), need("FERRY_SSHD_HOME") + "/bench-sftp-warm.bin"),
                    false, Location.local(into.toString()), Priority.NORMAL), 1);
        }
        for (int i = 0; i < 2; i++) {
            Path into = fresh(work.resolve("warm-get"));
            runQueue(new TransferRequest(Location.remote(plain, "/bench-app/warm"), true,
                    Location.local(into.toString()), Priority.NORMAL), 4);
            deleteTree(plainRoot.resolve("bench-app/warm-up"));
            runQueue(new TransferRequest(Location.local(into.resolve("warm").toString()), true,
                    Location.remote(plain, "/bench-app/warm-up"), Priority.NORMAL), 4);
        }
        deleteTree(plainRoot.resolve("bench-app/warm-up"));
    }

    private void measure(String name, int runs) throws Exception {
        List<Double> ferry = new ArrayList<>();
        List<Double> peer = new ArrayList<>();
        String peerName = peerName(name);
        warmUntilQuiet(name);
        if (FERRY_ONLY) {
            measureFerryOnly(name, runs);
            return;
        }
        for (int i = 0; i < runs; i++) {
            long jitBefore = jvmThreadTicks().getOrDefault("jit", 0L);
            ferry.add(ferryRun(name));
            double jit = (jvmThreadTicks().getOrDefault("jit", 0L) - jitBefore) / 100.0;
            peer.add(peerRun(name));
            System.err.printf("%s run %d: ferry %.3f s (JIT %.2f s CPU meanwhile), %s %.3f s%n", name, i + 1,
                    ferry.get(i), jit, peerName, peer.get(i));
        }
        double f = median(ferry);
        double p = median(peer);
        System.out.printf("seconds %s-ferry %.3f%n", name, f);
        System.out.printf("seconds %s-%s %.3f%n", name, peerName, p);
        System.out.printf("ratio %s %.3f%n", name, f / p);
        System.out.flush();
    }

    /**
     * Runs {@code name} untimed until the JIT compilers are quiet in a run ({@link #QUIET_JIT_SHARE}); the last of
     * those runs is followed by the peer's, so that the first timed run comes after the peer's as every later one
     * does. Runs of one tool back to back slow each other: lftp's upload of the 10,000 files took 9.2 s, then
     * 12.7 s and 13.5 s straight after its own earlier runs (2026-12-07, each leaving 10,000 data connections in
     * TIME_WAIT for a minute), and Ferry's first timed upload straight after its untimed ones took 12.1-12.5 s
     * where the later ones, each after the peer's, took 6-8 s.
     */
    private void warmUntilQuiet(String name) throws Exception {
        int max = name.startsWith("app-small-") ? MAX_WARM_RUNS_SMALL : MAX_WARM_RUNS;
        for (int i = 1; i <= max; i++) {
            long jitBefore = jvmThreadTicks().getOrDefault("jit", 0L);
            double s = ferryRun(name);
            double jit = (jvmThreadTicks().getOrDefault("jit", 0L) - jitBefore) / 100.0;
            boolean quiet = jit <= Math.max(QUIET_JIT_SECONDS, QUIET_JIT_SHARE * s);
            String peer = FERRY_ONLY || !(quiet || i == max) ? ""
                    : String.format(", then %s %.3f s", peerName(name), peerRun(name));
            System.err.printf("%s warm-up run %d: ferry %.3f s (JIT %.2f s CPU meanwhile)%s%n", name, i, s, jit,
                    peer);
            if (quiet) {
                return;
            }
        }
        System.err.printf("%s: the JIT was still busy after %d untimed runs%n", name, max);
    }

    private static String peerName(String name) {
        return name.equals("app-1g") || name.equals("app-sftp-get") ? "curl" : "lftp";
    }

    /**
     * Ferry alone, for profiling: each run's time and the CPU this JVM used in it (all its threads), so a change's
     * client-side cost can be compared without the peer's runs in between.
     */
    private void measureFerryOnly(String name, int runs) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long cpuBefore = os.getProcessCpuTime();
            Map<String, Long> jvmBefore = jvmThreadTicks();
            wall.add(ferryRun(name));
            cpu.add((os.getProcessCpuTime() - cpuBefore) / 1e9);
            Map<String, Long> jvmAfter = jvmThreadTicks();
            StringBuilder jvm = new StringBuilder();
            jvmAfter.forEach((kind, ticks) -> jvm.append(String.format(" %s %.2f", kind,
                    (ticks - jvmBefore.getOrDefault(kind, 0L)) / 100.0)));
            System.err.printf("%s run %d: ferry %.3f s, cpu %.3f s (of which%s)%n", name, i + 1, wall.get(i),
                    cpu.get(i), jvm);
        }
        System.out.printf("seconds %s-ferry %.3f%n", name, median(wall));
        System.out.printf("cpu-seconds %s-ferry %.3f%n", name, median(cpu));
        System.out.flush();
    }

    /** CPU ticks (1/100 s, Linux) of the JVM's own long-lived threads: the JIT compilers and the collector. */
    private static Map<String, Long> jvmThreadTicks() throws IOException {
        Map<String, Long> ticks = new java.util.TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String comm = Files.readString(t.resolve("comm")).trim();
                    String kind = comm.startsWith("C1") || comm.startsWith("C2") ? "jit"
                            : comm.startsWith("GC") || comm.startsWith("G1") ? "gc" : null;
                    if (kind != null) {
                        String stat = Files.readString(t.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks.merge(kind, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                    }
                } catch (IOException | RuntimeException gone) {
                    // The thread ended meanwhile.
                }
            }
        }
        return ticks;
    }

    private double ferryRun(String name) throws Exception {
        switch (name) {
            case "app-small-get" -> {
                Path into = fresh(work.resolve("get"));
                double s = runQueue(new TransferRequest(Location.remote(plain, "/bench-app/small"), true,
                        Location.local(into.toString()), Priority.NORMAL), 4);
                expectFiles(into.resolve("small"), 10_000, 4096);
                return s;
            }
            case "app-small-put" -> {
                Path source = smallSource();
                deleteTree(plainRoot.resolve("bench-app/up"));
                double s = runQueue(new TransferRequest(Location.local(source.toString()), true,
                        Location.remote(plain, "/bench-app/up"), Priority.NORMAL), 4);
                expectFiles(plainRoot.resolve("bench-app/up/small"), 10_000, 4096);
                return s;
            }
            case "app-fxp" -> {
                Files.deleteIfExists(fxpBRoot.resolve("bench-app-fxp.bin"));
                double s = runQueue(new TransferRequest(Location.remote(fxpA, "/bench-app-fxp.bin"), false,
                        Location.remote(fxpB, "/"), Priority.NORMAL), 1);
                expectSame(fxpARoot.resolve("bench-app-fxp.bin"), fxpBRoot.resolve("bench-app-fxp.bin"));
                return s;
            }
            case "app-1g" -> {
                Path into = fresh(disk.resolve("1g"));
                double s = runQueue(new TransferRequest(Location.remote(plain, "/bench-app/big.bin"), false,
                        Location.local(into.toString()), Priority.NORMAL), 1);
                expectSame(plainRoot.resolve("bench-app/big.bin"), into.resolve("big.bin"));
                return s;
            }
            case "app-sftp-get" -> {
                Path into = fresh(work.resolve("sftp"));
                double s = runQueue(new TransferRequest(Location.remote(sftp(), need("FERRY_SSHD_HOME")
                        + "/bench-sftp.bin"), false, Location.local(into.toString()), Priority.NORMAL), 1);
                expectSame(Path.of(need("FERRY_SSHD_ROOT"), "bench-sftp.bin"), into.resolve("bench-sftp.bin"));
                return s;
            }
            case "app-mirror-same", "app-mirror-100" -> {
                Path into = work.resolve("mirror-ferry");
                if (!Files.isDirectory(into)) {
                    mirror(Location.remote(plain, "/bench-app/small"), Location.local(into.toString()));
                }
                if (name.endsWith("100")) {
                    changeHundred(into);
                }
                double s = mirror(Location.remote(plain, "/bench-app/small"), Location.local(into.toString()));
                expectFiles(into, 10_000, 4096);
                return s;
            }
            case "app-mirror-R-same", "app-mirror-R-100" -> {
                Path source = smallSource();
                Path remote = plainRoot.resolve("bench-app/mirror-up-ferry");
                if (!Files.isDirectory(remote)) {
                    mirror(Location.local(source.toString()), Location.remote(plain, "/bench-app/mirror-up-ferry"));
                }
                if (name.endsWith("100")) {
                    changeHundred(remote);
                }
                double s = mirror(Location.local(source.toString()), Location.remote(plain, "/bench-app/mirror-up-ferry"));
                expectFiles(remote, 10_000, 4096);
                return s;
            }
            default -> throw new IllegalArgumentException("no such case: " + name);
        }
    }

    private double peerRun(String name) throws Exception {
        String host = need("FERRY_VSFTPD_HOST");
        String port = need("FERRY_VSFTPD_PORT");
        List<String> lftp = List.of("lftp", "-u", user + "," + password, "-p", port, "-e");
        switch (name) {
            case "app-small-get" -> {
                Path into = fresh(work.resolve("get-peer"));
                double s = timeProcess(concat(lftp, "set cmd:fail-exit yes; mirror --parallel=4 bench-app/small "
                        + into.resolve("small") + "; bye", host));
                expectFiles(into.resolve("small"), 10_000, 4096);
                return s;
            }
            case "app-small-put" -> {
                Path source = smallSource();
                deleteTree(plainRoot.resolve("bench-app/up-peer"));
                double s = timeProcess(concat(lftp, "set cmd:fail-exit yes; mirror -R --parallel=4 " + source
                        + " bench-app/up-peer/small; bye", host));
                expectFiles(plainRoot.resolve("bench-app/up-peer/small"), 10_000, 4096);
                return s;
            }
            case "app-fxp" -> {
                Files.deleteIfExists(fxpBRoot.resolve("bench-app-fxp.bin"));
                String a = "ftp://" + user + ":" + password + "@" + need("FERRY_VSFTPD_FXP_A");
                String b = "ftp://" + user + ":" + password + "@" + need("FERRY_VSFTPD_FXP_B");
                double s = timeProcess(List.of("lftp", "-c", "set ftp:use-fxp yes; get " + a
                        + "/bench-app-fxp.bin -o " + b + "/bench-app-fxp.bin"));
                expectSame(fxpARoot.resolve("bench-app-fxp.bin"), fxpBRoot.resolve("bench-app-fxp.bin"));
                return s;
            }
            case "app-1g" -> {
                Path into = fresh(disk.resolve("1g-peer"));
                double s = timeProcess(List.of("curl", "-sS", "-o", into.resolve("big.bin").toString(),
                        "ftp://" + user + ":" + password + "@" + host + ":" + port + "/bench-app/big.bin"));
                expectSame(plainRoot.resolve("bench-app/big.bin"), into.resolve("big.bin"));
                return s;
            }
            case "app-sftp-get" -> {
                Path into = fresh(work.resolve("sftp-peer"));
                double s = timeProcess(List.of("curl", "-sS", "-k", "-u", need("FERRY_SSHD_USER") + ":"
                        + need("FERRY_SSHD_PASSWORD"), "-o", into.resolve("bench-sftp.bin").toString(),
                        "sftp://" + need("FERRY_SSHD") + need("FERRY_SSHD_HOME") + "/bench-sftp.bin"));
                expectSame(Path.of(need("FERRY_SSHD_ROOT"), "bench-sftp.bin"), into.resolve("bench-sftp.bin"));
                return s;
            }
            case "app-mirror-same", "app-mirror-100" -> {
                Path into = work.resolve("mirror-lftp");
                return lftpMirror(concat(lftp, "set cmd:fail-exit yes; mirror --parallel=4 bench-app/small " + into
                        + "; bye", host), into, name.endsWith("100"));
            }
            case "app-mirror-R-same", "app-mirror-R-100" -> {
                Path remote = plainRoot.resolve("bench-app/mirror-up-lftp");
                return lftpMirror(concat(lftp, "set cmd:fail-exit yes; mirror -R --parallel=4 " + smallSource()
                        + " bench-app/mirror-up-lftp; bye", host), remote, name.endsWith("100"));
            }
            default -> throw new IllegalArgumentException("no such case: " + name);
        }
    }

    /** lftp's mirror into {@code target}, made once untimed; then, with 100 files changed if asked, timed. */
    private static double lftpMirror(List<String> command, Path target, boolean changeHundred) throws Exception {
        if (!Files.isDirectory(target)) {
            timeProcess(command);
        }
        if (changeHundred) {
            changeHundred(target);
        }
        double s = timeProcess(command);
        expectFiles(target, 10_000, 4096);
        return s;
    }

    /**
     * What the window's synchronize does with two folders: the planner compares them through a browser for each
     * side (a remote one on its own connection, as a pane's), then the plan's copies go through a fresh queue.
     * Timed from the first listing to the last item done.
     */
    private double mirror(Location source, Location target) throws Exception {
        long start = System.nanoTime();
        try (FileBrowser from = browser(source); FileBrowser to = browser(target)) {
            List<SyncStep> steps = new ArrayList<>();
            new SyncPlanner(SyncRules.DEFAULT).plan(from, source.path(), to, target.path(), steps::add);
            SyncPlan plan = new SyncPlan(source, target, steps);
            if (plan.changesAnything()) {
                plan.makeDirectories(to, target.path());
            }
            plan.clearReplaced(to, target.path());
            if (!plan.transfers().isEmpty()) {
                submitAndWait(plan.transfers(), 4);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private FileBrowser browser(Location side) throws IOException {
        if (side.isLocal()) {
            return new LocalBrowser();
        }
        SiteRef site = side.site();
        return new RemoteBrowser(site.name(), site.endpoint().url(), () -> sessions.open(site));
    }

    /** Makes 100 of the files in {@code dir} (every hundredth) one byte shorter, so their sizes differ. */
    private static void changeHundred(Path dir) throws IOException {
        List<Path> changed = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.sorted().toList();
            for (int i = 0; i < all.size() && changed.size() < 100; i += 100) {
                try (RandomAccessFile f = new RandomAccessFile(all.get(i).toFile(), "rw")) {
                    f.setLength(f.length() - 1);
                }
                changed.add(all.get(i));
            }
        }
        if (changed.size() != 100) {
            throw new IllegalStateException(dir + ": only " + changed.size() + " files to change");
        }
    }

    /**
     * One run of the window's queue: a new queue (empty pools) with its view model, the request submitted, timed
     * until the queue is idle; every item must have ended done.
     */
    private double runQueue(TransferRequest request, int concurrency) throws Exception {
        long start = System.nanoTime();
        submitAndWait(List.of(request), concurrency);
        return (System.nanoTime() - start) / 1e9;
    }

    private void submitAndWait(List<TransferRequest> requests, int concurrency) throws Exception {
        QueueSettings settings = QueueSettings.DEFAULT.withConcurrency(concurrency);
        try (TransferQueue queue = TransferQueue.create(settings, sessions,
                ConflictPolicy.fixed(ConflictChoice.OVERWRITE), SiteToSite.DEFAULTS)) {
            QueueViewModel view = new QueueViewModel(queue, Runnable::run, Runnable::run,
                    ProgressThrottle.Scheduler.of(timers), System::nanoTime);
            QueueJournal journal = QueueJournal.attach(queue, fresh(work.resolve("config")), id -> Optional.empty());
            try {
                queue.submit(requests);
                if (!queue.awaitIdle(Duration.ofMinutes(10))) {
                    throw new IllegalStateException("the queue did not finish in 10 minutes");
                }
                for (ItemSnapshot item : queue.snapshot()) {
                    if (!(item.state() instanceof ItemState.Done)) {
                        throw new IllegalStateException(item.source().path() + " ended " + item.state());
                    }
                }
            } finally {
                view.close();
                journal.close();
            }
        }
    }

    private Path smallSource() throws IOException {
        Path source = work.resolve("small");
        if (!Files.isDirectory(source)) {
            Files.createDirectories(source);
            try (Stream<Path> files = Files.list(plainRoot.resolve("bench-app/small"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, source.resolve(f.getFileName()));
                }
            }
        }
        return source;
    }

    private static double timeProcess(List<String> command) throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        int exit = p.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException(command.get(0) + " exited " + exit);
        }
        return seconds;
    }

    private static void expectFiles(Path dir, int count, long size) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            long right = all.stream().filter(f -> sizeOf(f) == size).count();
            if (all.size() != count || right != count) {
                throw new IllegalStateException(dir + ": " + all.size() + " files, " + right + " of " + size
                        + " bytes; expected " + count);
            }
        }
    }

    private static void expectSame(Path a, Path b) throws IOException {
        if (Files.mismatch(a, b) != -1) {
            throw new IllegalStateException(b + " differs from " + a);
        }
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return -1;
        }
    }

    private SiteRef site(String id, String hostPort, int connections) {
        int colon = hostPort.lastIndexOf(':');
        SessionSettings s = SessionSettings.of(hostPort.substring(0, colon),
                Integer.parseInt(hostPort.substring(colon + 1)), Credentials.of(user, password));
        return new SiteRef(id, id, s, connections);
    }

    /** The CI's OpenSSH with its password; its key is trusted by fingerprint, as --trust-fingerprint does. */
    private SiteRef sftp() throws IOException {
        String address = need("FERRY_SSHD");
        int colon = address.lastIndexOf(':');
        KnownHosts hosts = new KnownHosts(List.of(), work.resolve("known_hosts"));
        SftpSettings s = SftpSettings.of(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)),
                need("FERRY_SSHD_USER"), List.of(new SshAuth.Password(need("FERRY_SSHD_PASSWORD"))), hosts,
                HostKeyPolicy.fingerprint(need("FERRY_SSHD_FINGERPRINT")));
        return new SiteRef("sshd", "OpenSSH", new SiteEndpoint.Sftp(s), 1);
    }

    private String need(String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(name + " is not set: source /tmp/ferry-vsftpd/env and /tmp/ferry-sshd/env");
        }
        return v;
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static Path fresh(Path dir) throws IOException {
        deleteTree(dir);
        return Files.createDirectories(dir);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
