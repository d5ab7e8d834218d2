package io.homeward.tunnel.internal;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.crypto.PacketAead;
import io.homeward.api.sa.SaSpec;
import io.homeward.api.sa.SaStatus;
import io.homeward.api.sa.SecurityAssociationDatabase;

/**
 * The SA pairs of this host, one per peer ULA, each with or without Extended Sequence Numbers as its spec chose.
 * Changes are serialised and publish a new immutable snapshot, so the packet threads look SAs up without locks: by
 * inbound SPI (inbound path) and by peer ULA straight from packet bytes (outbound path).
 */
final class SaTable implements SecurityAssociationDatabase {
    /** The first two octets of a STUN Binding success response (RFC 8489 §5: class success, method Binding). */
    private static final int STUN_BINDING_SUCCESS = 0x0101;

    private record Snapshot(Map<Inet6Address, SecurityAssociation> byPeer, SaIndex peerIndex, SaIndex spiIndex) {
        static Snapshot of(Map<Inet6Address, SecurityAssociation> byPeer) {
            Collection<SecurityAssociation> all = byPeer.values();
            return new Snapshot(Map.copyOf(byPeer),
                    new SaIndex(all, sa -> highHalf(sa.peer()), sa -> lowHalf(sa.peer())),
                    new SaIndex(all, sa -> 0, sa -> sa.inboundSpi() & 0xFFFF_FFFFL));
        }
    }

    private final Function<String, CryptoSuite> suiteByName;
    private final Supplier<CryptoSuite> preferredSuite;
    private final LongSupplier nanoTime;
    private final Logger log;
    private final List<EndpointListener> listeners = new CopyOnWriteArrayList<>();
    private final TunnelDrops drops = new TunnelDrops();
    private volatile Snapshot snapshot = Snapshot.of(Map.of());

    /**
     * @param suiteByName    the installed suite with this name, or null
     * @param preferredSuite the highest ranked installed suite, or null if none, for specs naming no suite
     * @param nanoTime       a monotonic time source in nanoseconds (the keepalive clock)
     */
    SaTable(Function<String, CryptoSuite> suiteByName, Supplier<CryptoSuite> preferredSuite, LongSupplier nanoTime,
            Logger log) {
        this.suiteByName = suiteByName;
        this.preferredSuite = preferredSuite;
        this.nanoTime = nanoTime;
        this.log = log;
    }

    /** @throws IllegalArgumentException naming what is wrong with the spec; nothing is installed then */
    @Override
    public synchronized void install(SaSpec spec) {
        Objects.requireNonNull(spec, "an SA spec is required");
        if (spec.peer() == null) {
            throw new IllegalArgumentException("the SA spec names no peer ULA: " + spec);
        }
        checkSpis(spec);
        CryptoSuite suite = suite(spec);
        SecurityAssociation sa;
        try {
            PacketAead outbound = suite.newAead(spec.outboundKey());
            PacketAead inbound = suite.newAead(spec.inboundKey());
            sa = new SecurityAssociation(spec.peer(), spec.inboundSpi(), spec.outboundSpi(), suite.name(),
                    new EspSealer(outbound, spec.outboundSpi(), spec.esn(), suite.icvLength(), 0),
                    new EspOpener(inbound, spec.inboundSpi(), spec.esn(), suite.icvLength()), spec.peerEndpoint(),
                    nanoTime.getAsLong());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot key " + suite.name() + " for " + spec + ": " + e.getMessage(),
                    e);
        }
        Map<Inet6Address, SecurityAssociation> next = new HashMap<>(snapshot.byPeer());
        SecurityAssociation replaced = next.put(spec.peer(), sa);
        snapshot = Snapshot.of(next);
        log.info("{} ESP SA pair {}", replaced == null ? "installed" : "replaced", spec);
    }

    private void checkSpis(SaSpec spec) {
        int in = spec.inboundSpi();
        if (Integer.compareUnsigned(in, Esp.FIRST_ASSIGNABLE_SPI) < 0
                || Integer.compareUnsigned(spec.outboundSpi(), Esp.FIRST_ASSIGNABLE_SPI) < 0) {
            throw new IllegalArgumentException("SPIs 0 to 255 are reserved (RFC 4303 §2.1); choose others: " + spec);
        }
        // ESP, STUN and keepalives share one UDP port and are told apart by their first octets. A STUN Binding
        // success response starts 0x0101, so an inbound SPI starting so would make our ESP look like STUN.
        if (in >>> 16 == STUN_BINDING_SUCCESS) {
            throw new IllegalArgumentException("inbound SPIs 0x0101xxxx are reserved so ESP is never confused with"
                    + " a STUN Binding success response on the same port; choose another: " + spec);
        }
        SecurityAssociation holder = snapshot.spiIndex().find(0, in & 0xFFFF_FFFFL);
        if (holder != null && !holder.peer().equals(spec.peer())) {
            throw new IllegalArgumentException("inbound SPI " + Integer.toHexString(in) + " is already used by the SA"
                    + " with " + holder.peer().getHostAddress() + "; choose another: " + spec);
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
        Map<Inet6Address, SecurityAssociation> next = new HashMap<>(snapshot.byPeer());
        if (next.remove(peer) == null) {
            return false;
        }
        snapshot = Snapshot.of(next);
        log.info("removed the ESP SA pair with {}", peer.getHostAddress());
        return true;
    }

    @Override
    public List<SaStatus> list() {
        return snapshot.byPeer().values().stream().map(SecurityAssociation::status).toList();
    }

    /** Every installed SA pair, for keepalives and status pages. */
    Collection<SecurityAssociation> associations() {
        return snapshot.byPeer().values();
    }

    /** The SA pair whose inbound SPI this is, or null. Lock-free. */
    SecurityAssociation byInboundSpi(int spi) {
        return snapshot.spiIndex().find(0, spi & 0xFFFF_FFFFL);
    }

    /** The SA pair with this peer, or null. */
    SecurityAssociation byPeer(Inet6Address peer) {
        return snapshot.byPeer().get(peer);
    }

    /** The SA pair with the peer whose ULA is the 16 octets at {@code offset}, or null. Lock-free, allocation-free. */
    SecurityAssociation byPeer(byte[] buf, int offset) {
        return snapshot.peerIndex().find(Bytes.getLong(buf, offset), Bytes.getLong(buf, offset + 8));
    }

    /** Records that the authenticated peer now sends from {@code to} and tells the listeners. */
    void moveEndpoint(SecurityAssociation sa, InetSocketAddress to) {
        InetSocketAddress previous = sa.endpoint();
        sa.endpoint(to);
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
