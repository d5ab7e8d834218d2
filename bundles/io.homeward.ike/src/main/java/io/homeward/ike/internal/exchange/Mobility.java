package io.homeward.ike.internal.exchange;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.homeward.ike.internal.wire.ExchangeType;
import io.homeward.ike.internal.wire.NotifyPayload;
import io.homeward.ike.internal.wire.NotifyType;
import io.homeward.ike.internal.wire.Payload;

/**
 * Where one IKE SA's peer is, as either end moves. MOBIKE (RFC 4555) when both announced it in IKE_AUTH (§3.2): when
 * this host moves, the original initiator sends UPDATE_SA_ADDRESSES with fresh NAT detection and a COOKIE2 from the new
 * path (§3.5), and the responder points the IKE SA at the address the authenticated update came from and answers with
 * NAT detection and the COOKIE2 echoed. Without MOBIKE, or when the responder moved (MOBIKE lets only the initiator
 * update), an authenticated request from a new address moves the IKE SA when a NAT is on the way (RFC 7296 §2.23),
 * and a host that moved sends an empty INFORMATIONAL so that its peer follows. The Child SA pairs move with the IKE
 * SA (keys and sequence numbers kept), and the tunnel also moves them to the source of an authenticated ESP packet
 * (RFC 7296 §2.23).
 */
final class Mobility {
    /** RFC 4555 §3.5: COOKIE2 is 8 to 64 octets. */
    private static final int COOKIE2_LENGTH = 16;

    private final IkeSa sa;
    private final IkeContext context;
    private boolean negotiated;

    Mobility(IkeSa sa, IkeContext context) {
        this.sa = sa;
        this.context = context;
    }

    /** N(MOBIKE_SUPPORTED), which both ends put in IKE_AUTH (RFC 4555 §3.2). */
    static NotifyPayload supported() {
        return NotifyPayload.of(NotifyType.MOBIKE_SUPPORTED);
    }

    /** The peer's IKE_AUTH message: MOBIKE is on when it announced it too. */
    void announced(List<Payload> payloads) {
        negotiated = notify(payloads, NotifyType.MOBIKE_SUPPORTED).isPresent();
    }

    /** An IKE SA made by rekeying another keeps what the other negotiated (RFC 7296 §2.18). */
    void inherit(Mobility old) {
        negotiated = old.negotiated;
    }

    boolean negotiated() {
        return negotiated;
    }

    /** This host's endpoint changed: the peer is told from the new path, with UPDATE_SA_ADDRESSES if it may be. */
    void moved(String why) {
        if (sa.state != IkeSaState.ESTABLISHED) {
            return;
        }
        if (sa.originalInitiator && negotiated) {
            byte[] cookie2 = new byte[COOKIE2_LENGTH];
            context.random().nextBytes(cookie2);
            List<Payload> payloads = new ArrayList<>();
            payloads.add(NotifyPayload.of(NotifyType.UPDATE_SA_ADDRESSES));
            payloads.addAll(sa.natDetection());
            payloads.add(NotifyPayload.of(NotifyType.COOKIE2, cookie2));
            context.logger().info("IKE SA {}: {}; sending UPDATE_SA_ADDRESSES to {}", sa, why, sa.peerFqdn);
            sa.request(new LocalRequest(ExchangeType.INFORMATIONAL, payloads, answer -> updated(answer, cookie2),
                    "UPDATE_SA_ADDRESSES (RFC 4555 §3.5)"));
        } else {
            context.logger().info("IKE SA {}: {}; telling {} from the new path", sa, why, sa.peerFqdn);
            sa.request(new LocalRequest(ExchangeType.INFORMATIONAL, List.of(), answer -> { },
                    "an empty INFORMATIONAL from the new path (RFC 7296 §2.23)"));
        }
    }

    private void updated(List<Payload> answer, byte[] cookie2) {
        if (notify(answer, NotifyType.COOKIE2).filter(echo -> Arrays.equals(echo.data(), cookie2)).isPresent()) {
            context.logger().info("IKE SA {}: {} took UPDATE_SA_ADDRESSES", sa, sa.peerFqdn);
        } else {
            context.logger().warn("IKE SA {}: the answer of {} to UPDATE_SA_ADDRESSES does not echo COOKIE2 (RFC 4555"
                    + " §3.5); ignored", sa, sa.peerFqdn);
        }
    }

    /**
     * A protected request of the peer opened, which came from {@code from}: the IKE SA follows the peer there if this
     * is an UPDATE_SA_ADDRESSES of MOBIKE, or if MOBIKE does not cover the move and a NAT is on the way.
     */
    void requestFrom(InetSocketAddress from, List<Payload> payloads) {
        if (from.equals(sa.peerEndpoint)) {
            return;
        }
        boolean update = notify(payloads, NotifyType.UPDATE_SA_ADDRESSES).isPresent();
        if (negotiated && !sa.originalInitiator) {
            if (update) {
                follow(from, "UPDATE_SA_ADDRESSES (RFC 4555 §3.5)");
            } else {
                context.logger().debug("IKE SA {}: a request from {} without UPDATE_SA_ADDRESSES; the peer stays at"
                        + " {} (RFC 4555 §3.5)", sa, from, sa.peerEndpoint);
            }
        } else if (sa.status().natDetected()) {
            follow(from, "an authenticated request from there behind a NAT (RFC 7296 §2.23)");
        }
    }

    /**
     * What the answer to the peer's INFORMATIONAL request from {@code source} carries besides: NAT detection for
     * UPDATE_SA_ADDRESSES or a request with NAT detection, by which a MOBIKE initiator checks its NAT mapping (RFC 4555
     * §3.5, §3.8), and COOKIE2 echoed (§3.5).
     */
    List<Payload> answer(List<Payload> request, InetSocketAddress source) {
        List<Payload> payloads = new ArrayList<>();
        if (negotiated && (notify(request, NotifyType.UPDATE_SA_ADDRESSES).isPresent()
                || notify(request, NotifyType.NAT_DETECTION_SOURCE_IP).isPresent())) {
            payloads.addAll(sa.natDetection(source));
        }
        notify(request, NotifyType.COOKIE2).ifPresent(payloads::add);
        return payloads;
    }

    /** Someone this host trusts (the peer directory) says where the peer is now. */
    void told(InetSocketAddress to, String why) {
        if (!to.equals(sa.peerEndpoint)) {
            follow(to, why);
        }
    }

    private void follow(InetSocketAddress to, String why) {
        context.logger().info("IKE SA {}: {} moved from {} to {}: {}", sa, sa.peerFqdn, sa.peerEndpoint, to, why);
        sa.peerEndpoint = to;
        if (sa.childPeer != null) {
            context.database().moveEndpoint(sa.childPeer, to);
        }
    }

    private static Optional<NotifyPayload> notify(List<Payload> payloads, NotifyType type) {
        return payloads.stream().filter(NotifyPayload.class::isInstance).map(NotifyPayload.class::cast)
                .filter(notify -> notify.is(type)).findFirst();
    }
}
