package io.homeward.tunnel.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.peers.Peer;
import io.homeward.api.peers.PeerListener;
import io.homeward.api.sa.MissingSaListener;
import io.homeward.api.sa.SaSpec;
import io.homeward.api.sa.SaStatus;
import io.homeward.api.sa.SecurityAssociationDatabase;
import io.homeward.api.sa.TunnelStatus;
import io.homeward.api.sa.TunnelsReport;
import io.homeward.api.tunnel.DatagramKind;
import io.homeward.api.tunnel.TunProvider;
import io.homeward.api.tunnel.TunnelPort;
import io.homeward.kit.schedule.ExecutorScheduler;

/**
 * The data plane (RFC 4303 tunnel mode over RFC 3948 UDP; docs/architecture.md, data flows): IPv6 packets to a
 * peer's ULA leave through the TUN interface sealed in ESP over the tunnel port; ESP from the peers is opened and
 * written back. The SA pairs, grouped by
 * the peer's ULA, follow the peer directory's endpoints and any authenticated packet from a new address, so they
 * outlive address changes; a peer has several pairs while a Child SA is rekeyed (RFC 7296 §2.8), one of which sends.
 * While something keys on demand (a {@link MissingSaListener}), packets to a peer without a pair are held, bounded,
 * and sent on its first pair. The TUN provider may come and go; the SAs stay.
 */
@Component(service = {SecurityAssociationDatabase.class, PeerListener.class, TunnelComponent.class, TunnelStatus.class},
        configurationPid = "io.homeward.tunnel")
@Designate(ocd = TunnelComponent.Config.class)
public class TunnelComponent implements SecurityAssociationDatabase, PeerListener, TunnelStatus {
    @ObjectClassDefinition(name = "Homeward tunnel",
            description = "The TUN interface and ESP-in-UDP tunnels to the user's other hosts.")
    public @interface Config {
        @AttributeDefinition(required = false, description = "Name of the TUN interface (at most 15 characters). "
                + "Empty: no interface, the agent runs its control plane only.")
        String interfaceName() default "homeward0";

        @AttributeDefinition(description = "MTU of the path between hosts (outer IPv4 packets). The interface MTU is "
                + "this minus the IPv4, UDP and ESP overhead, and never below IPv6's 1280.")
        int outerMtu() default 1500;

        @AttributeDefinition(description = "On-demand keying: packets to one peer held while its tunnel is keyed "
                + "(1..1024), sent once its SA pair is up; more are dropped and counted. Packets are held only while "
                + "something keys on demand; at most 64 peers wait at once, in 512 KiB of buffers.")
        int holdPacketsPerPeer() default HoldLimits.DEFAULT_PACKETS_PER_PEER;

        @AttributeDefinition(description = "On-demand keying: seconds a held packet may wait for its peer's SA pair "
                + "(1..120); older ones are dropped and counted.")
        int holdSeconds() default HoldLimits.DEFAULT_SECONDS;
    }

    private static final Duration KEEPALIVE_CHECK = Duration.ofSeconds(2);
    /** How often held packets that waited too long are dropped (a held packet never leaves once too old). */
    private static final Duration HOLD_CHECK = Duration.ofSeconds(1);
    private static final String NO_PROVIDER = "waiting for a TUN provider (bundle io.homeward.tun.linux)";

    private final Logger log;
    private final HostIdentity identity;
    private final String interfaceName;
    private final int outerMtu;
    private final Map<CryptoSuite, Integer> suiteRankings = new ConcurrentHashMap<>();
    private final SaTable table;
    private final OutboundPath outbound;
    private final InboundPath inbound;
    private final Keepalives keepalives;
    private final ExecutorScheduler control = new ExecutorScheduler("homeward-tunnel");
    private volatile TunAttachment tun;
    private volatile String tunState = NO_PROVIDER;
    /** The user's other hosts as the peer directory last told, by ULA. */
    private final Map<Inet6Address, Peer> peers = new ConcurrentHashMap<>();
    private volatile boolean stopped;
    private final TunnelPort.Registration espHandler;

    @Activate
    public TunnelComponent(@Reference(service = LoggerFactory.class) Logger log, @Reference TunnelPort port,
            @Reference HostIdentity identity, Config config) {
        this.log = log;
        this.identity = identity;
        this.interfaceName = config.interfaceName();
        this.outerMtu = config.outerMtu();
        this.table = new SaTable(this::suite, this::preferredSuite, System::nanoTime, new SecureRandom(),
                holdLimits(config, log), log);
        this.outbound = new OutboundPath(table, port::send, System::nanoTime);
        this.inbound = new InboundPath(table, this::toTun, identity.ula());
        this.keepalives = new Keepalives(table, port::send, System::nanoTime);
        table.addEndpointListener((peer, before, after) -> log.info("Peer {} now at {} (was {})",
                peer.getHostAddress(), after, before));
        control.schedule(this::sendKeepalives, KEEPALIVE_CHECK);
        control.schedule(this::expireHeld, HOLD_CHECK);
        this.espHandler = port.register(DatagramKind.ESP, this::received);
    }

    /** The configured hold, or the default one with an error naming what is out of range. */
    private static HoldLimits holdLimits(Config config, Logger log) {
        try {
            return HoldLimits.of(config.holdPacketsPerPeer(), config.holdSeconds(), config.outerMtu());
        } catch (IllegalArgumentException e) {
            log.error("Tunnel: {}; holding up to {} packets per peer for {} s instead", e.getMessage(),
                    HoldLimits.DEFAULT_PACKETS_PER_PEER, HoldLimits.DEFAULT_SECONDS);
            return HoldLimits.of(HoldLimits.DEFAULT_PACKETS_PER_PEER, HoldLimits.DEFAULT_SECONDS, config.outerMtu());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSuite(CryptoSuite suite, Map<String, Object> properties) {
        suiteRankings.put(suite, ranking(properties));
    }

    void unbindSuite(CryptoSuite suite) {
        suiteRankings.remove(suite);
    }

    /** A new ranking changes the suite of new SAs only; installed SAs keep theirs. */
    void updatedSuite(CryptoSuite suite, Map<String, Object> properties) {
        suiteRankings.put(suite, ranking(properties));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindTunProvider(TunProvider provider) {
        control.execute(() -> attach(provider));
    }

    void unbindTunProvider(TunProvider provider) {
        control.execute(this::detach);
    }

    @Override
    public void install(SaSpec spec) {
        table.install(located(spec));
        route(spec.peer());
    }

    /** A pair added beside others shares their endpoint unless the spec names one; the first takes the directory's. */
    @Override
    public void add(SaSpec spec, Sending sending) {
        boolean beside = spec != null && spec.peer() != null && table.byPeer(spec.peer()) != null;
        table.add(beside ? spec : located(spec), sending);
        route(spec.peer());
    }

    /** The spec, with the peer's endpoint from the directory if it names none; the table refuses incomplete specs. */
    private SaSpec located(SaSpec spec) {
        if (spec == null || spec.peer() == null || spec.peerEndpoint() != null) {
            return spec;
        }
        return Optional.ofNullable(peers.get(spec.peer())).flatMap(Peer::endpoint).map(spec::withPeerEndpoint)
                .orElse(spec);
    }

    private void route(Inet6Address peer) {
        TunAttachment t = tun;
        if (t != null) {
            t.route(peer);
        }
    }

    @Override
    public int reserveSpi() {
        return table.reserveSpi();
    }

    @Override
    public void releaseSpi(int spi) {
        table.releaseSpi(spi);
    }

    @Override
    public boolean remove(Inet6Address peer) {
        boolean removed = table.remove(peer);
        if (removed) {
            unrouteIfGone(peer);
        }
        return removed;
    }

    @Override
    public boolean moveEndpoint(Inet6Address peer, InetSocketAddress to) {
        return table.moveEndpoint(peer, to);
    }

    @Override
    public boolean remove(Inet6Address peer, int inboundSpi) {
        boolean removed = table.remove(peer, inboundSpi);
        if (removed) {
            unrouteIfGone(peer);
        }
        return removed;
    }

    /** A peer with no pair left that the directory does not list is routed no more. */
    private void unrouteIfGone(Inet6Address peer) {
        TunAttachment t = tun;
        if (t != null && table.byPeer(peer) == null && !peers.containsKey(peer)) {
            t.unroute(peer);
        }
    }

    @Override
    public void addMissingSaListener(MissingSaListener listener) {
        table.addMissingSaListener(listener);
    }

    @Override
    public void removeMissingSaListener(MissingSaListener listener) {
        table.removeMissingSaListener(listener);
    }

    @Override
    public List<SaStatus> list() {
        return table.list();
    }

    /** The port's receive thread: one ESP datagram. */
    void received(byte[] buffer, int offset, int length, InetSocketAddress from) {
        try {
            inbound.receive(buffer, offset, length, from);
        } catch (IOException e) {
            table.drops().count(TunnelDrops.Reason.IO_FAILURE);
        }
    }

    /**
     * A peer appeared, moved or left (the directory first replays every current peer to a new listener): route its
     * ULA, and point its SA at the new endpoint without rekeying.
     */
    @Override
    public void peerChanged(Optional<Peer> before, Optional<Peer> after) {
        before.ifPresent(p -> peers.remove(p.ula()));
        after.ifPresent(p -> peers.put(p.ula(), p));
        control.execute(() -> {
            TunAttachment t = tun;
            if (after.isPresent()) {
                Peer p = after.get();
                if (t != null) {
                    t.route(p.ula());
                }
                SecurityAssociation sa = table.byPeer(p.ula());
                if (sa != null && p.endpoint().isPresent() && !p.endpoint().get().equals(sa.endpoint())) {
                    table.moveEndpointAsTold(sa, p.endpoint().get());
                }
            } else if (before.isPresent() && t != null && table.byPeer(before.get().ula()) == null) {
                t.unroute(before.get().ula());
            }
        });
    }

    @Override
    public TunnelsReport tunnels() {
        return report().typed();
    }

    TunnelReport report() {
        TunAttachment t = tun;
        return new TunnelReport(t == null ? tunState : "interface " + t.name() + " (MTU " + t.mtu() + "), "
                + identity.ulaText() + "/128", t == null ? List.of() : t.routes().stream().map(Inet6Address::getHostAddress)
                        .sorted().toList(), preferredSuite() == null ? "none installed" : preferredSuite().name(),
                table.list(), table.drops().byReason(), table.holdStatus());
    }

    private void attach(TunProvider provider) {
        detach();
        if (interfaceName.isBlank()) {
            tunState = "no interface: io.homeward.tunnel interfaceName is empty (control plane only)";
            return;
        }
        CryptoSuite suite = preferredSuite();
        int mtu = suite == null ? 1280 : TunnelMtu.inner(outerMtu, suite);
        try {
            TunAttachment t = TunAttachment.open(provider, interfaceName, identity.ula(), mtu, outbound, table.drops(), log);
            // The interface takes packets before any route shows it: a peer's packet that arrives once its route
            // is there must find the interface (routing twice is harmless).
            tun = t;
            table.sendingPairs().forEach(sa -> t.route(sa.peer()));
            peers.keySet().forEach(t::route);
            log.info("Tunnel interface {} up with {}/128, MTU {}", t.name(), identity.ulaText(), t.mtu());
        } catch (IOException e) {
            tunState = "no TUN interface: " + e.getMessage();
            log.error("The tunnel has no interface, the control plane keeps running: {}", e.getMessage());
        }
    }

    private void detach() {
        TunAttachment t = tun;
        tun = null;
        if (t != null) {
            tunState = NO_PROVIDER;
            try {
                t.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.info("Tunnel interface {} removed", t.name());
        }
    }

    private void toTun(byte[] packet, int offset, int length) throws IOException {
        TunAttachment t = tun;
        if (t == null) {
            table.drops().count(TunnelDrops.Reason.NO_INTERFACE);
            return;
        }
        t.write(packet, offset, length);
    }

    private void sendKeepalives() {
        if (stopped) {
            return;
        }
        try {
            keepalives.sendDue();
        } catch (IOException e) {
            log.debug("A NAT keepalive could not be sent: {}", e.getMessage());
        }
        control.schedule(this::sendKeepalives, KEEPALIVE_CHECK);
    }

    private void expireHeld() {
        if (stopped) {
            return;
        }
        table.expireHeld();
        control.schedule(this::expireHeld, HOLD_CHECK);
    }

    private CryptoSuite suite(String name) {
        return suiteRankings.keySet().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    private CryptoSuite preferredSuite() {
        return suiteRankings.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private static int ranking(Map<String, Object> properties) {
        return properties.get("service.ranking") instanceof Integer r ? r : 0;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        espHandler.close();
        stopped = true;
        control.execute(this::detach);
        control.shutdown(Duration.ofSeconds(5));
        table.stopHolding();
    }
}
