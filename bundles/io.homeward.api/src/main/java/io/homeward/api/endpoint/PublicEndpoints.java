package io.homeward.api.endpoint;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one answer to "where can peers reach me". Listeners register on the service (not as whiteboard
 * services), so a consumer that the provider also depends on forms no DS reference cycle.
 */
@ProviderType
public interface PublicEndpoints {

    /** The best endpoint known now. */
    Optional<PublicEndpoint> current();

    /** Adds a listener and tells it the current endpoint at once (previous empty). */
    void addPublicEndpointListener(PublicEndpointListener listener);

    void removePublicEndpointListener(PublicEndpointListener listener);
}
