package io.homeward.api.tunnel;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * What the tunnel port is doing.
 *
 * @param port        the local UDP port
 * @param state       bound, or why not
 * @param stun        what reflexive discovery is doing
 * @param endpoint    the public endpoint learned by STUN
 * @param learnedAt   when it was learned
 * @param esp         ESP datagrams received
 * @param ike         IKE datagrams received
 * @param keepalives  NAT-keepalives received
 * @param stunAnswers STUN answers received
 * @param unhandled   datagrams no handler took
 * @since 2.1
 */
public record TunnelPortReport(int port, String state, String stun, Optional<InetSocketAddress> endpoint,
        Optional<Instant> learnedAt, long esp, long ike, long keepalives, long stunAnswers, long unhandled) {
}
