package io.homeward.api.dns;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The name server for the user's zone as an operator sees it: what {@code homeward:names} prints and the console
 * shows.
 *
 * @since 1.3
 */
@ProviderType
public interface NamesStatus {

    NamesReport report();
}
