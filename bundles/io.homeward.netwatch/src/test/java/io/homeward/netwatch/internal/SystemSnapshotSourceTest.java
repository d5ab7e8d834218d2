package io.homeward.netwatch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real interface list (every Linux host has {@code lo}) with route tables and states the test writes. */
class SystemSnapshotSourceTest {
    @TempDir
    Path dir;

    @Test
    void routesComeFromTheTablesAndLoopbackIsUpWithItsAddress() throws Exception {
        Path v4 = Files.writeString(dir.resolve("route"), "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask"
                + "\t\tMTU\tWindow\tIRTT\neth0\t00000000\t0100000A\t0003\t0\t0\t0\t00000000\t0\t0\t0\n");
        Files.createDirectories(dir.resolve("sys/lo"));
        Files.writeString(dir.resolve("sys/lo/operstate"), "unknown\n");

        NetworkSnapshot s = new SystemSnapshotSource(v4, dir.resolve("no-ipv6_route"), dir.resolve("sys")).take();

        assertEquals(List.of("via 10.0.0.1 dev eth0"), s.defaultRoutes());
        InterfaceState lo = s.interfaces().get("lo");
        assertTrue(lo.up(), "loopback says 'unknown', which carries traffic");
        assertTrue(lo.addresses().contains("127.0.0.1/8"), lo.addresses().toString());
    }

    @Test
    void anInterfaceWhoseOperationalStateIsDownIsDownEvenIfSwitchedOn() throws Exception {
        Files.createDirectories(dir.resolve("sys/lo"));
        Files.writeString(dir.resolve("sys/lo/operstate"), "lowerlayerdown\n");

        NetworkSnapshot s = new SystemSnapshotSource(dir.resolve("none"), dir.resolve("none6"), dir.resolve("sys")).take();

        assertFalse(s.interfaces().get("lo").up());
        assertEquals(List.of(), s.defaultRoutes());
    }
}
