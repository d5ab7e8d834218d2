package io.homeward.api.keying;

import org.osgi.annotation.versioning.ProviderType;

/**
 * IKE as an operator sees it: what {@code homeward:ike} prints and the console shows.
 *
 * @since 1.1
 */
@ProviderType
public interface IkeStatus {

    IkeReport report();
}
