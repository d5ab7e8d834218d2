package io.homeward.api.sa;

import java.net.Inet6Address;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The ESP SAs of this host, one pair per peer ULA. */
@ProviderType
public interface SecurityAssociationDatabase {

    /** Installs or replaces the SA pair for the spec's peer. */
    void install(SaSpec spec);

    /** Removes the peer's SA pair; returns false if there was none. */
    boolean remove(Inet6Address peer);

    List<SaStatus> list();
}
