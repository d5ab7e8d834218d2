package io.homeward.api.rendezvous;

import io.homeward.api.dns.DnsTransport;

/**
 * One DNS listener.
 *
 * @param transport       UDP, TCP or TLS ({@link DnsTransport#text()} names it for operators)
 * @param address         the address and port it is bound to, for example {@code 127.0.0.1:8053}
 * @param openConnections open connections (0 for UDP)
 * @param dropped         messages dropped because the server was saturated
 * @param refused         connections refused by the per-client or total limits
 */
public record ListenerState(DnsTransport transport, String address, int openConnections, long dropped, long refused) {
}
