package io.homeward.api.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Iterator;

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

    /**
     * Sends a long series of messages in order, for example a zone transfer (RFC 5936 §2.2). A stream connection
     * takes the next message only when its queue has room again, so a response of any size costs bounded memory;
     * it calls {@code messages} on its I/O thread, which therefore must not block. This default sends them all
     * at once.
     *
     * @return false when the series could not be started (connection closed or overloaded)
     * @since 1.2
     */
    default boolean sendAll(Iterator<byte[]> messages) {
        while (messages.hasNext()) {
            if (!send(messages.next())) {
                return false;
            }
        }
        return true;
    }

    /** False once a stream connection is closed; always true for UDP. */
    boolean isOpen();

    /** Closes a stream connection (for example after a fatal FORMERR); no effect for UDP. */
    void close();

    /**
     * Replaces the transport's idle timeout for this stream connection, for example while a DSO session
     * (RFC 8490 §6.2) keeps it alive with its own keepalive timers; no effect for UDP.
     *
     * @param timeout silence after which the transport closes the connection; must be positive
     */
    void setIdleTimeout(Duration timeout);

    /**
     * Tells the transport that a TSIG-signed message (RFC 8945) was verified on this stream connection: the client
     * has authenticated, so the connection may use the slots kept for authenticated clients and is not replaced by
     * newcomers. No effect for UDP.
     *
     * @since 1.2
     */
    default void markAuthenticated() {
    }
}
