package io.homeward.rendezvous.transport.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class ConnectionLimitsTest {
    private static InetAddress address(int last) throws Exception {
        return InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) last});
    }

    @Test
    void limitsEachClientAndTheTotal() throws Exception {
        ConnectionLimits limits = new ConnectionLimits(2, 3);
        assertTrue(limits.tryAcquire(address(1)));
        assertTrue(limits.tryAcquire(address(1)));
        assertFalse(limits.tryAcquire(address(1)), "third from one client");
        assertTrue(limits.tryAcquire(address(2)));
        assertFalse(limits.tryAcquire(address(3)), "fourth in total");
        limits.release(address(1));
        assertTrue(limits.tryAcquire(address(3)));
        assertFalse(limits.tryAcquire(address(4)), "the released slot is taken again");
        limits.release(address(9));
        assertFalse(limits.tryAcquire(address(4)), "releasing an address that holds nothing frees nothing");
    }
}
