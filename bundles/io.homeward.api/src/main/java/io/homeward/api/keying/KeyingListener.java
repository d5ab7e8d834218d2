package io.homeward.api.keying;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when keying with a peer changes state. Called on the key exchange's own thread: return at once.
 *
 * @since 1.0
 */
@ConsumerType
@FunctionalInterface
public interface KeyingListener {

    void keyingChanged(KeyingStatus status);
}
