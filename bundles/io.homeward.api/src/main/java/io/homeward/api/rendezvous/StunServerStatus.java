package io.homeward.api.rendezvous;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The rendezvous' STUN server as an operator sees it: what {@code homeward:stun} prints and the console shows.
 *
 * @since 2.2
 */
@ProviderType
public interface StunServerStatus {

    StunServerReport report();
}
