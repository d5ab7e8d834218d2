package io.homeward.ike.internal.exchange;

import java.io.IOException;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.sa.SaSpec;
import io.homeward.api.sa.SecurityAssociationDatabase.Sending;
import io.homeward.ike.internal.crypto.AuthOctets;
import io.homeward.ike.internal.crypto.CertificateRequests;
import io.homeward.ike.internal.crypto.FragmentReassembly;
import io.homeward.ike.internal.crypto.IkeSaKeys;
import io.homeward.ike.internal.crypto.NatDetection;
import io.homeward.ike.internal.crypto.SignatureAuth;
import io.homeward.ike.internal.crypto.SkCipher;
import io.homeward.ike.internal.exchange.FirstChildPlacement.Placement;
import io.homeward.ike.internal.proposal.ChildSuite;
import io.homeward.ike.internal.proposal.IkeSuite;
import io.homeward.ike.internal.wire.AuthPayload;
import io.homeward.ike.internal.wire.CertPayload;
import io.homeward.ike.internal.wire.CertReqPayload;
import io.homeward.ike.internal.wire.DeletePayload;
import io.homeward.ike.internal.wire.EncryptedFragmentPayload;
import io.homeward.ike.internal.wire.EncryptedPayload;
import io.homeward.ike.internal.wire.ExchangeType;
import io.homeward.ike.internal.wire.IdPayload;
import io.homeward.ike.internal.wire.IkeFormatException;
import io.homeward.ike.internal.wire.IkeHeader;
import io.homeward.ike.internal.wire.IkeMessage;
import io.homeward.ike.internal.wire.NotifyPayload;
import io.homeward.ike.internal.wire.NotifyType;
import io.homeward.ike.internal.wire.Payload;
import io.homeward.ike.internal.wire.Payloads;
import io.homeward.ike.internal.wire.Proposal;
import io.homeward.ike.internal.wire.SaPayload;
import io.homeward.kit.schedule.Scheduler.Scheduled;

/**
 * One IKE SA: its SPIs, keys and SK protection, the requests this side sent (window size 1, retransmitted on the
 * back-off of {@link Retransmission}, RFC 7296 §2.1, §2.3), the peer's requests (message IDs in order, the last
 * response cached and sent again for a retransmitted request, §2.1), fragment reassembly (RFC 7383 §2.6) and the
 * authentication of the peer (§2.15). The exchanges themselves are the initiator's and the responder's. Runs on
 * the engine's one thread.
 */
abstract class IkeSa {
    /** RFC 7427 §4 hash algorithm identifier of SHA2-256. */
    private static final int SHA2_256 = 2;

    final IkeContext context;
    final IkeEngine engine;
    final boolean originalInitiator;
    final long initiatorSpi;
    long responderSpi;
    /** Where the peer is: where IKE messages go, moved as the peer moves (RFC 4555, RFC 7296 §2.23). */
    InetSocketAddress peerEndpoint;
    IkeSaState state;
    String peerFqdn = "";
    /** The serial number of the peer's certificate once it authenticated (for revocation); null before. */
    BigInteger peerSerial;
    Instant peerNotAfter;

    IkeSuite suite;
    IkeSaKeys keys;
    private SkCipher cipher;
    private int icvLength;
    byte[] ni;
    byte[] nr;
    /** RealMessage1 and RealMessage2 (§2.15): the IKE_SA_INIT request and response as sent. */
    byte[] initRequest;
    byte[] initResponse;
    private boolean peerFragmentation;
    private boolean peerSha256;
    private boolean natDetected;
    /** The peer's ULA, which keys the Child SA pairs, once the first is installed; null before. */
    Inet6Address childPeer;
    final Liveness liveness;
    final Mobility mobility;
    /** The Child SAs of this IKE SA, oldest first (RFC 7296 §1.3). */
    final List<ChildSa> children = new ArrayList<>();
    /** Inbound SPIs the SA database reserved for Child SAs under negotiation; released if this SA closes first. */
    private final Set<Integer> reservedSpis = new HashSet<>();
    /** The rekey of this IKE SA (§2.18). */
    final IkeRekey ikeRekey = new IkeRekey(this);
    private final Instant created;
    /** The engine's step at which this SA started, and at which it (or the SA it rekeys) was established; 0 before. */
    final long startedStep;
    long establishedStep;

    private List<byte[]> outstanding;
    private ExchangeType outstandingExchange;
    private int outstandingId;
    private int sent;
    private Scheduled retransmitTimer;

    /** The original initiator's requests IKE_SA_INIT and IKE_AUTH take message IDs 0 and 1 (§2.2). */
    private static final int FIRST_REQUEST_AFTER_AUTH = 2;
    /** Requests waiting for their turn; more are refused, so a stuck peer cannot make this side queue forever. */
    static final int MAX_QUEUED_REQUESTS = 8;
    /** The message ID of this side's next request once established (§2.2). */
    private int nextRequestId;
    private final Deque<LocalRequest> queued = new ArrayDeque<>();
    /** This side's request outstanding on the established SA, whose response goes to it. */
    private LocalRequest inFlight;
    /** When {@link #inFlight} was first sent. */
    private Instant inFlightSince;
    /** The round trip of the last answered empty INFORMATIONAL request (§2.4); null before one. */
    private Duration roundTrip;
    private int expectedRequestId;
    /** The last request opened: the whole message or its first fragment, as received. */
    byte[] openedRequest;
    private int cachedResponseId = -1;
    /** The request the cached response answers; only an exact retransmission of it is answered again (§2.1). */
    private byte[] cachedRequest;
    private List<byte[]> cachedResponse = List.of();
    /** Where the peer's request being answered came from, which its response goes to (§2.11); null: the peer. */
    private InetSocketAddress requestSource;
    private final FragmentReassembly requestFragments = new FragmentReassembly();
    private final FragmentReassembly responseFragments = new FragmentReassembly();

    IkeSa(IkeContext context, IkeEngine engine, boolean originalInitiator, long initiatorSpi, long responderSpi,
            InetSocketAddress peerEndpoint, IkeSaState state) {
        this(context, engine, originalInitiator, initiatorSpi, responderSpi, peerEndpoint, state,
                originalInitiator ? FIRST_REQUEST_AFTER_AUTH : 0);
    }

    /** @param firstRequestId the message ID of this side's first request on the established SA (§2.2) */
    IkeSa(IkeContext context, IkeEngine engine, boolean originalInitiator, long initiatorSpi, long responderSpi,
            InetSocketAddress peerEndpoint, IkeSaState state, int firstRequestId) {
        this.context = context;
        this.engine = engine;
        this.originalInitiator = originalInitiator;
        this.initiatorSpi = initiatorSpi;
        this.responderSpi = responderSpi;
        this.peerEndpoint = peerEndpoint;
        this.state = state;
        this.nextRequestId = firstRequestId;
        this.created = context.clock().instant();
        this.startedStep = engine.step();
        this.liveness = new Liveness(this, context);
        this.mobility = new Mobility(this, context);
    }

    /** The SPI this side chose, which the engine finds the SA by. */
    final long localSpi() {
        return originalInitiator ? initiatorSpi : responderSpi;
    }

    /** A response to this side's outstanding request, its payloads opened. */
    abstract void response(ExchangeType exchange, IkeMessage message, byte[] datagram, List<Payload> payloads);

    /** The peer's next request, its payloads opened. */
    abstract void request(ExchangeType exchange, int messageId, List<Payload> payloads);

    /**
     * A datagram from {@code from} that the engine found this SA by; dropped unless it is the response or request due
     * (§2.1, §2.3).
     */
    final void received(IkeMessage message, byte[] datagram, ExchangeType exchange, InetSocketAddress from) {
        IkeHeader header = message.header();
        boolean initRequestRepeated = exchange == ExchangeType.IKE_SA_INIT && !header.isResponse()
                && header.responderSpi() == 0;
        if (state == IkeSaState.CLOSED || header.fromOriginalInitiator() == originalInitiator
                || header.initiatorSpi() != initiatorSpi
                || responderSpi != 0 && header.responderSpi() != responderSpi && !initRequestRepeated) {
            context.logger().debug("IKE SA {}: dropped a message with foreign SPIs or flags", this);
            return;
        }
        int id = header.messageId();
        if (header.isResponse()) {
            if (outstanding == null || id != outstandingId || exchange != outstandingExchange) {
                context.logger().debug("IKE SA {}: dropped a response to message {}, none outstanding", this,
                        Integer.toUnsignedString(id));
                return;
            }
            Optional<List<Payload>> payloads = opened(message, datagram, exchange, responseFragments);
            if (payloads.isPresent()) {
                liveness.heard();
                stopRetransmitting();
                LocalRequest answered = inFlight;
                inFlight = null;
                if (answered == null) {
                    response(exchange, message, datagram, payloads.get());
                } else {
                    if (answered.exchange() == ExchangeType.INFORMATIONAL && answered.payloads().isEmpty()) {
                        roundTrip = Duration.between(inFlightSince, context.clock().instant());
                    }
                    answered.answered().accept(payloads.get());
                    sendNextRequest();
                }
            }
        } else if (id == cachedResponseId) {
            if (firstOrWhole(message) && Arrays.equals(datagram, cachedRequest)) {
                context.logger().debug("IKE SA {}: request {} again, the cached response sent again", this, id);
                transmit(cachedResponse, from);
            }
        } else if (id == expectedRequestId) {
            Optional<List<Payload>> payloads = opened(message, datagram, exchange, requestFragments);
            payloads.ifPresent(opened -> requestSource = from);
            if (payloads.isPresent() && state == IkeSaState.ESTABLISHED) {
                liveness.heard();
                mobility.requestFrom(from, payloads.get());
                establishedRequest(exchange, id, payloads.get());
            } else if (payloads.isPresent()) {
                request(exchange, id, payloads.get());
            }
        } else {
            context.logger().debug("IKE SA {}: dropped request {}, expecting {}", this, Integer.toUnsignedString(id),
                    expectedRequestId);
        }
    }

    /** The payloads in the clear, opened from SK, or reassembled from SKF once every fragment is in (RFC 7383). */
    private Optional<List<Payload>> opened(IkeMessage message, byte[] datagram, ExchangeType exchange,
            FragmentReassembly fragments) {
        if (exchange == ExchangeType.IKE_SA_INIT) {
            return Optional.of(message.payloads());
        }
        if (cipher == null) {
            return Optional.empty();
        }
        List<Payload> payloads = message.payloads();
        Payload last = payloads.isEmpty() ? null : payloads.get(payloads.size() - 1);
        try {
            if (last instanceof EncryptedPayload) {
                List<Payload> inner = cipher.open(datagram, 0, datagram.length, message);
                openedAs(message, datagram);
                return Optional.of(inner);
            }
            if (last instanceof EncryptedFragmentPayload && peerFragmentation) {
                SkCipher.Fragment fragment = cipher.openFragment(datagram, 0, datagram.length, message);
                openedAs(message, datagram);
                return fragments.add(fragment);
            }
            context.logger().debug("IKE SA {}: dropped an unprotected {} message", this, exchange);
        } catch (GeneralSecurityException | IkeFormatException e) {
            context.logger().debug("IKE SA {}: dropped a {} message that does not open: {}", this, exchange,
                    e.getMessage());
        }
        return Optional.empty();
    }

    private void openedAs(IkeMessage message, byte[] datagram) {
        if (!message.header().isResponse() && firstOrWhole(message)) {
            openedRequest = datagram;
        }
    }

    /** A whole message or the first of its fragments: one retransmission of a request asks for one response. */
    private static boolean firstOrWhole(IkeMessage message) {
        return message.first(EncryptedFragmentPayload.class).map(skf -> skf.fragmentNumber() == 1).orElse(true);
    }

    /**
     * Queues a request on the established SA; it is sent when no other request of this side is outstanding (window
     * size 1, §2.3), with the next message ID (§2.2).
     *
     * @return false, the request dropped, when the SA is not established or {@link #MAX_QUEUED_REQUESTS} wait
     */
    final boolean request(LocalRequest request) {
        if (state != IkeSaState.ESTABLISHED || queued.size() >= MAX_QUEUED_REQUESTS) {
            context.logger().debug("IKE SA {}: {} not sent: state {}, {} requests waiting", this, request.purpose(),
                    state, queued.size());
            return false;
        }
        queued.add(request);
        if (outstanding == null) {
            sendNextRequest();
        }
        return true;
    }

    /** Whether this side has no request outstanding or waiting. */
    final boolean idle() {
        return outstanding == null && queued.isEmpty();
    }

    private void sendNextRequest() {
        LocalRequest next = queued.poll();
        if (next == null || state != IkeSaState.ESTABLISHED) {
            return;
        }
        int messageId = nextRequestId++;
        inFlight = next;
        inFlightSince = context.clock().instant();
        context.logger().debug("IKE SA {}: {} request {}: {}", this, next.exchange(), messageId, next.purpose());
        sendRequest(next.exchange(), messageId, protect(next.exchange(), false, messageId, next.payloads()));
    }

    /** Sends a request and retransmits it until its response comes or the peer is taken for dead (§2.1, §2.4). */
    final void sendRequest(ExchangeType exchange, int messageId, List<byte[]> datagrams) {
        stopRetransmitting();
        outstanding = datagrams;
        outstandingExchange = exchange;
        outstandingId = messageId;
        sent = 0;
        transmitRequest();
    }

    private void transmitRequest() {
        transmit(outstanding, peerEndpoint);
        sent++;
        retransmitTimer = context.scheduler().schedule(this::retransmitDue,
                context.settings().retransmission().wait(sent));
    }

    private void retransmitDue() {
        if (outstanding == null || state == IkeSaState.CLOSED) {
            return;
        }
        if (context.settings().retransmission().again(sent)) {
            context.logger().debug("IKE SA {}: no response to {} request {}, sending it again", this,
                    outstandingExchange, outstandingId);
            transmitRequest();
        } else {
            close("no response to " + outstandingExchange + " request " + outstandingId + " after " + sent
                    + " sendings: the peer is taken for dead (RFC 7296 §2.4)");
        }
    }

    private void stopRetransmitting() {
        if (retransmitTimer != null) {
            retransmitTimer.cancel();
            retransmitTimer = null;
        }
        outstanding = null;
    }

    /**
     * Sends the response to the peer's request, to where the request came from (§2.11), and keeps it for a
     * retransmission of that request (§2.1).
     */
    final void sendResponse(int messageId, List<byte[]> datagrams) {
        cachedResponseId = messageId;
        cachedRequest = openedRequest;
        cachedResponse = datagrams;
        expectedRequestId = messageId + 1;
        transmit(datagrams, requestSource == null ? peerEndpoint : requestSource);
    }

    private void transmit(List<byte[]> datagrams, InetSocketAddress to) {
        for (byte[] datagram : datagrams) {
            try {
                context.datagrams().send(datagram, to);
            } catch (IOException e) {
                context.logger().debug("IKE SA {}: sending to {} failed: {}", this, to, e.getMessage());
            }
        }
    }

    /**
     * The message protected by SK (RFC 7296 §3.14), or by SKF fragments when it would exceed the largest message and
     * the peer supports fragmentation (RFC 7383 §2.5).
     */
    final List<byte[]> protect(ExchangeType exchange, boolean response, int messageId, List<Payload> inner) {
        IkeHeader header = IkeHeader.of(initiatorSpi, responderSpi, exchange, response, originalInitiator, messageId);
        int whole = IkeHeader.LENGTH + Payloads.GENERIC_HEADER_LENGTH + SkCipher.IV_LENGTH + Payloads.length(inner) + 1
                + icvLength;
        int limit = context.settings().maxMessageLength();
        try {
            return peerFragmentation && whole > limit ? cipher.sealFragments(header, inner, limit)
                    : List.of(cipher.seal(header, inner));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the SK payload cannot be sealed: " + e.getMessage(), e);
        }
    }

    /** Derives the IKE SA's keys (§2.14) once the nonces and both SPIs are known. */
    final void keyed(IkeSuite negotiated, byte[] sharedSecret) throws GeneralSecurityException {
        use(negotiated, IkeSaKeys.derive(negotiated.prf(), negotiated.cipher().keyMaterialLength(), sharedSecret, ni,
                nr, initiatorSpi, responderSpi));
    }

    /** SK protection with these keys of the negotiated suite (§3.14); their row for tshark at trace level. */
    private void use(IkeSuite negotiated, IkeSaKeys derived) throws GeneralSecurityException {
        CryptoSuite crypto = context.settings().suite(negotiated.cipher())
                .orElseThrow(() -> new GeneralSecurityException("no installed suite for " + negotiated.cipher()));
        keys = derived;
        cipher = SkCipher.of(crypto, keys, originalInitiator);
        icvLength = crypto.icvLength();
        suite = negotiated;
        DecryptionTableLog.keyed(context.logger(), negotiated.cipher(), initiatorSpi, responderSpi, keys);
    }

    /**
     * The keys of a rekey (§2.18) and what the peer of the SA it replaces announced and proved: fragmentation,
     * signature hashes, NAT, its FQDN and certificate.
     */
    final void rekeyedFrom(IkeSa old, IkeSuite negotiated, IkeSaKeys derived) throws GeneralSecurityException {
        use(negotiated, derived);
        peerFragmentation = old.peerFragmentation;
        peerSha256 = old.peerSha256;
        natDetected = old.natDetected;
        peerFqdn = old.peerFqdn;
        peerSerial = old.peerSerial;
        peerNotAfter = old.peerNotAfter;
        childPeer = old.childPeer;
        roundTrip = old.roundTrip;
        establishedStep = old.establishedStep;
        mobility.inherit(old.mobility);
    }

    /**
     * Authenticated, or made by a rekey: the SA is established, its rekey timer starts (§2.8) and the peer's liveness
     * is watched from now on (§2.4).
     */
    final void established() {
        state = IkeSaState.ESTABLISHED;
        if (establishedStep == 0) {
            establishedStep = engine.step();
        }
        engine.contacted(peerFqdn);
        ikeRekey.schedule();
        liveness.start();
        if (childPeer != null) {
            liveness.child();
        }
    }

    /**
     * What the peer's IKE_SA_INIT message announced: fragmentation (RFC 7383 §2.3), SHA2-256 for RFC 7427 signatures
     * (§4), and whether the NAT detection hashes show a NAT on the way (RFC 7296 §2.23).
     */
    final void announcements(IkeMessage message) {
        peerFragmentation = !message.notifies(NotifyType.IKEV2_FRAGMENTATION_SUPPORTED).isEmpty();
        peerSha256 = message.notifies(NotifyType.SIGNATURE_HASH_ALGORITHMS).stream()
                .anyMatch(notify -> announces(notify.data(), SHA2_256));
        long hashedResponderSpi = message.header().isResponse() ? responderSpi : 0;
        List<NotifyPayload> sources = message.notifies(NotifyType.NAT_DETECTION_SOURCE_IP);
        List<NotifyPayload> destinations = message.notifies(NotifyType.NAT_DETECTION_DESTINATION_IP);
        natDetected = !sources.isEmpty() && !destinations.isEmpty()
                && (sources.stream().noneMatch(source -> NatDetection.matches(source.data(), initiatorSpi,
                        hashedResponderSpi, peerEndpoint))
                        || destinations.stream().noneMatch(destination -> NatDetection.matches(destination.data(),
                                initiatorSpi, hashedResponderSpi, context.settings().localEndpoint())));
    }

    private static boolean announces(byte[] hashes, int wanted) {
        ByteBuffer data = ByteBuffer.wrap(hashes);
        while (data.remaining() >= 2) {
            if (Short.toUnsignedInt(data.getShort()) == wanted) {
                return true;
            }
        }
        return false;
    }

    /** N(NAT_DETECTION_SOURCE_IP) and N(NAT_DETECTION_DESTINATION_IP) with the SPIs known so far (§2.23). */
    final List<Payload> natDetection() {
        return natDetection(peerEndpoint);
    }

    /** NAT detection for a message to {@code destination}: a response goes where its request came from (§2.11). */
    final List<Payload> natDetection(InetSocketAddress destination) {
        return List.of(NotifyPayload.of(NotifyType.NAT_DETECTION_SOURCE_IP,
                NatDetection.hash(initiatorSpi, responderSpi, context.settings().localEndpoint())),
                NotifyPayload.of(NotifyType.NAT_DETECTION_DESTINATION_IP,
                        NatDetection.hash(initiatorSpi, responderSpi, destination)));
    }

    /** CERTREQ for the account CA (RFC 7296 §3.7). */
    final CertReqPayload certificateRequest() {
        return CertificateRequests.forAuthorities(List.of(context.check().accountCa().getPublicKey()));
    }

    /**
     * N(INITIAL_CONTACT) for this side's IKE_AUTH when this engine has established no IKE SA with the peer since it
     * started (RFC 7296 §2.4): the peer may still hold IKE SAs with this host from before a restart, which it drops.
     */
    final List<Payload> initialContact(String peer) {
        return engine.firstContact(peer) ? List.of(NotifyPayload.of(NotifyType.INITIAL_CONTACT)) : List.of();
    }

    /**
     * The peer's IKE_AUTH, authenticated and this SA established, announced INITIAL_CONTACT (§2.4): its older IKE SAs
     * with this host go ({@link IkeEngine#initialContact}) before the first Child SA is placed. Only IKE_AUTH asks this.
     */
    final void contactAnnounced(List<Payload> payloads) {
        if (payloads.stream().anyMatch(payload -> payload instanceof NotifyPayload notify
                && notify.is(NotifyType.INITIAL_CONTACT))) {
            engine.initialContact(this);
        }
    }

    /** This side's ID, certificates and AUTH (§2.15): method 14 if the peer announced SHA2-256, else 9. */
    final List<Payload> identity(IdPayload id, byte[] ownInit, byte[] peerNonce, byte[] skP) {
        List<Payload> payloads = new ArrayList<>();
        payloads.add(id);
        payloads.addAll(CertificatePayloads.encode(context.host().sentChain()));
        try {
            payloads.add(SignatureAuth.sign(context.host().privateKey(),
                    AuthOctets.signed(ownInit, peerNonce, keys.prf(), skP, id), peerSha256));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the host key cannot sign: " + e.getMessage(), e);
        }
        return payloads;
    }

    /**
     * Why the peer's ID, certificate and AUTH are refused (§2.15, {@link PeerCertificateCheck}), for the log line;
     * empty when the peer is authenticated, whose FQDN is then known.
     *
     * @param expectedFqdn the FQDN the peer must have, or empty for any host the certificate check accepts
     */
    final Optional<String> refusal(List<Payload> payloads, byte[] peerInit, byte[] ownNonce, byte[] skP,
            Optional<String> expectedFqdn) {
        boolean peerIsResponder = originalInitiator;
        Optional<IdPayload> id = payloads.stream().filter(IdPayload.class::isInstance).map(IdPayload.class::cast)
                .filter(payload -> payload.responder() == peerIsResponder).findFirst();
        Optional<AuthPayload> auth = payloads.stream().filter(AuthPayload.class::isInstance)
                .map(AuthPayload.class::cast).findFirst();
        if (id.isEmpty() || auth.isEmpty()) {
            return Optional.of("no ID or no AUTH payload");
        }
        if (id.get().idType() != IdPayload.ID_FQDN) {
            return Optional.of("ID type " + id.get().idType() + ", not ID_FQDN");
        }
        String fqdn = new String(id.get().data(), StandardCharsets.US_ASCII);
        if (expectedFqdn.isPresent() && !expectedFqdn.get().equalsIgnoreCase(fqdn)) {
            return Optional.of("ID_FQDN " + fqdn + ", expected " + expectedFqdn.get());
        }
        try {
            X509Certificate certificate = context.check().check(CertificatePayloads.decode(payloads.stream()
                    .filter(CertPayload.class::isInstance).map(CertPayload.class::cast).toList()), fqdn);
            if (!SignatureAuth.verify(certificate.getPublicKey(),
                    AuthOctets.signed(peerInit, ownNonce, keys.prf(), skP, id.get()), auth.get())) {
                return Optional.of("AUTH of " + fqdn + " does not verify with its certificate's key");
            }
            peerSerial = certificate.getSerialNumber();
            peerNotAfter = certificate.getNotAfter().toInstant();
        } catch (CertificateRefusedException e) {
            return Optional.of("certificate of " + fqdn + " refused, rule " + e.getMessage());
        } catch (GeneralSecurityException e) {
            return Optional.of("AUTH of " + fqdn + ": " + e.getMessage());
        }
        peerFqdn = fqdn;
        return Optional.empty();
    }

    /** The first error notify among the payloads (§3.10.1), if any. */
    static Optional<NotifyPayload> error(List<Payload> payloads) {
        return payloads.stream().filter(NotifyPayload.class::isInstance).map(NotifyPayload.class::cast)
                .filter(notify -> notify.notifyType() < NotifyType.FIRST_STATUS).findFirst();
    }

    static String name(NotifyPayload notify) {
        return notify.known().map(Enum::name).orElse("notify " + notify.notifyType());
    }

    final void close(String reason) {
        if (state == IkeSaState.CLOSED) {
            return;
        }
        state = IkeSaState.CLOSED;
        liveness.stop();
        stopRetransmitting();
        queued.clear();
        inFlight = null;
        ikeRekey.cancel();
        children.forEach(ChildSa::cancelTimers);
        reservedSpis.forEach(context.database()::releaseSpi);
        reservedSpis.clear();
        engine.forget(this);
        context.logger().info("IKE SA {} with {} closed: {}", this, peerFqdn.isEmpty() ? peerEndpoint : peerFqdn,
                reason);
        context.events().closed(status(), reason);
    }

    /**
     * A request of the peer on the established SA. CREATE_CHILD_SA rekeys the IKE SA when its SA payload offers IKE
     * (§1.3.2), else a Child SA (§1.3.3).
     */
    private void establishedRequest(ExchangeType exchange, int messageId, List<Payload> payloads) {
        switch (exchange) {
            case INFORMATIONAL -> informational(messageId, payloads);
            case CREATE_CHILD_SA -> {
                Optional<SaPayload> offer = payloads.stream().filter(SaPayload.class::isInstance)
                        .map(SaPayload.class::cast).findFirst()
                        .filter(sa -> sa.proposals().stream().anyMatch(p -> p.protocol() == Proposal.IKE));
                sendResponse(messageId, protect(exchange, true, messageId, offer.isPresent()
                        ? ikeRekey.answer(offer.get(), payloads) : ChildRekey.answer(this, payloads)));
            }
            default -> context.logger().debug("IKE SA {}: {} request {} dropped on an established SA", this,
                    exchange, Integer.toUnsignedString(messageId));
        }
    }

    /**
     * An INFORMATIONAL request of the peer (RFC 7296 §1.4, §1.5): answered at once, with what MOBIKE echoes
     * ({@link Mobility#answer}); a DELETE of Child SAs removes their pairs and is answered with this side's SPIs of
     * them ({@link ChildRekey#deleted}); a DELETE of the IKE SA closes it here too, and with it its Child SAs unless
     * a rekey moved them to another SA (§2.18).
     */
    private void informational(int messageId, List<Payload> payloads) {
        boolean deletesIkeSa = payloads.stream()
                .anyMatch(p -> p instanceof DeletePayload delete && delete.protocol() == Proposal.IKE);
        List<Payload> answer = new ArrayList<>(ChildRekey.deleted(this, payloads));
        answer.addAll(mobility.answer(payloads, requestSource));
        sendResponse(messageId, protect(ExchangeType.INFORMATIONAL, true, messageId, answer));
        if (deletesIkeSa) {
            ikeRekey.deletedByPeer();
            if (!ikeRekey.replaced()) {
                context.events().deletedByPeer(status(), "deleted its IKE SA");
            }
            close("deleted by the peer (INFORMATIONAL DELETE)");
        }
    }

    /**
     * Tells the peer this established SA is deleted (RFC 7296 §1.4.1) with one INFORMATIONAL request, not waited for:
     * this side is going away; then closes it here.
     */
    final void delete(String reason) {
        if (state == IkeSaState.ESTABLISHED && cipher != null) {
            int messageId = nextRequestId++;
            transmit(protect(ExchangeType.INFORMATIONAL, false, messageId, List.of(DeletePayload.ikeSa())),
                    peerEndpoint);
        }
        close(reason);
    }

    /** Tells the events that this established SA has no Child SA, and why. */
    final void noChild(String reason) {
        context.events().noChild(status(), reason);
    }

    /**
     * Installs the first Child SA where the placement says (simultaneous start, RFC 7296 §2.8) and tells the events;
     * false, its reserved SPI released, when the placement refuses it.
     */
    final boolean installFirst(SaSpec child, ChildSuite childSuite) {
        Placement placement = context.placement().place(status(), child.peer());
        if (placement == Placement.REFUSED) {
            releaseSpi(child.inboundSpi());
            return false;
        }
        childPeer = child.peer();
        ChildRekey.added(this, child, childSuite, placement == Placement.ONLY ? Optional.empty()
                : Optional.of(originalInitiator ? Sending.NOW : Sending.AFTER_FIRST_INBOUND));
        liveness.child();
        return true;
    }

    /**
     * Measures the round trip to the peer with an empty INFORMATIONAL request (§2.4), in turn with this side's other
     * requests; the consumer is told the round trip once it is answered.
     *
     * @return false, nothing sent, when the SA is not established or too many requests wait
     */
    final boolean probe(Consumer<Duration> answered) {
        return request(new LocalRequest(ExchangeType.INFORMATIONAL, List.of(), payloads -> answered.accept(roundTrip),
                "round trip probe (RFC 7296 §2.4)"));
    }

    /** A fresh inbound SPI from the SA database for a Child SA under negotiation (RFC 4303 §2.1). */
    final int reserveSpi() {
        int spi = context.database().reserveSpi();
        reservedSpis.add(spi);
        return spi;
    }

    /** Gives back a reserved SPI whose negotiation failed. */
    final void releaseSpi(int spi) {
        if (reservedSpis.remove(spi)) {
            context.database().releaseSpi(spi);
        }
    }

    /** A reserved SPI the SA database now has a pair for. */
    final void reservationUsed(int spi) {
        reservedSpis.remove(spi);
    }

    final IkeSaStatus status() {
        String algorithms = suite == null ? ""
                : context.settings().suite(suite.cipher()).map(CryptoSuite::name).orElse("?") + "/"
                        + suite.cipher().keyBits() + " " + suite.prf() + " " + suite.group();
        Instant now = context.clock().instant();
        return new IkeSaStatus(originalInitiator, state, initiatorSpi, responderSpi, peerEndpoint, peerFqdn,
                Optional.ofNullable(peerSerial), Optional.ofNullable(peerNotAfter), algorithms, natDetected, childPeer != null,
                Duration.between(created, now), ikeRekey.due().map(due -> Duration.between(now, due)),
                children.stream().map(child -> child.status(now)).toList(), Optional.ofNullable(roundTrip));
    }

    @Override
    public String toString() {
        return String.format("%016x_i %016x_r", initiatorSpi, responderSpi);
    }
}
