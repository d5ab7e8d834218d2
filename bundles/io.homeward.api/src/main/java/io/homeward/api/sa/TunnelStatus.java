package io.homeward.api.sa;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The data plane as an operator sees it: what {@code homeward:tunnels} prints and the console shows.
 *
 * @since 1.6
 */
@ProviderType
public interface TunnelStatus {

    TunnelsReport tunnels();
}
