package io.homeward.api.watch;

import org.osgi.annotation.versioning.ProviderType;

/** A live subscription; closing it ends the long-lived query or push subscription. */
@ProviderType
public interface Subscription extends AutoCloseable {

    /** How changes arrive now: {@code dns-push}, {@code llq-tls}, {@code llq-udp} or {@code poll}. */
    String mechanism();

    @Override
    void close();
}
