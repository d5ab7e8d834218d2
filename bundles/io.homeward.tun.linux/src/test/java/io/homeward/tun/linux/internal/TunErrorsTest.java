package io.homeward.tun.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class TunErrorsTest {
    private static final String LACKS = "cannot create TUN interface homeward0: this process lacks CAP_NET_ADMIN"
            + " (run as root or grant cap_net_admin)";

    @Test
    void theKernelsRefusalToCreateIsTheMissingCapability() {
        assertEquals(LACKS, TunErrors.setIff("homeward0", TunErrors.EPERM, "Operation not permitted").getMessage());
        assertEquals(LACKS, TunErrors.setIff("homeward0", TunErrors.EACCES, "Permission denied").getMessage());
    }

    @Test
    void aBusyOrForeignInterfaceIsExplained() {
        assertEquals("cannot attach to TUN interface homeward0: another process has it open (stop that process or"
                + " choose another interface name)", TunErrors.setIff("homeward0", TunErrors.EBUSY, "busy").getMessage());
        assertEquals("cannot create TUN interface eth0: an interface of that name exists and is not a TUN interface"
                + " (choose another name)", TunErrors.setIff("eth0", TunErrors.EINVAL, "Invalid argument").getMessage());
    }

    @Test
    void anyOtherErrnoIsQuoted() {
        assertEquals("cannot create TUN interface homeward0: TUNSETIFF failed: [12] Cannot allocate memory (errno 12)",
                TunErrors.setIff("homeward0", 12, "[12] Cannot allocate memory").getMessage());
    }

    @Test
    void anIpCommandRefusedForPrivilegeSaysSo() {
        IOException ip = new IOException("'ip link set dev homeward0 up' failed (exit 2): RTNETLINK answers: Operation not permitted");
        IOException failed = TunErrors.failed("cannot configure TUN interface homeward0", ip);
        assertEquals("cannot configure TUN interface homeward0: this process lacks CAP_NET_ADMIN (run as root or grant"
                + " cap_net_admin): 'ip link set dev homeward0 up' failed (exit 2): RTNETLINK answers: Operation not permitted",
                failed.getMessage());
        assertSame(ip, failed.getCause());
    }

    @Test
    void anyOtherIpFailureNamesTheStep() {
        assertEquals("cannot route fd00::2 into homeward0: 'ip' failed (exit 2): Error: Nexthop device is not up.",
                TunErrors.failed("cannot route fd00::2 into homeward0",
                        new IOException("'ip' failed (exit 2): Error: Nexthop device is not up.")).getMessage());
    }

    @Test
    void theTunFileItselfMissingOrLockedIsExplained() {
        assertEquals("cannot create TUN interface homeward0: /dev/net/tun does not exist (load the tun kernel module with"
                + " 'modprobe tun'; in a container pass the device in, e.g. --device /dev/net/tun --cap-add NET_ADMIN)",
                TunErrors.noTunDevice("homeward0", "/dev/net/tun").getMessage());
        assertEquals("cannot create TUN interface homeward0: /dev/net/tun is not readable and writable by this process"
                + " (run as root or make it mode 0666)",
                TunErrors.cannotOpen("homeward0", "/dev/net/tun", "/dev/net/tun (Permission denied)").getMessage());
    }
}
