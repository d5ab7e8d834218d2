package io.homeward.api.portmap;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The tunnel port's reachability diagnosis: what {@code homeward:netcheck} prints and the console shows.
 *
 * @since 1.1
 */
@ProviderType
public interface NetcheckStatus {

    /** Waits (bounded) for the mappers being asked right now to answer. */
    NetcheckReport netcheck();
}
