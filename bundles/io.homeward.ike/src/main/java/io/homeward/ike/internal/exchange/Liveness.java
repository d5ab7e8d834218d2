package io.homeward.ike.internal.exchange;

import java.net.Inet6Address;
import java.time.Duration;
import java.util.List;

import io.homeward.api.sa.SaStatus;
import io.homeward.ike.internal.wire.ExchangeType;
import io.homeward.kit.schedule.Scheduler.Scheduled;

/**
 * Dead peer detection of one established IKE SA (RFC 7296 §2.4): when for the configured delay no protected IKE
 * message came from the peer and no ESP packet authenticated on its SA pairs (the packets in of the SA database
 * stood still), this side sends an empty INFORMATIONAL request, if it has no request of its own outstanding. The
 * request's retransmission gives up after its schedule and closes the SA: the peer is taken for dead. Because the ESP
 * counters are read when the delay ends, a peer is checked after one to two delays of silence.
 */
final class Liveness {
    private final IkeSa sa;
    private final IkeContext context;
    private Scheduled timer;
    /** The peer's ULA once a Child SA is installed, whose SA pairs show ESP from the peer. */
    private long packetsIn;
    private boolean stopped;

    Liveness(IkeSa sa, IkeContext context) {
        this.sa = sa;
        this.context = context;
    }

    /** The SA is established: the delay starts. */
    void start() {
        heard();
    }

    /** The SA pairs with this peer count as the peer's ESP from now on. */
    void child() {
        packetsIn = espPacketsIn();
    }

    /** A protected IKE message of the peer opened: the delay starts again. */
    void heard() {
        Duration delay = context.settings().dpdDelay();
        if (stopped || delay.isZero()) {
            return;
        }
        cancelTimer();
        timer = context.scheduler().schedule(this::due, delay);
    }

    void stop() {
        stopped = true;
        cancelTimer();
    }

    private void due() {
        timer = null;
        if (stopped) {
            return;
        }
        long now = espPacketsIn();
        if (now != packetsIn) {
            packetsIn = now;
            heard();
            return;
        }
        if (sa.idle()) {
            context.logger().debug("IKE SA {}: nothing from the peer for {} s, checking it is alive", sa,
                    context.settings().dpdDelay().toSeconds());
            sa.request(new LocalRequest(ExchangeType.INFORMATIONAL, List.of(), payloads -> { },
                    "liveness check (RFC 7296 §2.4)"));
        }
        heard();
    }

    /** The packets accepted on every SA pair with the peer; a pair that goes (rekeyed) changes the sum too. */
    private long espPacketsIn() {
        Inet6Address peerUla = sa.childPeer;
        if (peerUla == null) {
            return 0;
        }
        return context.database().list().stream().filter(pair -> pair.peer().equals(peerUla))
                .mapToLong(SaStatus::packetsIn).sum();
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
