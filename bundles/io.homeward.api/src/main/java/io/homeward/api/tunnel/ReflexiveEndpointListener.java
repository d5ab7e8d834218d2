package io.homeward.api.tunnel;

import java.net.InetSocketAddress;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when the tunnel port's public endpoint, as STUN learns it, changes or is lost. Added to the
 * {@link TunnelPort} with {@link TunnelPort#addReflexiveEndpointListener}.
 */
@ConsumerType
public interface ReflexiveEndpointListener {

    void reflexiveEndpointChanged(Optional<InetSocketAddress> endpoint);
}
