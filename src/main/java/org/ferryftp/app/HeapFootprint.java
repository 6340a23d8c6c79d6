package org.ferryftp.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lets the window's heap follow what it holds instead of its busiest moment (issue 18, RSS). The JVM's defaults
 * suit servers: G1 keeps up to 70 % of the heap free after a collection and never collects an idle process, so
 * a window that loaded two 100,000-entry listings and a 100,000-item queue kept ~1 GiB committed for a ~200 MiB
 * live set. These flags are manageable (settable while running), so they reach {@code java -jar} too, which has
 * no launcher to pass options: at most 30 % free after a marking or full collection, and a marking cycle (which
 * gives back what is free) after {@link #IDLE_MILLIS} without any collection. The heap's maximum is untouched:
 * a 1-million-entry folder needs it. A value the user set on the command line is left as it is.
 */
final class HeapFootprint {

    /** An idle window is collected (and shrunk) after this long without a collection. */
    static final long IDLE_MILLIS = 30_000;

    /** In the order they are set: the minimum first, so that it never exceeds the maximum in between. */
    static final Map<String, String> SETTINGS = settings();

    private HeapFootprint() {
    }

    private static Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("MinHeapFreeRatio", "10");
        s.put("MaxHeapFreeRatio", "30");
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
