package io.homeward.registrar.internal;

import java.io.IOException;
import java.net.InetSocketAddress;

/** The registrar's only way to the network, so tests can answer in place of a server. */
interface Network {
    /** One DNS query over UDP; returns the response's wire form. */
    byte[] queryUdp(InetSocketAddress server, byte[] query) throws IOException;

    /**
     * One DNS message over a fresh TLS connection (RFC 7858), the server's certificate checked against
     * {@code pin} (empty: accepted and its fingerprint logged); returns the response's wire form.
     */
    byte[] exchangeTls(InetSocketAddress server, byte[] message, String pin) throws IOException;
}
