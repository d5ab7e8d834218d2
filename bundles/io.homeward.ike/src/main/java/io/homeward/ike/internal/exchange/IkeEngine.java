package io.homeward.ike.internal.exchange;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.homeward.ike.internal.proposal.IkeChoice;
import io.homeward.ike.internal.wire.ExchangeType;
import io.homeward.ike.internal.wire.IkeFormatException;
import io.homeward.ike.internal.wire.IkeHeader;
import io.homeward.ike.internal.wire.IkeMessage;
import io.homeward.ike.internal.wire.KePayload;
import io.homeward.ike.internal.wire.NoncePayload;
import io.homeward.ike.internal.wire.NotifyPayload;
import io.homeward.ike.internal.wire.NotifyType;
import io.homeward.ike.internal.wire.Payload;
import io.homeward.ike.internal.wire.SaPayload;

/**
 * The IKE SAs of this host and the datagrams between them and the network (RFC 7296 §2): a received message goes to
 * the SA its SPI names, and a new IKE_SA_INIT request is answered statelessly (COOKIE when too many SAs are
 * half-open, §2.6; NO_PROPOSAL_CHOSEN; INVALID_KE_PAYLOAD, §1.2) or makes a responder SA. A datagram that does not
 * decode, names no SA or does not authenticate is dropped and changes nothing. A peer's first IKE_AUTH since this
 * engine started carries INITIAL_CONTACT, which makes the peer drop the IKE SAs it still holds from this host's run
 * before (§2.4), and the peer's does the same here. Not thread-safe: one thread (the scheduler's) calls everything,
 * the timers included.
 */
public final class IkeEngine {
    private final IkeContext context;
    private final Map<Long, IkeSa> bySpi = new HashMap<>();
    /** Responder SAs by the initiator's SPI and address, which tell a retransmitted IKE_SA_INIT (§2.1). */
    private final Map<InitiatorKey, ResponderSa> byInitiator = new HashMap<>();

    /** The FQDNs of the peers this engine established an IKE SA with, which INITIAL_CONTACT goes to no more. */
    private final Set<String> contacted = new HashSet<>();
    /** Counts the engine's steps that {@link #initialContact} orders: IKE SAs started and established. */
    private long steps;

    private record InitiatorKey(long initiatorSpi, InetSocketAddress from) {
    }

    public IkeEngine(IkeContext context) {
        this.context = context;
    }

    /**
     * Starts an IKE SA with one of the user's hosts, whose first Child SA joins this host's ULA and the peer's.
     *
     * @return the initiator SPI, which names the SA in {@link #status()}
     */
    public long initiate(String peerFqdn, Inet6Address peerUla, InetSocketAddress endpoint) {
        InitiatorSa sa = new InitiatorSa(context, this, newSpi(), peerFqdn, peerUla, endpoint);
        bySpi.put(sa.localSpi(), sa);
        sa.start();
        return sa.localSpi();
    }

    /** One IKE message (or SKF fragment) from the tunnel port, without the non-ESP marker. */
    public void received(byte[] buffer, int offset, int length, InetSocketAddress from) {
        byte[] datagram = Arrays.copyOfRange(buffer, offset, offset + length);
        IkeMessage message;
        try {
            message = IkeMessage.decode(datagram, 0, datagram.length);
        } catch (IkeFormatException e) {
            context.logger().debug("IKE: dropped a malformed datagram from {}: {}", from, e.getMessage());
            return;
        }
        IkeHeader header = message.header();
        Optional<ExchangeType> exchange = ExchangeType.of(header.exchangeType());
        if (exchange.isEmpty()) {
            context.logger().debug("IKE: dropped exchange type {} from {}", header.exchangeType(), from);
            return;
        }
        try {
            if (exchange.get() == ExchangeType.IKE_SA_INIT && !header.isResponse()) {
                initRequested(message, datagram, from);
                return;
            }
            IkeSa sa = bySpi.get(header.fromOriginalInitiator() ? header.responderSpi() : header.initiatorSpi());
            if (sa == null) {
                context.logger().debug("IKE: dropped a {} message from {} for no known IKE SA", exchange.get(), from);
            } else {
                sa.received(message, datagram, exchange.get(), from);
            }
        } catch (RuntimeException e) {
            context.logger().warn("IKE: a {} message from {} was dropped half-handled: {}", exchange.get(), from,
                    e.toString());
        }
    }

    /** Every IKE SA that is not closed. */
    public List<IkeSaStatus> status() {
        return bySpi.values().stream().map(IkeSa::status).toList();
    }

    /**
     * Closes an IKE SA here without telling the peer: its Child SA stays in the SA database until removed there.
     *
     * @return false when no SA has this SPI
     */
    public boolean close(long localSpi, String reason) {
        IkeSa sa = bySpi.get(localSpi);
        if (sa == null) {
            return false;
        }
        sa.close(reason);
        return true;
    }

    /**
     * Deletes an IKE SA: the peer is told with an INFORMATIONAL DELETE if it is established, then it closes here.
     *
     * @return false when no SA has this SPI
     */
    public boolean delete(long localSpi, String reason) {
        IkeSa sa = bySpi.get(localSpi);
        if (sa == null) {
            return false;
        }
        sa.delete(reason);
        return true;
    }

    /**
     * This host's endpoint changed (a new network or NAT mapping): every established IKE SA tells its peer from the
     * new path, with MOBIKE's UPDATE_SA_ADDRESSES where it may (RFC 4555 §3.5).
     */
    public void localEndpointMoved(String why) {
        List.copyOf(bySpi.values()).forEach(sa -> sa.mobility.moved(why));
    }

    /**
     * The peer of an IKE SA is elsewhere now, as the peer directory says: requests and answers go there, and so do the
     * SA's Child SA pairs. Nothing happens when no SA has this SPI or it talks there already.
     */
    public void peerMoved(long localSpi, InetSocketAddress to, String why) {
        sa(localSpi).ifPresent(sa -> sa.mobility.told(to, why));
    }

    /**
     * Measures the round trip to the peer of an established IKE SA with an empty INFORMATIONAL request (RFC 7296
     * §2.4); the consumer is told it when the answer comes. Without an answer after the retransmissions the SA closes,
     * as for the liveness check.
     *
     * @return false when no SA has this SPI, or it is not established, or too many of its requests wait
     */
    public boolean probe(long localSpi, Consumer<Duration> answered) {
        return sa(localSpi).filter(sa -> sa.probe(answered)).isPresent();
    }

    /**
     * Rekeys the newest Child SA of an IKE SA now (RFC 7296 §1.3.3).
     *
     * @return false when no SA has this SPI, or it has no Child SA that can be rekeyed now
     */
    public boolean rekeyChild(long localSpi) {
        return sa(localSpi).filter(ChildRekey::rekeyNewest).isPresent();
    }

    /**
     * Rekeys an IKE SA now (RFC 7296 §1.3.2).
     *
     * @return false when no SA has this SPI, or it cannot be rekeyed now (not established, another exchange under
     *         way)
     */
    public boolean rekeyIke(long localSpi, String why) {
        return sa(localSpi).filter(sa -> sa.ikeRekey.start(why)).isPresent();
    }

    /** The SA with this local SPI. */
    Optional<IkeSa> sa(long localSpi) {
        return Optional.ofNullable(bySpi.get(localSpi));
    }

    /** A new SA made by a rekey (§2.18), found by its SPI from now on. */
    void adopt(IkeSa sa) {
        bySpi.put(sa.localSpi(), sa);
    }

    /** Called by an SA as it closes. */
    void forget(IkeSa sa) {
        bySpi.remove(sa.localSpi(), sa);
        if (sa instanceof ResponderSa responder) {
            byInitiator.remove(new InitiatorKey(sa.initiatorSpi, responder.initiatedFrom), responder);
            responder.leaveHalfOpen();
        }
    }

    /** The next step of this engine: later steps have higher numbers, even at one instant of the clock. */
    long step() {
        return ++steps;
    }

    /** Whether this engine has established no IKE SA with the peer yet: its IKE_AUTH says INITIAL_CONTACT (§2.4). */
    boolean firstContact(String peerFqdn) {
        return !contacted.contains(peerFqdn.toLowerCase(Locale.ROOT));
    }

    /** An IKE SA with the peer was established: this engine has been in contact with it. */
    void contacted(String peerFqdn) {
        contacted.add(peerFqdn.toLowerCase(Locale.ROOT));
    }

    /**
     * The peer of {@code fresh} announced INITIAL_CONTACT in its authenticated IKE_AUTH (RFC 7296 §2.4): it restarted
     * and has no other IKE SA with this host, so every IKE SA with it that was established before {@code fresh} started
     * here is gone at the peer and closes here, its Child SAs with it. Without a DELETE: the peer could not open one
     * sealed with keys it forgot. An IKE SA not yet established (this side's own negotiation under way) or established
     * since {@code fresh} started (both hosts started at once after a restart) is none the peer forgot, and stays.
     */
    void initialContact(IkeSa fresh) {
        context.logger().debug("IKE SA {}: {} announced INITIAL_CONTACT (RFC 7296 §2.4)", fresh, fresh.peerFqdn);
        for (IkeSa old : List.copyOf(bySpi.values())) {
            if (old != fresh && old.state == IkeSaState.ESTABLISHED && old.establishedStep < fresh.startedStep
                    && old.peerFqdn.equalsIgnoreCase(fresh.peerFqdn)) {
                String why = "its peer " + fresh.peerFqdn + " restarted (INITIAL_CONTACT on IKE SA " + fresh + ")";
                context.logger().info("IKE SA {}: {}; closed without DELETE (RFC 7296 §2.4)", old, why);
                context.events().deletedByPeer(old.status(), "restarted and forgot its IKE SA");
                old.close(why);
            }
        }
    }

    /** A request to start an IKE SA (§1.2), or the retransmission of one already answered (§2.1). */
    private void initRequested(IkeMessage message, byte[] datagram, InetSocketAddress from) {
        IkeHeader header = message.header();
        ResponderSa known = byInitiator.get(new InitiatorKey(header.initiatorSpi(), from));
        if (known != null) {
            known.received(message, datagram, ExchangeType.IKE_SA_INIT, from);
            return;
        }
        Optional<SaPayload> sa = message.first(SaPayload.class);
        Optional<KePayload> ke = message.first(KePayload.class);
        Optional<NoncePayload> nonce = message.first(NoncePayload.class);
        if (header.responderSpi() != 0 || header.messageId() != 0 || !header.fromOriginalInitiator() || sa.isEmpty()
                || ke.isEmpty() || nonce.isEmpty()) {
            context.logger().debug("IKE: dropped an IKE_SA_INIT request from {} without SA, KE or Nonce", from);
            return;
        }
        HalfOpenCounter halfOpen = context.halfOpen();
        if (!halfOpen.admits()) {
            context.logger().debug("IKE: dropped an IKE_SA_INIT request from {}: {} SAs half-open", from,
                    halfOpen.total());
            return;
        }
        if (halfOpen.cookieRequired(from.getAddress()) && !cookieValid(message, nonce.get(), from)) {
            answerInit(header, NotifyPayload.of(NotifyType.COOKIE,
                    context.cookies().cookie(nonce.get().data(), from.getAddress(), header.initiatorSpi())), from);
            return;
        }
        Optional<IkeChoice> choice = context.settings().ikeProposals().choose(sa.get(), ke.get().group());
        if (choice.isEmpty()) {
            context.logger().info("IKE: no IKE proposal of {} acceptable (NO_PROPOSAL_CHOSEN)", from);
            answerInit(header, NotifyPayload.of(NotifyType.NO_PROPOSAL_CHOSEN), from);
            return;
        }
        int group = choice.get().suite().group().transformId();
        if (group != ke.get().group()) {
            answerInit(header, NotifyPayload.of(NotifyType.INVALID_KE_PAYLOAD,
                    ByteBuffer.allocate(2).putShort((short) group).array()), from);
            return;
        }
        ResponderSa responder;
        try {
            responder = new ResponderSa(context, this, newSpi(), message, datagram, from, choice.get(), ke.get(),
                    nonce.get());
        } catch (GeneralSecurityException e) {
            context.logger().debug("IKE: dropped an IKE_SA_INIT request from {}: {}", from, e.getMessage());
            return;
        }
        bySpi.put(responder.localSpi(), responder);
        byInitiator.put(new InitiatorKey(header.initiatorSpi(), from), responder);
        responder.start();
    }

    /** §2.6: N(COOKIE) must be the request's first payload and carry this responder's cookie for it. */
    private boolean cookieValid(IkeMessage message, NoncePayload nonce, InetSocketAddress from) {
        Payload first = message.payloads().get(0);
        return first instanceof NotifyPayload notify && notify.is(NotifyType.COOKIE) && context.cookies()
                .valid(notify.data(), nonce.data(), from.getAddress(), message.header().initiatorSpi());
    }

    /** An IKE_SA_INIT response of one notify and no state: HDR(SPIi, 0), N (§1.2, §2.6). */
    private void answerInit(IkeHeader request, NotifyPayload notify, InetSocketAddress to) {
        byte[] response = new IkeMessage(IkeHeader.of(request.initiatorSpi(), 0, ExchangeType.IKE_SA_INIT, true, false,
                0), List.of(notify)).encode();
        try {
            context.datagrams().send(response, to);
        } catch (IOException e) {
            context.logger().debug("IKE: sending to {} failed: {}", to, e.getMessage());
        }
    }

    /** A fresh SPI of this side, never 0 (§3.1) and not one in use. */
    long newSpi() {
        long spi;
        do {
            spi = context.random().nextLong();
        } while (spi == 0 || bySpi.containsKey(spi));
        return spi;
    }
}
