package io.homeward.portmap.pcp.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.portmap.pcp.internal.wire.Samples;

class AddressRangesTest {

    @Test
    void privateSharedAndLinkLocalAddressesAreNotReachable() {
        assertEquals(Optional.of("private (RFC 1918)"), AddressRanges.unreachableReason(Samples.address("192.168.1.10")));
        assertEquals(Optional.of("private (RFC 1918)"), AddressRanges.unreachableReason(Samples.address("172.31.0.1")));
        assertEquals(Optional.of("carrier-grade NAT shared space (RFC 6598)"),
                AddressRanges.unreachableReason(Samples.address("100.64.0.2")));
        assertTrue(AddressRanges.unreachableReason(Samples.address("169.254.3.4")).isPresent());
        assertTrue(AddressRanges.unreachableReason(Samples.address("0.0.0.0")).isPresent());
    }

    @Test
    void publicAddressesAndTheEdgesOfPrivateRangesAreReachable() {
        assertTrue(AddressRanges.unreachableReason(Samples.address("11.0.0.2")).isEmpty());
        assertTrue(AddressRanges.unreachableReason(Samples.address("172.32.0.1")).isEmpty());
        assertTrue(AddressRanges.unreachableReason(Samples.address("100.128.0.1")).isEmpty());
        assertTrue(AddressRanges.unreachableReason(Samples.address("2001:db8::1")).isEmpty());
    }
}
