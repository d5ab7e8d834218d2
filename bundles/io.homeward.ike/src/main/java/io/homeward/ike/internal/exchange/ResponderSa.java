package io.homeward.ike.internal.exchange;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.homeward.api.sa.SaSpec;
import io.homeward.ike.internal.crypto.KeyExchange;
import io.homeward.ike.internal.crypto.SignatureAuth;
import io.homeward.ike.internal.proposal.ChildChoice;
import io.homeward.ike.internal.proposal.IkeChoice;
import io.homeward.ike.internal.wire.ExchangeType;
import io.homeward.ike.internal.wire.IdPayload;
import io.homeward.ike.internal.wire.IkeHeader;
import io.homeward.ike.internal.wire.IkeMessage;
import io.homeward.ike.internal.wire.KePayload;
import io.homeward.ike.internal.wire.NoncePayload;
import io.homeward.ike.internal.wire.NotifyPayload;
import io.homeward.ike.internal.wire.NotifyType;
import io.homeward.ike.internal.wire.Payload;
import io.homeward.ike.internal.wire.SaPayload;
import io.homeward.ike.internal.wire.TrafficSelectorPayload;
import io.homeward.kit.schedule.Scheduler.Scheduled;

/**
 * The responder of an IKE SA (RFC 7296 §1.2) from the IKE_SA_INIT request the engine accepted: the response with
 * CERTREQ for the account CA, then IKE_AUTH — the initiator authenticated by {@link PeerCertificateCheck} and its
 * AUTH, or answered with AUTHENTICATION_FAILED and forgotten (§2.21.2) — and the first Child SA, narrowed to the
 * two ULAs (§2.9). INITIAL_CONTACT goes both ways (§2.4): in the response to the first IKE_AUTH from a peer since
 * the engine started, and from the initiator it closes the initiator's older IKE SAs here before the Child SA is
 * placed. Half-open until IKE_AUTH succeeds, and dropped when that takes longer than the half-open timeout (ikev2.md
 * §7).
 */
final class ResponderSa extends IkeSa {
    /** Where the IKE_SA_INIT request came from, which the engine knows a retransmission of it by (§2.1). */
    final InetSocketAddress initiatedFrom;
    private Scheduled halfOpenTimer;
    private boolean halfOpen;

    /**
     * The state of a new responder SA and its IKE_SA_INIT response; nothing is sent before {@link #start()}.
     *
     * @throws GeneralSecurityException when the initiator's key exchange value is refused
     */
    ResponderSa(IkeContext context, IkeEngine engine, long responderSpi, IkeMessage request, byte[] datagram,
            InetSocketAddress from, IkeChoice choice, KePayload ke, NoncePayload nonce)
            throws GeneralSecurityException {
        super(context, engine, false, request.header().initiatorSpi(), responderSpi, from, IkeSaState.HALF_OPEN);
        initiatedFrom = from;
        ni = nonce.data();
        nr = context.nonce();
        initRequest = datagram;
        openedRequest = datagram;
        KeyExchange keyExchange = choice.suite().group().generate(context.random());
        keyed(choice.suite(), keyExchange.sharedSecret(ke.data()));
        announcements(request);
        List<Payload> payloads = new ArrayList<>();
        payloads.add(choice.answer(new byte[0]));
        payloads.add(new KePayload(choice.suite().group().transformId(), keyExchange.publicValue()));
        payloads.add(new NoncePayload(nr));
        payloads.add(certificateRequest());
        payloads.addAll(natDetection());
        payloads.add(SignatureAuth.hashAlgorithmsNotify());
        payloads.add(NotifyPayload.of(NotifyType.IKEV2_FRAGMENTATION_SUPPORTED));
        initResponse = new IkeMessage(IkeHeader.of(initiatorSpi, responderSpi, ExchangeType.IKE_SA_INIT, true, false,
                0), payloads).encode();
    }

    /** Sends the IKE_SA_INIT response and counts the SA half-open until IKE_AUTH or the timeout. */
    void start() {
        context.halfOpen().opened(initiatedFrom.getAddress());
        halfOpen = true;
        halfOpenTimer = context.scheduler().schedule(() -> {
            if (state == IkeSaState.HALF_OPEN) {
                close("no IKE_AUTH within " + context.settings().halfOpenTimeout().toSeconds() + " s");
            }
        }, context.settings().halfOpenTimeout());
        sendResponse(0, List.of(initResponse));
    }

    /** No longer half-open: authenticated, refused or closed. Idempotent. */
    void leaveHalfOpen() {
        if (halfOpen) {
            halfOpen = false;
            halfOpenTimer.cancel();
            context.halfOpen().closed(initiatedFrom.getAddress());
        }
    }

    @Override
    void response(ExchangeType exchange, IkeMessage message, byte[] datagram, List<Payload> payloads) {
        context.logger().debug("IKE SA {}: a {} response, but this side sent no request", this, exchange);
    }

    @Override
    void request(ExchangeType exchange, int messageId, List<Payload> payloads) {
        if (exchange != ExchangeType.IKE_AUTH || state != IkeSaState.HALF_OPEN) {
            context.logger().debug("IKE SA {}: {} request {} not handled in state {}", this, exchange, messageId,
                    state);
            return;
        }
        Optional<String> refusal = refusal(payloads, initRequest, nr, keys.skPi(), Optional.empty());
        if (refusal.isPresent()) {
            context.logger().warn("IKE SA {}: IKE_AUTH from {} refused: {}; answered AUTHENTICATION_FAILED", this,
                    peerEndpoint, refusal.get());
            sendResponse(messageId, protect(ExchangeType.IKE_AUTH, true, messageId,
                    List.of(NotifyPayload.of(NotifyType.AUTHENTICATION_FAILED))));
            close("the initiator failed authentication");
            return;
        }
        List<Payload> initialContact = initialContact(peerFqdn);
        leaveHalfOpen();
        established();
        mobility.announced(payloads);
        context.logger().info("IKE SA {} with {} established ({})", this, peerFqdn, status().algorithms());
        contactAnnounced(payloads);
        List<Payload> inner = new ArrayList<>(identity(IdPayload.fqdn(true, context.host().fqdn()), initResponse, ni,
                keys.skPr()));
        inner.addAll(initialContact);
        inner.addAll(firstChild(payloads));
        if (mobility.negotiated()) {
            inner.add(Mobility.supported());
        }
        sendResponse(messageId, protect(ExchangeType.IKE_AUTH, true, messageId, inner));
    }

    /**
     * SAr2, TSi and TSr of the first Child SA, installed; or the notify saying why there is none, which leaves the
     * IKE SA up (§1.2): NO_PROPOSAL_CHOSEN, or TS_UNACCEPTABLE when the selectors do not take in both ULAs.
     */
    private List<Payload> firstChild(List<Payload> payloads) {
        Optional<ChildChoice> choice = payloads.stream().filter(SaPayload.class::isInstance)
                .map(SaPayload.class::cast).findFirst()
                .flatMap(sa -> context.settings().childProposals().choose(sa, OptionalInt.empty()));
        if (choice.isEmpty()) {
            context.logger().warn("IKE SA {}: no ESP proposal of {} acceptable, no Child SA", this, peerFqdn);
            noChild("no ESP proposal acceptable (NO_PROPOSAL_CHOSEN)");
            return List.of(NotifyPayload.of(NotifyType.NO_PROPOSAL_CHOSEN));
        }
        Inet6Address own = context.host().ula();
        Optional<Inet6Address> peerUla = context.peers().ula(peerFqdn);
        List<TrafficSelectorPayload> selectors = payloads.stream().filter(TrafficSelectorPayload.class::isInstance)
                .map(TrafficSelectorPayload.class::cast).toList();
        boolean covered = peerUla.isPresent()
                && selectors.stream().anyMatch(ts -> !ts.responder() && TrafficSelectors.covers(ts, peerUla.get()))
                && selectors.stream().anyMatch(ts -> ts.responder() && TrafficSelectors.covers(ts, own));
        if (!covered) {
            context.logger().warn("IKE SA {}: the traffic selectors of {} do not take in its ULA {} and {}", this,
                    peerFqdn, peerUla.map(Inet6Address::getHostAddress).orElse("(unknown)"), own.getHostAddress());
            noChild("traffic selectors refused (TS_UNACCEPTABLE)");
            return List.of(NotifyPayload.of(NotifyType.TS_UNACCEPTABLE));
        }
        int spi = reserveSpi();
        SaSpec spec = ChildSaInstall.spec(peerUla.get(), peerEndpoint, spi, choice.get(),
                context.settings().suite(choice.get().suite().cipher()).orElseThrow(), keys, Optional.empty(), ni, nr,
                false);
        if (!installFirst(spec, choice.get().suite())) {
            context.logger().info("IKE SA {}: no Child SA for {}: another IKE SA with it takes precedence"
                    + " (simultaneous start); answered TS_UNACCEPTABLE", this, peerFqdn);
            noChild("another IKE SA with " + peerFqdn + " takes precedence (simultaneous start)");
            return List.of(NotifyPayload.of(NotifyType.TS_UNACCEPTABLE));
        }
        return List.of(choice.get().answer(spi), TrafficSelectors.of(false, peerUla.get()),
                TrafficSelectors.of(true, own));
    }
}
