package org.ferryftp.bench;

import org.ferryftp.fs.LocalBrowser;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.transfer.StandardSessions;
import org.ferryftp.transfer.sync.SyncPlanner;
import org.ferryftp.transfer.sync.SyncRules;
import org.ferryftp.transfer.sync.SyncStep;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.browser.Source;
import org.ferryftp.ui.browser.StandardBrowserFactory;
import org.ferryftp.ui.concurrent.SameThreadUiExecutor;
import org.ferryftp.ui.synchronize.SyncViewModel;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark, not a test (not run by the build): plans a synchronization of two local trees of 100,000 files each
 * (1,000 folders of 100, one file in a hundred changed), once with the window's Synchronize preview (the one-way
 * planner streaming rows into the view model) and once as {@code ferry mirror} plans (SyncPlanner, keeping only
 * what changes). Prints {@code seconds sync-plan-100k X}, {@code seconds mirror-plan-100k X} and the heap each
 * keeps afterwards ({@code heap-mib ...}: the preview's rows, the mirror's plan) and at its peak. Run it with
 * {@code bash .ci/bench.sh sync-plan} or {@code java -cp target/ferry.jar:target/test-classes
 * org.ferryftp.bench.SyncPlanBench [DIR]} (the trees are made under DIR once and kept).
 */
public final class SyncPlanBench {

    static final int FOLDERS = 1_000;
    static final int FILES = 100;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"), "ferry-sync-plan-100k");
        Path left = dir.resolve("left");
        Path right = dir.resolve("right");
        if (!Files.exists(dir.resolve("complete"))) {
            make(left, right);
            Files.createFile(dir.resolve("complete"));
        }
        for (int run = 0; run < 3; run++) {
            boolean last = run == 2; // the first two warm the JIT and the disk cache
            long before = retained();
            resetPeaks();
            long start = System.nanoTime();
            SyncViewModel vm = new SyncViewModel(new SyncViewModel.Folder(Source.local("Left"), left.toString()),
                    new SyncViewModel.Folder(Source.local("Right"), right.toString()), SyncRules.DEFAULT,
                    new StandardBrowserFactory(new StandardSessions(LogListener.NONE)), new SameThreadUiExecutor(),
                    requests -> { }, new Messages(Locale.ENGLISH));
            vm.plan();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!vm.readyProperty().get() || vm.rows().size() != FOLDERS * FILES) {
                throw new IllegalStateException("plan incomplete: " + vm.progressProperty().get() + ", "
                        + vm.rows().size() + " rows");
            }
            long peak = peak() - before;
            long kept = retained() - before;
            if (last) {
                System.out.printf("seconds sync-plan-100k %.3f%n", seconds);
                System.out.printf("heap-mib sync-plan-100k-rows %.1f (%d bytes a row)%n", kept / 1048576.0,
                        kept / vm.rows().size());
                System.out.printf("heap-mib sync-plan-100k-peak %.1f%n", peak / 1048576.0);
                System.out.println("summary " + vm.summaryProperty().get());
            }
            vm.close();
            vm = null;

            before = retained();
            resetPeaks();
            start = System.nanoTime();
            List<SyncStep> changes = new ArrayList<>();
            long[] skipped = new long[1];
            try (LocalBrowser l = new LocalBrowser(); LocalBrowser r = new LocalBrowser()) {
                new SyncPlanner(SyncRules.DEFAULT).plan(l, left.toString(), r, right.toString(), step -> {
                    if (step.action() == SyncStep.Action.SKIP) {
                        skipped[0]++;
                    } else {
                        changes.add(step);
                    }
                });
            }
            seconds = (System.nanoTime() - start) / 1e9;
            peak = peak() - before;
            kept = retained() - before;
            if (last) {
                System.out.printf("seconds mirror-plan-100k %.3f%n", seconds);
                System.out.printf("heap-mib mirror-plan-100k-kept %.1f (%d changes, %d unchanged)%n",
                        kept / 1048576.0, changes.size(), skipped[0]);
                System.out.printf("heap-mib mirror-plan-100k-peak %.1f%n", peak / 1048576.0);
            }
        }
    }

    private static void make(Path left, Path right) throws IOException {
        FileTime time = FileTime.from(Instant.parse("2024-01-01T00:00:00Z"));
        for (int d = 0; d < FOLDERS; d++) {
            Path l = Files.createDirectories(left.resolve(String.format("folder-%04d", d)));
            Path r = Files.createDirectories(right.resolve(String.format("folder-%04d", d)));
            for (int f = 0; f < FILES; f++) {
                String name = String.format("file-%03d.txt", f);
                Files.writeString(l.resolve(name), "content " + d + "/" + f);
                Files.writeString(r.resolve(name), f == 0 ? "changed" : "content " + d + "/" + f);
                Files.setLastModifiedTime(l.resolve(name), time);
                Files.setLastModifiedTime(r.resolve(name), time);
            }
        }
    }

    /** Heap in use after a full collection: what is still reachable. */
    private static long retained() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc(); // a full collection, done when this returns (ExplicitGCInvokesConcurrent is off)
        }
        return heapUsed();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks since the reset (an upper bound: pools peak at different moments). */
    private static long peak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
