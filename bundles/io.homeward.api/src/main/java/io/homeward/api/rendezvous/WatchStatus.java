package io.homeward.api.rendezvous;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The long-lived queries and DNS Push subscriptions the server holds. */
@ProviderType
public interface WatchStatus {
    List<WatchState> watches();
}
