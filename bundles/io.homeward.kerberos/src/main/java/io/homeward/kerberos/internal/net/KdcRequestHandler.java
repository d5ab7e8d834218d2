package io.homeward.kerberos.internal.net;

import java.net.InetSocketAddress;

/**
 * What the front door asks the AS/TGS engine. Called from several threads at once. Whatever a method throws is logged
 * and counted; the request then gets no answer (a TCP connection is closed) and the listener carries on.
 */
public interface KdcRequestHandler {

    /**
     * The answer to one request: a KDC-REP or a KRB-ERROR (RFC 4120 §5.9.1), sent as it is (TCP adds the length). An
     * empty array means no answer: the datagram is dropped, the TCP connection closed.
     */
    byte[] handle(KdcRequest request) throws Exception;

    /**
     * A KRB-ERROR 52 KRB_ERR_RESPONSE_TOO_BIG for a UDP request whose answer from {@link #handle} was longer than
     * {@link FrontDoorSettings#maxUdpReplyBytes}: the client retries over TCP (RFC 4120 §7.2.1). Sent only if it fits
     * the bound itself.
     */
    byte[] responseTooBig(KdcRequest request) throws Exception;

    /**
     * A KRB-ERROR 61 KRB_ERR_FIELD_TOOLONG for a TCP length prefix with its reserved high bit set, or longer than
     * {@link FrontDoorSettings#maxMessageBytes} (RFC 4120 §7.2.2); the connection is closed after it without reading
     * the message.
     */
    byte[] fieldTooLong(InetSocketAddress client) throws Exception;
}
