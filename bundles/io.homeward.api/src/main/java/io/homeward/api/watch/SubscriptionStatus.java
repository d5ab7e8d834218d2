package io.homeward.api.watch;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The subscriptions a record watcher holds now, for operators (console page, shell). */
@ProviderType
public interface SubscriptionStatus {

    /** A snapshot, one entry per live subscription; empty when nothing is watched. */
    List<SubscriptionState> subscriptions();
}
