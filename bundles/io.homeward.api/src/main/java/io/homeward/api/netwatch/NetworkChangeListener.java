package io.homeward.api.netwatch;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard listener: register as a service to hear of network changes. Changes that arrive close
 * together are delivered as they come; listeners that act on them debounce.
 */
@ConsumerType
public interface NetworkChangeListener {
    void networkChanged(NetworkChange change);
}
