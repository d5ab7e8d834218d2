package io.homeward.tunnelport.internal;

import io.homeward.api.tunnel.TunnelPortReport;
import io.homeward.kit.net.Endpoints;

/** The tunnel port's report as {@code homeward:tunnelport} prints it. */
final class PortText {
    private PortText() {
    }

    static String render(TunnelPortReport r) {
        StringBuilder s = new StringBuilder();
        s.append("tunnel port: UDP ").append(r.port()).append(" - ").append(r.state()).append('\n');
        s.append("public endpoint: ").append(r.endpoint().map(Endpoints::text).orElse("unknown"));
        r.learnedAt().ifPresent(at -> s.append(" (learned ").append(at).append(')'));
        s.append('\n').append("STUN: ").append(r.stun()).append('\n');
        s.append("datagrams: esp ").append(r.esp()).append(", ike ").append(r.ike()).append(", keepalives ")
                .append(r.keepalives()).append(", stun ").append(r.stunAnswers()).append(", unhandled ")
                .append(r.unhandled()).append('\n');
        return s.toString();
    }
}
