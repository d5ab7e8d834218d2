package io.homeward.ike.internal.exchange;

import java.net.Inet6Address;
import java.util.Arrays;
import java.util.List;

import io.homeward.ike.internal.wire.TrafficSelector;
import io.homeward.ike.internal.wire.TrafficSelectorPayload;

/**
 * The traffic selectors of a BTMM tunnel: exactly the two ULAs, every protocol and port (RFC 7296 §2.9,
 * ikev2.md §10.4). A responder narrows an initiator's wider selectors to them; an initiator accepts only them.
 */
final class TrafficSelectors {
    private TrafficSelectors() {
    }

    static TrafficSelectorPayload of(boolean responder, Inet6Address ula) {
        return new TrafficSelectorPayload(responder, List.of(TrafficSelector.host(ula)));
    }

    /** Whether one selector takes every protocol and port to and from the address, so narrowing may keep it. */
    static boolean covers(TrafficSelectorPayload payload, Inet6Address ula) {
        byte[] address = ula.getAddress();
        return payload.selectors().stream().anyMatch(selector -> selector.ipProtocol() == 0
                && selector.startPort() == 0 && selector.endPort() == 0xFFFF
                && selector.tsType() == TrafficSelector.TS_IPV6_ADDR_RANGE
                && Arrays.compareUnsigned(selector.start().getAddress(), address) <= 0
                && Arrays.compareUnsigned(address, selector.end().getAddress()) <= 0);
    }

    /** Whether the payload is exactly the one address with every protocol and port. */
    static boolean exactly(TrafficSelectorPayload payload, Inet6Address ula) {
        return payload.selectors().equals(List.of(TrafficSelector.host(ula)));
    }
}
