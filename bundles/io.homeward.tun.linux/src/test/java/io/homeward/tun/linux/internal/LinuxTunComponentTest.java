package io.homeward.tun.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.api.tunnel.TunDevice;
import io.homeward.testkit.RecordingLogger;

class LinuxTunComponentTest {
    private static final String LACKS = "this process lacks CAP_NET_ADMIN (run as root or grant cap_net_admin)";
    private final FakeOpener opener = new FakeOpener();
    private final FakeCommands commands = new FakeCommands();
    private final RecordingLogger log = new RecordingLogger();
    private boolean lacksNetAdmin;
    private final LinuxTunComponent provider = new LinuxTunComponent(opener, commands, new IpCommands("ip"),
            () -> lacksNetAdmin, log.logger());

    @AfterEach
    void stop() {
        provider.deactivate();
    }

    @Test
    void openCreatesTheInterfaceThenSetsMtuAddressAndUpInThatOrder() throws Exception {
        TunDevice device = provider.open("homeward0", v6("fd00:dead:beef::1"), 1400);
        assertEquals(List.of("homeward0"), opener.opened);
        assertEquals(List.of(
                List.of("ip", "link", "set", "dev", "homeward0", "mtu", "1400"),
                List.of("ip", "-6", "addr", "replace", "fd00:dead:beef::1/128", "dev", "homeward0", "nodad"),
                List.of("ip", "link", "set", "dev", "homeward0", "up")), commands.runs);
        assertEquals("homeward0", device.name());
        assertEquals(1400, device.mtu());
        assertEquals(1, provider.openDevices());
        assertEquals(1, log.count(LogLevel.INFO, "opened TUN interface homeward0 with fd00:dead:beef::1/128, MTU 1400"));
    }

    @Test
    void withoutNetAdminOpenSaysWhatIsMissingAndTouchesNothing() {
        lacksNetAdmin = true;
        IOException refused = assertThrows(IOException.class, () -> provider.open("homeward0", v6("fd00::1"), 1400));
        assertEquals("cannot create TUN interface homeward0: " + LACKS, refused.getMessage());
        assertTrue(opener.opened.isEmpty());
        assertTrue(commands.runs.isEmpty());
    }

    @Test
    void ipRefusedForPrivilegeSaysWhatIsMissingAndRemovesTheHalfMadeInterface() {
        commands.failing("addr replace", "RTNETLINK answers: Operation not permitted");
        IOException refused = assertThrows(IOException.class, () -> provider.open("homeward0", v6("fd00::1"), 1400));
        assertEquals("cannot configure TUN interface homeward0: " + LACKS + ": 'ip -6 addr replace fd00::1/128 dev"
                + " homeward0 nodad' failed (exit 2): RTNETLINK answers: Operation not permitted", refused.getMessage());
        assertTrue(opener.allClosed());
        assertEquals(0, provider.openDevices());
        assertEquals(2, commands.runs.size(), "no step after the failed one");
    }

    @Test
    void anyOtherIpFailureNamesTheStepAndTheCommand() {
        commands.failing("mtu", "Error: mtu greater than device maximum.");
        IOException failed = assertThrows(IOException.class, () -> provider.open("homeward0", v6("fd00::1"), 1400));
        assertEquals("cannot configure TUN interface homeward0: 'ip link set dev homeward0 mtu 1400' failed (exit 2):"
                + " Error: mtu greater than device maximum.", failed.getMessage());
        assertTrue(opener.allClosed());
    }

    @Test
    void theOpenersErrorReachesTheCallerAsItIs() {
        opener.failure = TunErrors.setIff("homeward0", TunErrors.EBUSY, "busy");
        IOException failed = assertThrows(IOException.class, () -> provider.open("homeward0", v6("fd00::1"), 1400));
        assertSame(opener.failure, failed);
        assertTrue(commands.runs.isEmpty());
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingHappens() {
        assertThrows(IllegalArgumentException.class, () -> provider.open("homeward0-too-long", v6("fd00::1"), 1400));
        assertThrows(IllegalArgumentException.class, () -> provider.open("home ward", v6("fd00::1"), 1400));
        assertThrows(IllegalArgumentException.class, () -> provider.open("..", v6("fd00::1"), 1400));
        IllegalArgumentException lowMtu = assertThrows(IllegalArgumentException.class,
                () -> provider.open("homeward0", v6("fd00::1"), 1279));
        assertEquals("MTU 1279 is out of range: IPv6 needs 1280 to 65535", lowMtu.getMessage());
        assertThrows(IllegalArgumentException.class, () -> provider.open("homeward0", v6("fd00::1"), 65_536));
        assertThrows(NullPointerException.class, () -> provider.open("homeward0", null, 1400));
        assertTrue(opener.opened.isEmpty());
        assertTrue(commands.runs.isEmpty());
    }

    @Test
    void routesArePeerSlash128sOnTheDevice() throws Exception {
        TunDevice device = provider.open("homeward0", v6("fd00::1"), 1400);
        commands.runs.clear();
        provider.addRoute(device, v6("fd00:1::2"));
        provider.removeRoute(device, v6("fd00:1::2"));
        assertEquals(List.of(
                List.of("ip", "-6", "route", "replace", "fd00:1::2/128", "dev", "homeward0"),
                List.of("ip", "-6", "route", "del", "fd00:1::2/128", "dev", "homeward0")), commands.runs);
    }

    @Test
    void removingARouteThatIsNotThereIsDone() throws Exception {
        TunDevice device = provider.open("homeward0", v6("fd00::1"), 1400);
        commands.failing("route del", "RTNETLINK answers: No such process");
        provider.removeRoute(device, v6("fd00:1::2"));
    }

    @Test
    void aRouteRefusedForPrivilegeSaysSo() throws Exception {
        TunDevice device = provider.open("homeward0", v6("fd00::1"), 1400);
        commands.failing("route replace", "RTNETLINK answers: Operation not permitted");
        IOException refused = assertThrows(IOException.class, () -> provider.addRoute(device, v6("fd00:1::2")));
        assertTrue(refused.getMessage().startsWith("cannot route fd00:1::2 into homeward0: " + LACKS), refused.getMessage());
    }

    @Test
    void routesIntoAClosedDeviceAreRefused() throws Exception {
        TunDevice device = provider.open("homeward0", v6("fd00::1"), 1400);
        device.close();
        IOException refused = assertThrows(IOException.class, () -> provider.addRoute(device, v6("fd00:1::2")));
        assertEquals("TUN interface homeward0 is not open in the Linux TUN provider (it was closed, or another provider"
                + " opened it)", refused.getMessage());
        assertEquals(0, provider.openDevices());
        assertEquals(1, log.count(LogLevel.INFO, "closed TUN interface homeward0"));
    }

    @Test
    void deactivatingClosesEveryDeviceAndRefusesNewOnes() throws Exception {
        provider.open("homeward0", v6("fd00::1"), 1400);
        provider.open("homeward1", v6("fd00::2"), 1500);
        provider.deactivate();
        assertTrue(opener.allClosed());
        assertEquals(0, provider.openDevices());
        IOException stopped = assertThrows(IOException.class, () -> provider.open("homeward2", v6("fd00::3"), 1400));
        assertEquals("cannot create TUN interface homeward2: the Linux TUN provider is stopping", stopped.getMessage());
    }

    private static Inet6Address v6(String text) throws IOException {
        return (Inet6Address) InetAddress.getByName(text);
    }
}
