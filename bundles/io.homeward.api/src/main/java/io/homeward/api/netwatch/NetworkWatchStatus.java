package io.homeward.api.netwatch;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The network watcher's view for an operator: what {@code homeward:network} prints and the console shows.
 *
 * @since 1.1
 */
@ProviderType
public interface NetworkWatchStatus {

    NetworkWatchReport report();
}
