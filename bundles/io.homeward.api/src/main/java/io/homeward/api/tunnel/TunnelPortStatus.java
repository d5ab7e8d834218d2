package io.homeward.api.tunnel;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The tunnel port as an operator sees it: what {@code homeward:tunnelport} prints and the console shows.
 *
 * @since 2.1
 */
@ProviderType
public interface TunnelPortStatus {

    TunnelPortReport report();
}
