package io.homeward.tunnelport.internal;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;

import io.homeward.kit.net.Endpoints;

/**
 * What the tunnel port is doing, for the shell and the console.
 *
 * @param state        bound, or why not
 * @param stun         what reflexive discovery is doing
 * @param endpoint     the public endpoint learned by STUN
 * @param learnedAt    when it was learned
 */
record PortReport(int port, String state, String stun, Optional<InetSocketAddress> endpoint, Optional<Instant> learnedAt,
        long esp, long ike, long keepalives, long stunAnswers, long unhandled) {

    String text() {
        StringBuilder s = new StringBuilder();
        s.append("tunnel port: UDP ").append(port).append(" - ").append(state).append('\n');
        s.append("public endpoint: ").append(endpoint.map(Endpoints::text).orElse("unknown"));
        learnedAt.ifPresent(at -> s.append(" (learned ").append(at).append(')'));
        s.append('\n').append("STUN: ").append(stun).append('\n');
        s.append("datagrams: esp ").append(esp).append(", ike ").append(ike).append(", keepalives ").append(keepalives)
                .append(", stun ").append(stunAnswers).append(", unhandled ").append(unhandled).append('\n');
        return s.toString();
    }
}
