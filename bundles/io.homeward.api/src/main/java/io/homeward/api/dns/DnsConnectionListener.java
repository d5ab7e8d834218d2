package io.homeward.api.dns;

import org.osgi.annotation.versioning.ConsumerType;

/** Whiteboard listener: told when a stream connection closes, so state kept for it can go. */
@ConsumerType
public interface DnsConnectionListener {
    void closed(DnsResponder connection);
}
