package io.homeward.api.peers;

import java.net.Inet6Address;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The user's other hosts and how to reach each; changes go to {@link PeerListener} services. */
@ProviderType
public interface PeerDirectory {

    List<Peer> peers();

    Optional<Peer> peer(Inet6Address ula);
}
