package io.homeward.api.dns;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Answers DNS messages; registered by the DNS server, used by every transport.
 */
@ConsumerType
public interface DnsRequestHandler {

    /**
     * Handles one message as received (without the TCP length prefix). The handler writes zero
     * or more responses to the responder (zero: drop; several: zone transfer over a stream). It
     * must not throw for malformed input and must not block the transport's thread for long.
     */
    void handle(byte[] message, DnsResponder responder);
}
