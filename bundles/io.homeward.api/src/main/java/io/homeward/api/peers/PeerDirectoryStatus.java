package io.homeward.api.peers;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The peer directory's view for an operator: what {@code homeward:peers} prints and the console shows.
 *
 * @since 1.1
 */
@ProviderType
public interface PeerDirectoryStatus {

    DirectoryReport report();
}
