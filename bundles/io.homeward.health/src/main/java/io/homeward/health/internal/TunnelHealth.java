package io.homeward.health.internal;

import java.util.List;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.Result;

import io.homeward.api.keying.KeyingState;
import io.homeward.api.keying.KeyingStatus;

/**
 * Whether the tunnels to the user's other hosts can be keyed: a peer whose last negotiation failed is a warning
 * naming it and why; peers without a tunnel are fine (tunnels are keyed on demand and closed when idle).
 */
final class TunnelHealth {
    private TunnelHealth() {
    }

    /** @param keying whether a key exchange runs */
    static Result evaluate(boolean keying, List<KeyingStatus> peers) {
        FormattingResultLog log = new FormattingResultLog();
        if (!keying) {
            log.warn("No key exchange runs: tunnels to the other hosts cannot be keyed. Start bundle io.homeward.ike");
            return new Result(log);
        }
        long up = 0;
        for (KeyingStatus peer : peers) {
            String name = peer.host().isEmpty() ? peer.peer().getHostAddress() : peer.host();
            if (peer.state() == KeyingState.FAILED) {
                log.warn("The tunnel to {} failed since {}: {}", name, peer.since(), OneLine.of(peer.detail()));
            } else if (peer.state() == KeyingState.UP) {
                up++;
            }
        }
        log.info("{} of {} peers with a tunnel up", up, peers.size());
        return new Result(log);
    }
}
