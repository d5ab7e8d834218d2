package io.homeward.api.rendezvous;

/**
 * One DNS listener.
 *
 * @param transport       {@code udp}, {@code tcp} or {@code tls}
 * @param address         the address and port it is bound to, for example {@code 127.0.0.1:8053}
 * @param openConnections open connections (0 for UDP)
 * @param dropped         messages dropped because the server was saturated
 * @param refused         connections refused by the per-client or total limits
 */
public record ListenerState(String transport, String address, int openConnections, long dropped, long refused) {
}
