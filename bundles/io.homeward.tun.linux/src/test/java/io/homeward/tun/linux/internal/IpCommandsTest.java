package io.homeward.tun.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class IpCommandsTest {
    private final IpCommands ip = new IpCommands("/sbin/ip");

    @Test
    void configuresTheInterfaceWithTheConfiguredProgram() throws Exception {
        assertEquals(List.of("/sbin/ip", "link", "set", "dev", "homeward0", "mtu", "1400"), ip.setMtu("homeward0", 1400));
        assertEquals(List.of("/sbin/ip", "link", "set", "dev", "homeward0", "up"), ip.up("homeward0"));
    }

    @Test
    void addressIsACanonicalSlash128WithoutDuplicateDetection() throws Exception {
        assertEquals(List.of("/sbin/ip", "-6", "addr", "replace", "fd00:dead:beef::1/128", "dev", "homeward0", "nodad"),
                ip.setAddress("homeward0", v6("fd00:dead:beef:0:0:0:0:1")));
    }

    @Test
    void peerRoutesAreSlash128OnTheDevice() throws Exception {
        Inet6Address peer = v6("fd12:3456:789a:1::42");
        assertEquals(List.of("/sbin/ip", "-6", "route", "replace", "fd12:3456:789a:1::42/128", "dev", "homeward0"),
                ip.addRoute("homeward0", peer));
        assertEquals(List.of("/sbin/ip", "-6", "route", "del", "fd12:3456:789a:1::42/128", "dev", "homeward0"),
                ip.removeRoute("homeward0", peer));
    }

    private static Inet6Address v6(String text) throws Exception {
        return (Inet6Address) InetAddress.getByName(text);
    }
}
