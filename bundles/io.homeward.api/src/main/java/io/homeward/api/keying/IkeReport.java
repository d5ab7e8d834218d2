package io.homeward.api.keying;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@code homeward:ike} shows: whether IKE runs (or why it is idle), each peer and what IKE does about it, and
 * each IKE SA with its peer, role, state, endpoints, algorithms, age, time to its rekey and Child SAs.
 *
 * @since 1.1
 */
public record IkeReport(String state, List<PeerLine> peers, List<SaLine> sas) {

    /**
     * A listed peer: host name, ULA, public endpoint and what IKE does about it.
     *
     * @since 1.1
     */
    public record PeerLine(String host, String ula, String endpoint, String keying) {
    }

    /**
     * An IKE SA: the peer (its host name once authenticated, else its endpoint), whether this side initiated it, its
     * state, this side's and the peer's endpoint, the algorithms, its age, the time to its rekey (empty when none is
     * due) and its Child SAs, one line each.
     *
     * @since 1.1
     */
    public record SaLine(String peer, boolean initiator, String state, String local, String remote, String algorithms,
            Duration age, Optional<Duration> rekeyIn, List<String> children) {
    }

    /** As {@code homeward:ike} prints it. */
    public String text() {
        StringBuilder out = new StringBuilder("IKE: ").append(state).append('\n');
        out.append("Peers:").append(peers.isEmpty() ? " none\n" : "\n");
        for (PeerLine peer : peers) {
            out.append(String.format("  %-16s %-40s %-24s %s%n", peer.host(), peer.ula(), peer.endpoint(),
                    peer.keying()));
        }
        out.append("IKE SAs:").append(sas.isEmpty() ? " none\n" : "\n");
        for (SaLine sa : sas) {
            out.append(String.format("  %-16s %-9s %-11s %s <-> %s  %s  age %d s  rekey in %s%n", sa.peer(),
                    sa.initiator() ? "initiator" : "responder", sa.state(), sa.local(), sa.remote(),
                    sa.algorithms().isEmpty() ? "(not negotiated yet)" : sa.algorithms(), sa.age().toSeconds(),
                    sa.rekeyIn().map(in -> in.toSeconds() + " s").orElse("-")));
            if (sa.children().isEmpty()) {
                out.append("      child: none\n");
            }
            sa.children().forEach(child -> out.append("      child: ").append(child).append('\n'));
        }
        return out.toString();
    }
}
