package io.homeward.registrar.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

import org.osgi.service.log.Logger;

import io.homeward.kit.dns.DnsOverTls;
import io.homeward.kit.dns.PinnedTrust;
import io.homeward.kit.dns.UdpQuery;

/**
 * Blocking sockets with a bound on every connect and read, so a dead server never holds the registrar. A UDP query
 * is sent up to three times within the timeout, so one lost datagram (a host moving drops some) costs a third of it.
 */
final class SocketNetwork implements Network {
    private static final int UDP_ATTEMPTS = 3;
    private final Duration timeout;
    private final UdpQuery udp;
    private final Logger log;

    SocketNetwork(Duration timeout, Logger log) {
        this.timeout = timeout;
        this.udp = new UdpQuery(timeout.dividedBy(UDP_ATTEMPTS), UDP_ATTEMPTS);
        this.log = log;
    }

    @Override
    public byte[] queryUdp(InetSocketAddress server, byte[] query) throws IOException {
        return udp.exchange(server, query);
    }

    @Override
    public byte[] exchangeTls(InetSocketAddress server, byte[] message, String pin) throws IOException {
        PinnedTrust trust = new PinnedTrust(pin);
        byte[] response = DnsOverTls.exchange(server, trust, timeout, message);
        trust.warnIfUnpinned(log);
        return response;
    }
}
