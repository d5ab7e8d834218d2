package io.homeward.api.runtime;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Which providers are installed for each capability contract and which one is in use. */
@ProviderType
public interface RuntimeStatus {

    List<CapabilityState> capabilities();

    /** The runtime's feature name: {@code all-in-one}, {@code agent}, {@code gateway} or {@code rendezvous}. */
    String feature();
}
