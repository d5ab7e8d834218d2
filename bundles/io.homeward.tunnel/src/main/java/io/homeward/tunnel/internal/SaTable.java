package io.homeward.tunnel.internal;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

import org.osgi.service.log.Logger;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.crypto.PacketAead;
import io.homeward.api.sa.MissingSaListener;
import io.homeward.api.sa.SaSpec;
import io.homeward.api.sa.SaStatus;
import io.homeward.api.sa.SecurityAssociationDatabase;

/**
 * The SA pairs of this host, each found by its inbound SPI, grouped by peer ULA with one sending pair per peer (a
 * peer has several pairs while a Child SA is rekeyed make-before-break, RFC 7296 §2.8). Every change publishes a new
 * immutable snapshot, so the packet threads look pairs up without locks and without allocating: by inbound SPI
 * (inbound path) and the peer's sending pair by ULA straight from packet bytes (outbound path). Changes from the
 * control side are serialised by this table's lock; the one change the inbound thread makes — a new pair sending once
 * the peer uses it — is published by compare-and-set, and a control change that loses that race is computed again.
 * <p>
 * On-demand keying (docs/architecture.md): while a {@link MissingSaListener} is registered, a packet to a destination
 * without a pair is held in the {@link KeyingHold} and the listeners are told when the destination starts waiting.
 * The first pair published for a destination takes its held packets, under the hold's lock, the same lock under which
 * the outbound thread, finding no pair, holds a packet: so no packet is held after the pair is published, and every
 * packet held before goes out on the pair before any packet the outbound thread sends on it (see
 * {@link OutboundPath}).
 */
final class SaTable implements SecurityAssociationDatabase {
    /** How long packets from the endpoint a peer was said to have left do not move it back. */
    static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** Told of packets to an address without a pair; changed under the hold's lock. */
    private final Set<MissingSaListener> missingSaListeners = new CopyOnWriteArraySet<>();
    /** A rekey needs two pairs, a simultaneous rekey (RFC 7296 §2.8.1) briefly three; a few spare. */
    static final int MAX_PAIRS_PER_PEER = 8;

    private record Snapshot(Map<Inet6Address, PeerPairs> byPeer, SaIndex sendingByPeer, SaIndex byInboundSpi) {
        static final Snapshot EMPTY = of(Map.of());

        static Snapshot of(Map<Inet6Address, PeerPairs> byPeer) {
            Collection<PeerPairs> peers = byPeer.values();
            return new Snapshot(Map.copyOf(byPeer),
                    new SaIndex(peers.stream().map(PeerPairs::sending).toList(), sa -> highHalf(sa.peer()),
                            sa -> lowHalf(sa.peer())),
                    new SaIndex(peers.stream().flatMap(p -> p.pairs().stream()).toList(), sa -> 0,
                            sa -> sa.inboundSpi() & 0xFFFF_FFFFL));
        }

        /** This snapshot with the peer's pairs replaced, or removed when {@code pairs} is null. */
        Snapshot with(Inet6Address peer, PeerPairs pairs) {
            if (byPeer.get(peer) == pairs) {
                return this;
            }
            Map<Inet6Address, PeerPairs> next = new HashMap<>(byPeer);
            if (pairs == null) {
                next.remove(peer);
            } else {
                next.put(peer, pairs);
            }
            return of(next);
        }
    }

    private final Function<String, CryptoSuite> suiteByName;
    private final Supplier<CryptoSuite> preferredSuite;
    private final LongSupplier nanoTime;
    private final Logger log;
    private final SpiReservations reservations;
    private final List<EndpointListener> listeners = new CopyOnWriteArrayList<>();
    private final TunnelDrops drops = new TunnelDrops();
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(Snapshot.EMPTY);
    private final KeyingHold hold;
    /** Sends the packets a new pair took from the hold; the outbound path sets it. */
    private volatile Consumer<SecurityAssociation> heldSender;

    /**
     * @param suiteByName    the installed suite with this name, or null
     * @param preferredSuite the highest ranked installed suite, or null if none, for specs naming no suite
     * @param nanoTime       a monotonic time source in nanoseconds (the keepalive, SPI reservation and hold clock)
     * @param random         where reserved SPIs come from
     * @param holdLimits     how much is held for destinations keyed on demand
     */
    SaTable(Function<String, CryptoSuite> suiteByName, Supplier<CryptoSuite> preferredSuite, LongSupplier nanoTime,
            RandomGenerator random, HoldLimits holdLimits, Logger log) {
        this.suiteByName = suiteByName;
        this.preferredSuite = preferredSuite;
        this.nanoTime = nanoTime;
        this.log = log;
        this.reservations = new SpiReservations(random, nanoTime);
        this.hold = new KeyingHold(holdLimits, nanoTime, drops, log);
    }

    /** @throws IllegalArgumentException naming what is wrong with the spec; nothing changes then */
    @Override
    public synchronized void install(SaSpec spec) {
        check(spec, true);
        SecurityAssociation sa = key(spec, new OuterPath(spec.peerEndpoint(), nanoTime.getAsLong()), false);
        Snapshot before = publish(sa, s -> s.with(spec.peer(), PeerPairs.only(sa)));
        reservations.release(spec.inboundSpi());
        PeerPairs replaced = before.byPeer().get(spec.peer());
        if (replaced == null) {
            log.info("installed ESP SA pair {}", spec);
        } else {
            log.info("replaced ESP SA pair{} with {} by {}", replaced.pairs().size() == 1 ? "" : "s",
                    spec.peer().getHostAddress(), spec);
        }
        sendHeld(sa);
    }

    /** @throws IllegalArgumentException naming what is wrong with the spec; nothing changes then */
    @Override
    public synchronized void add(SaSpec spec, Sending sending) {
        Objects.requireNonNull(sending, "when the pair sends is required");
        check(spec, false);
        PeerPairs current = snapshot.get().byPeer().get(spec.peer());
        if (current != null && current.pairs().size() >= MAX_PAIRS_PER_PEER) {
            throw new IllegalArgumentException(spec.peer().getHostAddress() + " already has " + MAX_PAIRS_PER_PEER
                    + " SA pairs; remove old ones before adding " + spec);
        }
        OuterPath path = current == null ? new OuterPath(spec.peerEndpoint(), nanoTime.getAsLong())
                : current.sending().path();
        boolean waits = current != null && sending == Sending.AFTER_FIRST_INBOUND;
        SecurityAssociation sa = key(spec, path, waits);
        publish(sa, s -> {
            PeerPairs pairs = s.byPeer().get(spec.peer());
            return s.with(spec.peer(), pairs == null ? PeerPairs.only(sa) : pairs.with(sa, !waits));
        });
        reservations.release(spec.inboundSpi());
        log.info("added ESP SA pair {}, {}", spec, waits ? "sending once the peer uses it" : "sending now");
        if (current != null && spec.peerEndpoint() != null && !spec.peerEndpoint().equals(path.endpoint())) {
            moveEndpoint(sa, spec.peerEndpoint());
        }
        sendHeld(sa);
    }

    /**
     * Publishes a change that installs or adds {@code sa}, under the hold's lock: a peer that had no pair has none
     * held after this, and the packets held until now go to {@code sa}, set before it is published so the outbound
     * thread never sends on it before them. (A peer with pairs has nothing held: packets are held only for a
     * destination without a pair, under the same lock.)
     */
    private Snapshot publish(SecurityAssociation sa, UnaryOperator<Snapshot> change) {
        synchronized (hold) {
            HeldPackets held = hold.take(sa.peer());
            if (held != null) {
                sa.sendFirst(held);
            }
            return update(change);
        }
    }

    /** Sends the packets the new pair took from the hold, if any, before the pair is changed again. */
    private void sendHeld(SecurityAssociation sa) {
        if (sa.held() != null) {
            heldSender.accept(sa);
        }
    }

    @Override
    public synchronized int reserveSpi() {
        Snapshot current = snapshot.get();
        return reservations.reserve(spi -> current.byInboundSpi().find(0, spi & 0xFFFF_FFFFL) != null);
    }

    @Override
    public synchronized void releaseSpi(int spi) {
        reservations.release(spi);
    }

    /** How many inbound SPIs are reserved for negotiations in progress. */
    synchronized int reservedSpis() {
        return reservations.size();
    }

    /** @param replacing whether the spec replaces every pair with its peer, whose inbound SPIs it may then reuse */
    private void check(SaSpec spec, boolean replacing) {
        Objects.requireNonNull(spec, "an SA spec is required");
        if (spec.peer() == null) {
            throw new IllegalArgumentException("the SA spec names no peer ULA: " + spec);
        }
        int in = spec.inboundSpi();
        if (Integer.compareUnsigned(in, Esp.FIRST_ASSIGNABLE_SPI) < 0
                || Integer.compareUnsigned(spec.outboundSpi(), Esp.FIRST_ASSIGNABLE_SPI) < 0) {
            throw new IllegalArgumentException("SPIs 0 to 255 are reserved (RFC 4303 §2.1); choose others: " + spec);
        }
        if (!SpiReservations.assignable(in)) {
            throw new IllegalArgumentException("inbound SPIs 0x0101xxxx are reserved so ESP is never confused with"
                    + " a STUN Binding success response on the same port; choose another: " + spec);
        }
        SecurityAssociation holder = snapshot.get().byInboundSpi().find(0, in & 0xFFFF_FFFFL);
        if (holder != null && !(replacing && holder.peer().equals(spec.peer()))) {
            throw new IllegalArgumentException("inbound SPI " + Integer.toHexString(in) + " is already used by an SA"
                    + " pair with " + holder.peer().getHostAddress() + "; choose another: " + spec);
        }
    }

    /** The spec's pair, keyed. */
    private SecurityAssociation key(SaSpec spec, OuterPath path, boolean awaitingFirstInbound) {
        CryptoSuite suite = suite(spec);
        try {
            PacketAead outbound = suite.newAead(spec.outboundKey());
            PacketAead inbound = suite.newAead(spec.inboundKey());
            return new SecurityAssociation(spec.peer(), spec.inboundSpi(), spec.outboundSpi(), suite.name(),
                    new EspSealer(outbound, spec.outboundSpi(), spec.esn(), suite.icvLength(), 0),
                    new EspOpener(inbound, spec.inboundSpi(), spec.esn(), suite.icvLength(), spec.replayWindow()),
                    path, awaitingFirstInbound);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot key " + suite.name() + " for " + spec + ": " + e.getMessage(),
                    e);
        }
    }

    private CryptoSuite suite(SaSpec spec) {
        String name = spec.suite();
        boolean preferred = name == null || name.isEmpty();
        CryptoSuite suite = preferred ? preferredSuite.get() : suiteByName.apply(name);
        if (suite == null) {
            throw new IllegalArgumentException(preferred ? "no crypto suite is installed; install one to key " + spec
                    : "crypto suite " + name + " is not installed; install it or name another in " + spec);
        }
        // The explicit IV is the 64-bit sequence number (RFC 4106 §3.1 suggests a counter): it must be 8 octets.
        if (suite.ivLength() != EspSealer.IV_LENGTH) {
            throw new IllegalArgumentException("crypto suite " + suite.name() + " has a " + suite.ivLength()
                    + "-octet IV but ESP here carries the 8-octet sequence number as IV; name another suite in "
                    + spec);
        }
        return suite;
    }

    @Override
    public synchronized boolean remove(Inet6Address peer) {
        Snapshot before = update(s -> s.with(peer, null));
        PeerPairs removed = before.byPeer().get(peer);
        if (removed == null) {
            return false;
        }
        log.info("removed the {} ESP SA pair{} with {}", removed.pairs().size(), removed.pairs().size() == 1 ? ""
                : "s", peer.getHostAddress());
        return true;
    }

    @Override
    public synchronized boolean remove(Inet6Address peer, int inboundSpi) {
        Snapshot before = update(s -> {
            PeerPairs pairs = s.byPeer().get(peer);
            SecurityAssociation sa = pairs == null ? null : pairs.byInboundSpi(inboundSpi);
            return sa == null ? s : s.with(peer, pairs.without(sa));
        });
        PeerPairs pairs = before.byPeer().get(peer);
        SecurityAssociation removed = pairs == null ? null : pairs.byInboundSpi(inboundSpi);
        if (removed == null) {
            return false;
        }
        boolean handedOver = removed == pairs.sending() && pairs.pairs().size() > 1;
        log.info("removed the ESP SA pair with {} whose inbound SPI is {}{}", peer.getHostAddress(),
                Integer.toHexString(inboundSpi), handedOver ? "; the newest remaining pair sends now" : "");
        return true;
    }

    @Override
    public void addMissingSaListener(MissingSaListener listener) {
        Objects.requireNonNull(listener, "a listener is required");
        synchronized (hold) {
            missingSaListeners.add(listener);
        }
    }

    /** With the last listener gone, nothing keys on demand: the held packets are dropped. */
    @Override
    public void removeMissingSaListener(MissingSaListener listener) {
        int dropped;
        synchronized (hold) {
            if (!missingSaListeners.remove(listener) || !missingSaListeners.isEmpty()) {
                return;
            }
            dropped = hold.clear();
        }
        if (dropped > 0) {
            log.info("Dropped {} packet{} held for keying: nothing keys on demand any more", dropped,
                    dropped == 1 ? "" : "s");
        }
    }

    /**
     * The outbound thread found no pair for the IPv6 packet's destination: while a listener is registered, holds the
     * packet (telling the listeners when its destination starts waiting), else counts it as dropped. Multicast (the
     * kernel's router and neighbour solicitations on the interface, RFC 4291 §2.7) is never keyed: it is dropped. Returns the
     * destination's pair when one was published meanwhile (the caller sends the packet on it), else null.
     */
    SecurityAssociation holdOrFind(byte[] packet, int offset, int length) {
        if (missingSaListeners.isEmpty() || packet[offset + Esp.IPV6_DESTINATION] == (byte) 0xff) {
            drops.count(TunnelDrops.Reason.NO_SA);
            return null;
        }
        Inet6Address waits;
        synchronized (hold) {
            SecurityAssociation sa = byPeer(packet, offset + Esp.IPV6_DESTINATION);
            if (sa != null) {
                return sa;
            }
            if (missingSaListeners.isEmpty()) {
                drops.count(TunnelDrops.Reason.NO_SA);
                return null;
            }
            waits = hold.add(packet, offset, length);
        }
        if (waits != null) {
            for (MissingSaListener listener : missingSaListeners) {
                try {
                    listener.noSa(waits);
                } catch (RuntimeException e) {
                    log.error("A missing-SA listener failed for {}", waits.getHostAddress(), e);
                }
            }
        }
        return null;
    }

    /** Where the outbound path takes the packets a new pair took from the hold: it sends them on the pair first. */
    void sendHeldThrough(Consumer<SecurityAssociation> sender) {
        heldSender = sender;
    }

    /** The held packets, for the outbound path to send. */
    KeyingHold hold() {
        return hold;
    }

    /** Drops the held packets that waited too long; the owner calls it from a timer. */
    void expireHeld() {
        hold.expire();
    }

    /** What is held for keying, for the report. */
    HoldStatus holdStatus() {
        return new HoldStatus(!missingSaListeners.isEmpty(), hold.limits(), hold.waiting(), hold.held(),
                hold.sent());
    }

    /** Forgets the listeners and drops every held packet: the tunnel stops. */
    void stopHolding() {
        synchronized (hold) {
            missingSaListeners.clear();
            hold.clear();
        }
    }

    /** Every pair, each peer's sending pair before its others. */
    @Override
    public List<SaStatus> list() {
        return snapshot.get().byPeer().values().stream().flatMap(PeerPairs::statuses).toList();
    }

    /**
     * A packet authenticated on a pair that waits to send until then: unless it was removed meanwhile or a newer pair
     * sends already, it becomes the peer's sending pair (RFC 7296 §2.8: the peer has the new keys). Called by the
     * inbound thread, lock-free; the new snapshot is the only allocation, once per such pair.
     */
    void firstInbound(SecurityAssociation sa) {
        Snapshot before = update(s -> {
            PeerPairs pairs = s.byPeer().get(sa.peer());
            return pairs == null ? s : s.with(sa.peer(), pairs.sendingOn(sa));
        });
        sa.firstInboundSeen();
        PeerPairs pairs = before.byPeer().get(sa.peer());
        if (pairs != null && pairs.sendingOn(sa) != pairs) {
            log.info("the ESP SA pair with {} whose inbound SPI is {} sends now: the peer uses it",
                    sa.peer().getHostAddress(), Integer.toHexString(sa.inboundSpi()));
        }
    }

    /** Applies a change to the current snapshot and publishes the result; returns the snapshot it changed. */
    private Snapshot update(UnaryOperator<Snapshot> change) {
        while (true) {
            Snapshot current = snapshot.get();
            Snapshot next = change.apply(current);
            if (next == current || snapshot.compareAndSet(current, next)) {
                return current;
            }
        }
    }

    /** Each peer's sending pair, for keepalives and routes. */
    Collection<SecurityAssociation> sendingPairs() {
        return snapshot.get().byPeer().values().stream().map(PeerPairs::sending).toList();
    }

    /** The peer's pairs, oldest first, or none. */
    List<SecurityAssociation> pairs(Inet6Address peer) {
        PeerPairs pairs = snapshot.get().byPeer().get(peer);
        return pairs == null ? List.of() : pairs.pairs();
    }

    /** The SA pair whose inbound SPI this is, or null. Lock-free, allocation-free. */
    SecurityAssociation byInboundSpi(int spi) {
        return snapshot.get().byInboundSpi().find(0, spi & 0xFFFF_FFFFL);
    }

    /** The peer's sending pair, or null. */
    SecurityAssociation byPeer(Inet6Address peer) {
        PeerPairs pairs = snapshot.get().byPeer().get(peer);
        return pairs == null ? null : pairs.sending();
    }

    /**
     * The sending pair of the peer whose ULA is the 16 octets at {@code offset}, or null. Lock-free,
     * allocation-free.
     */
    SecurityAssociation byPeer(byte[] buf, int offset) {
        return snapshot.get().sendingByPeer().find(Bytes.getLong(buf, offset), Bytes.getLong(buf, offset + 8));
    }

    /**
     * Moves the peer's pairs (they share one outer path) to the endpoint MOBIKE confirmed (RFC 4555 §3.5); false if
     * the peer has none.
     */
    @Override
    public synchronized boolean moveEndpoint(Inet6Address peer, InetSocketAddress to) {
        Objects.requireNonNull(to, "an endpoint is required");
        SecurityAssociation sa = byPeer(peer);
        if (sa == null) {
            return false;
        }
        if (!to.equals(sa.endpoint())) {
            moveEndpointAsTold(sa, to);
        }
        return true;
    }

    /**
     * The directory or MOBIKE says where the peer is now. For {@link #SETTLE_NANOS} its packets from the endpoint it
     * left do not move it back: the old path's last packets (a gateway that still sends from its old address for a
     * moment, a NAT's old mapping) arrive just after a move, and following them sent this host back to a dead address.
     */
    void moveEndpointAsTold(SecurityAssociation sa, InetSocketAddress to) {
        InetSocketAddress previous = sa.endpoint();
        if (previous != null) {
            sa.path().left(previous, nanoTime.getAsLong() + SETTLE_NANOS);
        }
        moveEndpoint(sa, to);
    }

    /**
     * An authenticated packet came from another endpoint: the peer moved or its NAT rebound (RFC 7296 §2.23), unless
     * it is a straggler from the endpoint the peer was said to have left ({@link OuterPath#justLeft}).
     */
    void followPeer(SecurityAssociation sa, InetSocketAddress from) {
        if (from.equals(sa.endpoint())) {
            sa.path().heard();
        } else if (!sa.path().justLeft(from, nanoTime.getAsLong())) {
            moveEndpoint(sa, from);
        }
    }

    /**
     * Records that the peer now sends from {@code to} and tells the listeners. Every pair with the peer moves: they
     * share its outer path.
     */
    void moveEndpoint(SecurityAssociation sa, InetSocketAddress to) {
        InetSocketAddress previous = sa.endpoint();
        sa.path().endpoint(to);
        for (EndpointListener listener : listeners) {
            try {
                listener.endpointChanged(sa.peer(), previous, to);
            } catch (RuntimeException e) {
                log.error("an endpoint listener failed for {} moving to {}", sa.peer().getHostAddress(), to, e);
            }
        }
    }

    void addEndpointListener(EndpointListener listener) {
        listeners.add(listener);
    }

    void removeEndpointListener(EndpointListener listener) {
        listeners.remove(listener);
    }

    /** The drops no SA pair of this table can be charged with. */
    TunnelDrops drops() {
        return drops;
    }

    private static long highHalf(Inet6Address address) {
        return Bytes.getLong(address.getAddress(), 0);
    }

    private static long lowHalf(Inet6Address address) {
        return Bytes.getLong(address.getAddress(), 8);
    }
}
