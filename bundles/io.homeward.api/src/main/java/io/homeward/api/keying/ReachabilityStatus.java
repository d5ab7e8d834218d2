package io.homeward.api.keying;

import org.osgi.annotation.versioning.ProviderType;

/**
 * This host's reachability as the autotunnel sees it: what {@code homeward:reach} prints and the console shows.
 *
 * @since 1.1
 */
@ProviderType
public interface ReachabilityStatus {

    ReachabilityReport reachability();
}
