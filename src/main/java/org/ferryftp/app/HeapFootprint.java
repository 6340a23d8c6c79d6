package org.ferryftp.app;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.NotificationEmitter;
import javax.management.ObjectName;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Lets the window's heap follow what it holds instead of its busiest moment (issue 18, RSS). The JVM's defaults
 * suit servers: G1 keeps up to 70 % of the heap free after a collection and never collects an idle process, so
 * a window that loaded two 100,000-entry listings and a 100,000-item queue kept ~1 GiB committed for a ~200 MiB
 * live set. These flags are manageable (settable while running), so they reach {@code java -jar} too, which has
 * no launcher to pass options: at most 20 % free after a marking or full collection (expansion under load is
 * G1's own, by its pause-time goal, and unaffected), and a marking cycle (which
 * gives back what is free) after {@link #IDLE_MILLIS} without any collection. The heap's maximum is untouched:
 * a 1-million-entry folder needs it. A value the user set on the command line is left as it is.
 * <p>
 * The collector's own bookkeeping for a large heap is C memory that glibc keeps after it is freed: once the heap
 * has shrunk by {@link #TRIM_AFTER_SHRINK_BYTES}, the C heap is trimmed too (jcmd's System.trim_native_heap,
 * through its MBean; measured here: 432 -> 384 MiB after a 2 GiB loading peak).
 */
final class HeapFootprint {

    /** An idle window is collected (and shrunk) after this long without a collection. */
    static final long IDLE_MILLIS = 30_000;

    /** In the order they are set: the minimum first, so that it never exceeds the maximum in between. */
    static final Map<String, String> SETTINGS = settings();

    /** How far the committed heap must fall below its peak since the last trim before the C heap is trimmed. */
    static final long TRIM_AFTER_SHRINK_BYTES = 32L << 20;

    /** A marking cycle's remark (where G1 shrinks) follows its start by well under this, even on a busy machine. */
    static final long SETTLE_SECONDS = 5;

    private static final String DIAGNOSTIC_COMMANDS = "com.sun.management:type=DiagnosticCommand";
    private static final String TRIM = "systemTrimNativeHeap";

    private HeapFootprint() {
    }

    /**
     * After collections that left the heap {@link #TRIM_AFTER_SHRINK_BYTES} below its peak since the last trim,
     * trims the C heap on {@code trimmer}. G1 shrinks the heap at the remark pause of a marking cycle, which
     * JDK 17 reports to no listener: so each collection's notice schedules a look at the heap
     * {@link #SETTLE_SECONDS} later, when that remark is over. Returns false (and does nothing) where the JVM
     * cannot trim (before JDK 17.0.9, or not on glibc); {@code problems} hears of a trim that failed.
     */
    static boolean trimAfterShrinks(MemoryMXBean memory, List<GarbageCollectorMXBean> collectors, MBeanServer server,
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
        Trimmer t = new Trimmer(memory, () -> {
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

    /** The committed heap's peak since the last trim, and at most one look at the heap pending. */
    private static final class Trimmer {

        private final MemoryMXBean memory;
        private final Runnable trim;
        private long peak;
        private boolean pending;

        Trimmer(MemoryMXBean memory, Runnable trim) {
            this.memory = memory;
            this.trim = trim;
            this.peak = memory.getHeapMemoryUsage().getCommitted();
        }

        synchronized void collected(ScheduledExecutorService trimmer) {
            peak = Math.max(peak, memory.getHeapMemoryUsage().getCommitted());
            if (!pending) {
                pending = true;
                trimmer.schedule(this::look, SETTLE_SECONDS, TimeUnit.SECONDS);
            }
        }

        private void look() {
            long committed = memory.getHeapMemoryUsage().getCommitted();
            boolean shrank;
            synchronized (this) {
                pending = false;
                shrank = committed <= peak - TRIM_AFTER_SHRINK_BYTES;
                peak = shrank ? committed : Math.max(peak, committed);
            }
            if (shrank) {
                trim.run();
            }
        }
    }

    private static Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("MinHeapFreeRatio", "10");
        s.put("MaxHeapFreeRatio", "20");
        s.put("G1PeriodicGCInterval", Long.toString(IDLE_MILLIS));
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
