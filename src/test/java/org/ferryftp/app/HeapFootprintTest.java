package org.ferryftp.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window's heap gives back what it no longer holds (issue 18, RSS), in JVMs of their own: G1 as on a
 * desktop, and the flags changed while running, as they are in a {@code java -jar} start.
 */
class HeapFootprintTest {

    @Test
    void afterALoadTheHeapKeepsLittleMoreThanItsLiveSet() throws Exception {
        // As in a java -jar start on a large machine: a large initial heap that may shrink to a small one.
        String out = child("-XX:+UseG1GC", "-XX:InitialHeapSize=256m", "-XX:MinHeapSize=8m", "-Xmx1g");
        long committed = value(out, "committed");
        long used = value(out, "used");
        // 32 MiB stay live. Measured on JDK 17: 65 MiB committed with MaxHeapFreeRatio 30, less with 20,, 150 MiB with the JVM's
        // defaults (70 % free allowed), whether set on the command line or while running.
        assertTrue(used >= 32 << 20, out);
        assertTrue(committed <= 2 * used + (4 << 20), out);
    }

    @Test
    void anIdleAppIsCollectedOnceAfterWork() {
        long[] now = {0};
        long[] collections = {7};
        long[] input = {0};
        int[] collected = {0};
        var idle = new HeapFootprint.IdleCollection(() -> now[0], () -> collections[0], () -> input[0], () -> {
            collected[0]++;
            collections[0]++; // the collection itself counts, as the JVM's does
        });
        long second = 1_000_000_000L;
        idle.check();
        now[0] = 29 * second;
        idle.check();
        assertEquals(0, collected[0], "quiet for 29 s only");
        now[0] = 31 * second;
        idle.check();
        assertEquals(1, collected[0], "quiet for 31 s after work");
        now[0] = 300 * second;
        idle.check();
        assertEquals(1, collected[0], "its own collection is not work: an idle app is collected once");
        collections[0] += 3; // work again
        now[0] = 301 * second;
        idle.check();
        input[0] = 320 * second; // the user at the keyboard
        now[0] = 340 * second;
        idle.check();
        assertEquals(1, collected[0], "the user typed 20 s ago");
        now[0] = 351 * second;
        idle.check();
        assertEquals(2, collected[0], "both quiet for 30 s");
    }

    @Test
    void anAppThatNeverCollectedIsLeftAlone() {
        long[] now = {0};
        int[] collected = {0};
        var idle = new HeapFootprint.IdleCollection(() -> now[0], () -> 0, () -> 0, () -> collected[0]++);
        idle.check();
        now[0] = 3_600_000_000_000L;
        idle.check();
        assertEquals(0, collected[0]);
    }

    @Test
    void theIdleCollectionShrinksTheHeapToItsLiveSet() throws Exception {
        // The JVM's own collection count and a real full collection, after a load.
        String out = child("-XX:+UseG1GC", "-XX:InitialHeapSize=256m", "-XX:MinHeapSize=8m", "-Xmx1g",
                "-Didle=true");
        long committed = value(out, "committed");
        long used = value(out, "used");
        assertTrue(out.contains("idle collections 1"), out);
        assertTrue(used >= 32 << 20, out);
        assertTrue(committed <= 2 * used + (4 << 20), out); // as a full collection leaves it (see above)
    }

    @Test
    void aSettingTheUserMadeStands() throws Exception {
        String out = child("-XX:+UseG1GC", "-XX:MaxHeapFreeRatio=50", "-Xmx256m");
        assertTrue(out.contains("MaxHeapFreeRatio=50"), out);
        assertTrue(out.contains("MinHeapFreeRatio=10"), out);
        assertTrue(out.contains("problems 0"), out);
    }

    @Test
    void aSettingThatContradictsTheUsersIsReportedNotThrown() throws Exception {
        String out = child("-XX:+UseG1GC", "-XX:MinHeapFreeRatio=40", "-XX:MaxHeapFreeRatio=40", "-Xmx256m");
        // MinHeapFreeRatio and MaxHeapFreeRatio were both the user's: nothing to do, nothing to report.
        assertTrue(out.contains("MaxHeapFreeRatio=40"), out);
        assertTrue(out.contains("problems 0"), out);
        String clash = child("-XX:+UseG1GC", "-XX:MinHeapFreeRatio=50", "-Xmx256m");
        assertTrue(clash.contains("MaxHeapFreeRatio=70"), clash);
        assertTrue(clash.contains("problems 1"), clash);
        assertTrue(clash.contains("MaxHeapFreeRatio=20 not applied"), clash);
    }

    @Test
    void afterACollectionTheCHeapIsTrimmed() throws Exception {
        String out = child("-XX:+UseG1GC", "-XX:InitialHeapSize=256m", "-XX:MinHeapSize=8m", "-Xmx1g",
                "-Dtrim=true");
        assertTrue(out.contains("can trim true"), out);
        assertTrue(out.contains("trimmed 1"), out);
    }

    private static long value(String out, String name) {
        for (String line : out.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Long.parseLong(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError("no " + name + " in: " + out);
    }

    private static String child(String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** Grows the heap with a burst of garbage around a 32 MiB live set, applies the settings, collects, reports. */
    static final class Child {

        static volatile Object sink;

        public static void main(String[] args) {
            List<byte[]> live = new ArrayList<>();
            for (int i = 0; i < 128; i++) {
                live.add(new byte[256 << 10]);
                for (int j = 0; j < 10; j++) {
                    sink = new byte[256 << 10];
                }
            }
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            java.util.concurrent.CountDownLatch trimmed = new java.util.concurrent.CountDownLatch(1);
            if (Boolean.getBoolean("trim")) {
                // The platform's MBean server, watched: the trim is its DiagnosticCommand operation, really run.
                javax.management.MBeanServer platform = ManagementFactory.getPlatformMBeanServer();
                javax.management.MBeanServer watched = (javax.management.MBeanServer) java.lang.reflect.Proxy
                        .newProxyInstance(Child.class.getClassLoader(),
                                new Class<?>[] {javax.management.MBeanServer.class}, (proxy, method, margs) -> {
                                    Object result;
                                    try {
                                        result = method.invoke(platform, margs);
                                    } catch (java.lang.reflect.InvocationTargetException e) {
                                        throw e.getCause();
                                    }
                                    if (method.getName().equals("invoke")
                                            && "systemTrimNativeHeap".equals(margs[1])) {
                                        System.out.println("trim said: " + result);
                                        trimmed.countDown();
                                    }
                                    return result;
                                });
                boolean canTrim = HeapFootprint.trimAfterCollections(
                        ManagementFactory.getGarbageCollectorMXBeans(), watched,
                        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                            Thread t = new Thread(r);
                            t.setDaemon(true);
                            return t;
                        }), System.out::println);
                System.out.println("can trim " + canTrim);
            }
            List<String> problems = HeapFootprint.tighten(vm);
            System.out.println("problems " + problems.size());
            problems.forEach(System.out::println);
            for (String flag : HeapFootprint.SETTINGS.keySet()) {
                System.out.println(flag + "=" + vm.getVMOption(flag).getValue());
            }
            if (Boolean.getBoolean("idle")) {
                // The JVM's own collections, counted; only the clock is moved on.
                long[] now = {0};
                int[] runs = {0};
                var idle = new HeapFootprint.IdleCollection(() -> now[0],
                        () -> ManagementFactory.getGarbageCollectorMXBeans().stream()
                                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionCount).sum(),
                        () -> 0, () -> {
                            runs[0]++;
                            System.gc();
                        });
                idle.check();
                now[0] = TimeUnit.MILLISECONDS.toNanos(HeapFootprint.IDLE_MILLIS) + 1;
                idle.check();
                System.out.println("idle collections " + runs[0]);
            } else {
                System.gc();
            }
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            System.out.println("used " + heap.getUsed());
            System.out.println("committed " + heap.getCommitted());
            System.out.println("live " + live.size());
            if (Boolean.getBoolean("trim")) {
                try {
                    System.out.println("trimmed " + (trimmed.await(30, TimeUnit.SECONDS) ? 1 : 0));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
