package io.homeward.api.endpoint;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * This host's public endpoint: the address and UDP port at which the user's other hosts reach its tunnel port.
 *
 * @param address where peers send to
 * @param source  how it was learned
 */
public record PublicEndpoint(InetSocketAddress address, EndpointSource source) {

    public PublicEndpoint {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(source, "source");
    }

    /** True when peers must send elsewhere than to {@code previous}: the address or port differs. */
    public boolean movedFrom(PublicEndpoint previous) {
        return previous == null || !address.equals(previous.address());
    }
}
