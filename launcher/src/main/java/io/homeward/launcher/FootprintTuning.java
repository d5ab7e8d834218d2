package io.homeward.launcher;

import java.lang.management.ManagementFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * Keeps the runtime small on gateways without asking for JVM flags on the command line: once the
 * bundles have started, G1 is told (through its manageable flags, JEP 346) to keep little free heap
 * and to collect and give memory back when idle, and one collection returns what start-up used.
 */
final class FootprintTuning {
    private static final Logger LOG = LoggerFactory.getLogger(FootprintTuning.class);

    private FootprintTuning() {
    }

    static void compactAfterStart() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        try {
            // Lower the minimum first: the JVM refuses a minimum above the maximum at every step.
            hotspot.setVMOption("MinHeapFreeRatio", "10");
            hotspot.setVMOption("MaxHeapFreeRatio", "20");
            hotspot.setVMOption("G1PeriodicGCInterval", "60000");
        } catch (IllegalArgumentException e) {
            LOG.debug("Heap tuning not available on this JVM ({}); the heap keeps its default size", e.getMessage());
            return;
        }
        System.gc();
    }
}
