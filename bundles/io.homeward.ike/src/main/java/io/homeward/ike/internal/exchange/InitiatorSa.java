package io.homeward.ike.internal.exchange;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.homeward.api.sa.SaSpec;
import io.homeward.ike.internal.crypto.KeyExchange;
import io.homeward.ike.internal.crypto.KeyExchangeGroup;
import io.homeward.ike.internal.crypto.SignatureAuth;
import io.homeward.ike.internal.proposal.ChildChoice;
import io.homeward.ike.internal.proposal.IkeSuite;
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

/**
 * The original initiator of an IKE SA to one of the user's hosts (RFC 7296 §1.2): IKE_SA_INIT, again with the
 * responder's COOKIE first (§2.6) or with the group its INVALID_KE_PAYLOAD names (§1.2), then IKE_AUTH with this
 * host's certificate, INITIAL_CONTACT if it is the engine's first with the responder (§2.4), and the first Child SA
 * between the two ULAs (§1.3, §2.9), installed once the responder is authenticated, after the responder's
 * INITIAL_CONTACT closed its older IKE SAs here.
 */
final class InitiatorSa extends IkeSa {
    /** IKE_SA_INIT is sent again at most this often for cookies and other groups, so a peer cannot loop it. */
    private static final int MAX_INIT_ROUNDS = 3;
    private static final int MAX_COOKIE_LENGTH = 64;
    private static final int INIT_ID = 0;
    private static final int AUTH_ID = 1;

    private final String expectedPeer;
    private final Inet6Address peerUla;
    private KeyExchange keyExchange;
    private byte[] cookie;
    private int rounds;
    private int childSpi;

    InitiatorSa(IkeContext context, IkeEngine engine, long initiatorSpi, String expectedPeer, Inet6Address peerUla,
            InetSocketAddress endpoint) {
        super(context, engine, true, initiatorSpi, 0, endpoint, IkeSaState.INIT_SENT);
        this.expectedPeer = expectedPeer;
        this.peerUla = peerUla;
        this.ni = context.nonce();
        this.keyExchange = context.settings().ikeProposals().groups().get(0).generate(context.random());
    }

    /** IKE_SA_INIT request: [N(COOKIE)], SAi1, KEi, Ni, N(NAT-D)×2, N(SIGNATURE_HASH_ALGORITHMS), N(FRAG) (§1.2). */
    void start() {
        List<Payload> payloads = new ArrayList<>();
        if (cookie != null) {
            payloads.add(NotifyPayload.of(NotifyType.COOKIE, cookie));
        }
        payloads.add(context.settings().ikeProposals().offer(new byte[0]));
        payloads.add(new KePayload(keyExchange.group().transformId(), keyExchange.publicValue()));
        payloads.add(new NoncePayload(ni));
        payloads.addAll(natDetection());
        payloads.add(SignatureAuth.hashAlgorithmsNotify());
        payloads.add(NotifyPayload.of(NotifyType.IKEV2_FRAGMENTATION_SUPPORTED));
        initRequest = new IkeMessage(IkeHeader.of(initiatorSpi, 0, ExchangeType.IKE_SA_INIT, false, true, INIT_ID),
                payloads).encode();
        sendRequest(ExchangeType.IKE_SA_INIT, INIT_ID, List.of(initRequest));
    }

    @Override
    void response(ExchangeType exchange, IkeMessage message, byte[] datagram, List<Payload> payloads) {
        if (exchange == ExchangeType.IKE_SA_INIT) {
            initAnswered(message, datagram);
        } else {
            authAnswered(payloads);
        }
    }

    @Override
    void request(ExchangeType exchange, int messageId, List<Payload> payloads) {
        context.logger().debug("IKE SA {}: {} request {} from the responder not handled here", this, exchange,
                messageId);
    }

    private void initAnswered(IkeMessage message, byte[] datagram) {
        List<NotifyPayload> cookies = message.notifies(NotifyType.COOKIE);
        List<NotifyPayload> invalidKe = message.notifies(NotifyType.INVALID_KE_PAYLOAD);
        if (!cookies.isEmpty() || !invalidKe.isEmpty()) {
            if (++rounds > MAX_INIT_ROUNDS) {
                close("IKE_SA_INIT answered with COOKIE or INVALID_KE_PAYLOAD " + rounds + " times");
            } else if (!cookies.isEmpty()) {
                cookieAsked(cookies.get(0).data());
            } else {
                groupAsked(invalidKe.get(0).data());
            }
            return;
        }
        Optional<NotifyPayload> error = error(message.payloads());
        if (error.isPresent()) {
            close("the responder refused IKE_SA_INIT with " + name(error.get()));
            return;
        }
        Optional<SaPayload> sa = message.first(SaPayload.class);
        Optional<KePayload> ke = message.first(KePayload.class);
        Optional<NoncePayload> nonce = message.first(NoncePayload.class);
        Optional<IkeSuite> accepted = sa.flatMap(context.settings().ikeProposals()::accepted);
        if (ke.isEmpty() || nonce.isEmpty() || accepted.isEmpty() || message.header().responderSpi() == 0
                || accepted.get().group() != keyExchange.group() || ke.get().group() != keyExchange.group().transformId()) {
            close("the IKE_SA_INIT response lacks SA, KE or Nonce, or answers what was not offered");
            return;
        }
        responderSpi = message.header().responderSpi();
        nr = nonce.get().data();
        initResponse = datagram;
        try {
            keyed(accepted.get(), keyExchange.sharedSecret(ke.get().data()));
        } catch (GeneralSecurityException e) {
            close("the responder's key exchange is refused: " + e.getMessage());
            return;
        }
        announcements(message);
        sendAuth();
    }

    /** §2.6: the same request again, the cookie first. */
    private void cookieAsked(byte[] data) {
        if (data.length == 0 || data.length > MAX_COOKIE_LENGTH) {
            close("a COOKIE of " + data.length + " octets (RFC 7296 §2.6 allows 1 to 64)");
            return;
        }
        cookie = data;
        start();
    }

    /** §1.2: again with a key exchange of the group the responder names, if this side offered it. */
    private void groupAsked(byte[] data) {
        Optional<KeyExchangeGroup> wanted = data.length == 2
                ? KeyExchangeGroup.of(Short.toUnsignedInt(ByteBuffer.wrap(data).getShort()))
                : Optional.empty();
        if (wanted.isEmpty() || wanted.get() == keyExchange.group()
                || !context.settings().ikeProposals().groups().contains(wanted.get())) {
            close("INVALID_KE_PAYLOAD names no other group this side offered");
            return;
        }
        context.logger().debug("IKE SA {}: the responder wants group {}, sending IKE_SA_INIT again", this,
                wanted.get());
        keyExchange = wanted.get().generate(context.random());
        start();
    }

    /**
     * IKE_AUTH request: SK{IDi, CERT+, [N(INITIAL_CONTACT)], CERTREQ, IDr, AUTH, SAi2, TSi, TSr, N(MOBIKE_SUPPORTED)}
     * (§1.2, §2.4, §2.15, RFC 4555 §3.2).
     */
    private void sendAuth() {
        childSpi = reserveSpi();
        IdPayload idi = IdPayload.fqdn(false, context.host().fqdn());
        List<Payload> identity = identity(idi, initRequest, nr, keys.skPi());
        List<Payload> inner = new ArrayList<>(identity.subList(0, identity.size() - 1));
        inner.addAll(initialContact(expectedPeer));
        inner.add(certificateRequest());
        inner.add(IdPayload.fqdn(true, expectedPeer));
        inner.add(identity.get(identity.size() - 1));
        inner.add(context.settings().childProposals().offer(childSpi, false));
        inner.add(TrafficSelectors.of(false, context.host().ula()));
        inner.add(TrafficSelectors.of(true, peerUla));
        inner.add(Mobility.supported());
        state = IkeSaState.AUTH_SENT;
        sendRequest(ExchangeType.IKE_AUTH, AUTH_ID, protect(ExchangeType.IKE_AUTH, false, AUTH_ID, inner));
    }

    private void authAnswered(List<Payload> payloads) {
        Optional<NotifyPayload> error = error(payloads);
        if (error.isPresent() && error.get().is(NotifyType.AUTHENTICATION_FAILED)) {
            context.logger().warn("IKE SA {}: {} refused this host's authentication (AUTHENTICATION_FAILED)", this,
                    expectedPeer);
            close("AUTHENTICATION_FAILED from the responder");
            return;
        }
        Optional<String> refusal = refusal(payloads, initResponse, ni, keys.skPr(), Optional.of(expectedPeer));
        if (refusal.isPresent()) {
            context.logger().warn("IKE SA {}: the responder at {} is refused: {} (AUTHENTICATION_FAILED)", this,
                    peerEndpoint, refusal.get());
            close("the responder failed authentication");
            return;
        }
        established();
        mobility.announced(payloads);
        context.logger().info("IKE SA {} with {} established ({})", this, peerFqdn, status().algorithms());
        contactAnnounced(payloads);
        if (error.isPresent()) {
            releaseSpi(childSpi);
            context.logger().warn("IKE SA {}: {} made no Child SA: {}", this, peerFqdn, name(error.get()));
            noChild(peerFqdn + " answered " + name(error.get()));
            return;
        }
        firstChild(payloads);
    }

    /** SAr2 must be one of the offered proposals and TSi/TSr exactly the two ULAs (§2.9). */
    private void firstChild(List<Payload> payloads) {
        Optional<ChildChoice> choice = payloads.stream().filter(SaPayload.class::isInstance)
                .map(SaPayload.class::cast).findFirst()
                .flatMap(sa -> context.settings().childProposals().accepted(sa, OptionalInt.empty()));
        List<TrafficSelectorPayload> selectors = payloads.stream().filter(TrafficSelectorPayload.class::isInstance)
                .map(TrafficSelectorPayload.class::cast).toList();
        boolean narrowed = selectors.stream().anyMatch(ts -> !ts.responder() && TrafficSelectors.exactly(ts,
                context.host().ula())) && selectors.stream().anyMatch(ts -> ts.responder()
                        && TrafficSelectors.exactly(ts, peerUla));
        if (choice.isEmpty() || !narrowed) {
            context.logger().warn("IKE SA {}: the Child SA {} answered is not one offered, or not between {} and {}",
                    this, peerFqdn, context.host().ula(), peerUla);
            releaseSpi(childSpi);
            noChild("the Child SA answered is not one offered");
            return;
        }
        SaSpec spec = ChildSaInstall.spec(peerUla, peerEndpoint, childSpi, choice.get(),
                context.settings().suite(choice.get().suite().cipher()).orElseThrow(), keys, Optional.empty(), ni, nr,
                true);
        if (!installFirst(spec, choice.get().suite())) {
            context.logger().info("IKE SA {}: the Child SA with {} not installed: another IKE SA with it takes"
                    + " precedence (simultaneous start)", this, peerFqdn);
            noChild("another IKE SA with " + peerFqdn + " takes precedence (simultaneous start)");
        }
    }
}
