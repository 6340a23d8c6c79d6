package org.ferryftp.app;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.NotificationEmitter;
import javax.management.ObjectName;
import java.lang.management.GarbageCollectorMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Lets the window's heap follow what it holds instead of its busiest moment (issue 18, RSS). The JVM's defaults
 * suit servers: G1 keeps up to 70 % of the heap free after a collection and never collects an idle process, so
 * a window that loaded two 100,000-entry listings and a 100,000-item queue kept ~1 GiB committed for a ~200 MiB
 * live set. These flags are manageable (settable while running), so they reach {@code java -jar} too, which has
 * no launcher to pass options: at most 20 % free after a marking or full collection (expansion under load is
 * G1's own, by its pause-time goal, and unaffected). The heap's maximum is untouched: a 1-million-entry folder
 * needs it. A value the user set on the command line is left as it is.
 * <p>
 * Once the app and its user have both been idle for {@link #IDLE_MILLIS} after some work, one full collection
 * compacts the heap and gives back what is free ({@link IdleCollection}). G1's own periodic collection (a
 * marking cycle every {@code G1PeriodicGCInterval}) was used before: its shrink counts the garbage that a
 * marking finds but only later young collections reclaim, and an idle window has none, so a loaded window kept
 * 260 MiB committed for a 150 MiB live set (a full collection: 200 MiB, and 68 MiB less RSS), and it marked the
 * whole heap again every interval for as long as the window stayed idle.
 * <p>
 * The collector's own bookkeeping for a large heap, and the toolkit's, is C memory that glibc keeps after it is
 * freed: after collections the C heap is trimmed too (jcmd's System.trim_native_heap, through its MBean;
 * measured here on an idle loaded window: 432 -> 384 MiB after a 2 GiB loading peak, 426 -> 401 without one).
 */
final class HeapFootprint {

    /** An idle window is collected (and shrunk) after this long without a collection or any user input. */
    static final long IDLE_MILLIS = 30_000;

    /** How often idleness is looked at. */
    static final long IDLE_CHECK_SECONDS = 5;

    /** In the order they are set: the minimum first, so that it never exceeds the maximum in between. */
    static final Map<String, String> SETTINGS = settings();

    /** The C heap is trimmed at most this often. */
    static final long TRIM_INTERVAL_SECONDS = 30;

    /** A marking cycle's remark (where G1 shrinks) follows its start by well under this, even on a busy machine. */
    static final long SETTLE_SECONDS = 5;

    private static final String DIAGNOSTIC_COMMANDS = "com.sun.management:type=DiagnosticCommand";
    private static final String TRIM = "systemTrimNativeHeap";

    private HeapFootprint() {
    }

    /**
     * Trims the C heap on {@code trimmer} {@link #SETTLE_SECONDS} after a collection (G1 shrinks the heap at a
     * marking cycle's remark, which JDK 17 reports to no listener; it is over by then), at most once per
     * {@link #TRIM_INTERVAL_SECONDS}: what JDK 21's -XX:TrimNativeHeapInterval does, which JDK 17 cannot set
     * while running. An idle window, which does not collect, is not trimmed again and again. Returns false (and does nothing) where the JVM
     * cannot trim (before JDK 17.0.9, or not on glibc); {@code problems} hears of a trim that failed.
     */
    static boolean trimAfterCollections(List<GarbageCollectorMXBean> collectors, MBeanServer server,
                                        ScheduledExecutorService trimmer, Consumer<String> problems) {
        ObjectName commands;
        try {
            commands = new ObjectName(DIAGNOSTIC_COMMANDS);
            boolean canTrim = false;
            for (var op : server.getMBeanInfo(commands).getOperations()) {
                canTrim |= op.getName().equals(TRIM);
            }
            if (!canTrim) {
                return false;
            }
        } catch (JMException e) {
            return false;
        }
        Trimmer t = new Trimmer(System::nanoTime, () -> {
            try {
                server.invoke(commands, TRIM, null, null);
            } catch (JMException e) {
                problems.accept("Trimming the C heap failed: " + e.getMessage());
            }
        });
        for (GarbageCollectorMXBean gc : collectors) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((n, handback) -> t.collected(trimmer),
                        n -> n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION),
                        null);
            }
        }
        return true;
    }

    /** When the C heap was last trimmed, and at most one trim pending. */
    private static final class Trimmer {

        private final LongSupplier nanos;
        private final Runnable trim;
        private long lastTrim;
        private boolean pending;

        Trimmer(LongSupplier nanos, Runnable trim) {
            this.nanos = nanos;
            this.trim = trim;
            this.lastTrim = nanos.getAsLong() - TimeUnit.SECONDS.toNanos(TRIM_INTERVAL_SECONDS);
        }

        synchronized void collected(ScheduledExecutorService trimmer) {
            if (pending) {
                return;
            }
            pending = true;
            long due = lastTrim + TimeUnit.SECONDS.toNanos(TRIM_INTERVAL_SECONDS) - nanos.getAsLong();
            trimmer.schedule(this::trim, Math.max(TimeUnit.SECONDS.toNanos(SETTLE_SECONDS), due),
                    TimeUnit.NANOSECONDS);
        }

        private void trim() {
            synchronized (this) {
                pending = false;
                lastTrim = nanos.getAsLong();
            }
            trim.run();
        }
    }

    /**
     * Checks every {@link #IDLE_CHECK_SECONDS} on {@code timer} and collects ({@link System#gc()}: a full,
     * compacting collection with every collector but a concurrent one asked for by -XX:+ExplicitGCInvokesConcurrent)
     * once the JVM has made no collection and the user no input for {@link #IDLE_MILLIS}: the heap then shrinks
     * to its live set and the free ratio.
     */
    static void collectWhenIdle(List<GarbageCollectorMXBean> collectors, LongSupplier lastInputNanos,
                                ScheduledExecutorService timer) {
        IdleCollection idle = new IdleCollection(System::nanoTime, () -> collections(collectors), lastInputNanos,
                System::gc);
        timer.scheduleWithFixedDelay(idle::check, IDLE_CHECK_SECONDS, IDLE_CHECK_SECONDS, TimeUnit.SECONDS);
    }

    private static long collections(List<GarbageCollectorMXBean> collectors) {
        long n = 0;
        for (GarbageCollectorMXBean gc : collectors) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    /**
     * One collection per busy spell: after work (the JVM collected since the last idle collection) and
     * {@link #IDLE_MILLIS} of quiet from both the collector and the user. An idle window is not collected again
     * and again (the collection it made is the last one it sees), and a user at work never waits for one: the
     * pause of a full collection of a loaded window's heap (150 MiB live) was 0.6 s on 2 busy cores (load 5),
     * 1.0 s at load 11.
     */
    static final class IdleCollection {

        private final LongSupplier nanos;
        private final LongSupplier collections;
        private final LongSupplier lastInputNanos;
        private final Runnable collect;
        private long seen = -1;
        private long quietSince;
        private long collectedAt;

        IdleCollection(LongSupplier nanos, LongSupplier collections, LongSupplier lastInputNanos, Runnable collect) {
            this.nanos = nanos;
            this.collections = collections;
            this.lastInputNanos = lastInputNanos;
            this.collect = collect;
        }

        synchronized void check() {
            long now = nanos.getAsLong();
            long count = collections.getAsLong();
            if (count != seen) {
                seen = count;
                quietSince = now;
                return;
            }
            long idle = TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS);
            if (count == collectedAt || now - quietSince < idle || now - lastInputNanos.getAsLong() < idle) {
                return;
            }
            collect.run();
            collectedAt = collections.getAsLong();
            seen = collectedAt;
            quietSince = nanos.getAsLong();
        }
    }

    private static Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("MinHeapFreeRatio", "10");
        s.put("MaxHeapFreeRatio", "20");
        return s;
    }

    /** Sets what the user left at its default; returns one line per setting that could not be made. */
    static List<String> tighten(HotSpotDiagnosticMXBean vm) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> s : SETTINGS.entrySet()) {
            try {
                if (vm.getVMOption(s.getKey()).getOrigin() == VMOption.Origin.DEFAULT) {
                    vm.setVMOption(s.getKey(), s.getValue());
                }
            } catch (IllegalArgumentException | SecurityException e) {
                // E.g. a maximum below the minimum the user chose: their choice stands.
                problems.add("Heap setting " + s.getKey() + "=" + s.getValue() + " not applied: " + e.getMessage());
            }
        }
        return problems;
    }
}
