package io.homeward.api.endpoint;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/** Told when this host's public endpoint changes, is learned another way, or is lost. */
@ConsumerType
public interface PublicEndpointListener {

    /**
     * @param previous what was reported before (empty at the first call or after a loss)
     * @param current  what holds now (empty when nothing is known)
     */
    void publicEndpointChanged(Optional<PublicEndpoint> previous, Optional<PublicEndpoint> current);
}
