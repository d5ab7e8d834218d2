package io.homeward.api.dns;

import java.net.InetSocketAddress;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The way back to the client of one request. A handler may keep it to send unsolicited messages
 * later (LLQ events, DNS Push); for UDP it sends datagrams to the client's address from the
 * server's socket, for TCP and TLS it writes length-prefixed messages on the connection.
 */
@ProviderType
public interface DnsResponder {

    DnsTransport transport();

    InetSocketAddress client();

    /**
     * Queues one complete DNS message. Never blocks on a slow client: a stream whose queue is full is closed.
     *
     * @return false when the message could not be queued (connection closed or overloaded)
     */
    boolean send(byte[] message);

    /** False once a stream connection is closed; always true for UDP. */
    boolean isOpen();

    /** Closes a stream connection (for example after a fatal FORMERR); no effect for UDP. */
    void close();
}
