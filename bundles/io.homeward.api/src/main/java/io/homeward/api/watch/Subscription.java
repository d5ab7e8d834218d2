package io.homeward.api.watch;

import org.osgi.annotation.versioning.ProviderType;

/** A live subscription; closing it ends the long-lived query or push subscription. */
@ProviderType
public interface Subscription extends AutoCloseable {

    /** How changes arrive now; {@link WatchMechanism#NONE} while no mechanism works. */
    WatchMechanism mechanism();

    @Override
    void close();
}
