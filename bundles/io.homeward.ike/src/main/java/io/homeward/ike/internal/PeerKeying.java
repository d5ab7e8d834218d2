package io.homeward.ike.internal;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.osgi.service.log.Logger;
import org.osgi.util.promise.Deferred;
import org.osgi.util.promise.Promise;
import org.osgi.util.promise.Promises;

import io.homeward.api.auth.Credentials;
import io.homeward.api.auth.RevokedCertificates;
import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.endpoint.PublicEndpoint;
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.keying.IkeReport;
import io.homeward.api.keying.KeyingState;
import io.homeward.api.keying.KeyingStatus;
import io.homeward.api.peers.Peer;
import io.homeward.api.sa.SaSpec;
import io.homeward.api.sa.SecurityAssociationDatabase;
import io.homeward.ike.internal.crypto.Cookies;
import io.homeward.ike.internal.crypto.CryptoSelfTest;
import io.homeward.ike.internal.exchange.ChildSaStatus;
import io.homeward.ike.internal.exchange.Datagrams;
import io.homeward.ike.internal.exchange.FirstChildPlacement.Placement;
import io.homeward.ike.internal.exchange.HalfOpenCounter;
import io.homeward.ike.internal.exchange.IkeContext;
import io.homeward.ike.internal.exchange.IkeEngine;
import io.homeward.ike.internal.exchange.IkeSaEvents;
import io.homeward.ike.internal.exchange.IkeSaState;
import io.homeward.ike.internal.exchange.IkeSaStatus;
import io.homeward.ike.internal.exchange.IkeSettings;
import io.homeward.ike.internal.exchange.LocalHost;
import io.homeward.ike.internal.exchange.PeerCertificateCheck;
import io.homeward.ike.internal.exchange.Retransmission;
import io.homeward.kit.schedule.Scheduler;
import io.homeward.kit.schedule.Scheduler.Scheduled;

/**
 * Keys the SA pairs with the user's other hosts by IKE (docs/architecture.md, "Data flows"). The engine runs while this
 * host is signed in with a host certificate and an ESP suite is installed. It answers any listed peer at any time,
 * and initiates only when asked ({@link #key}, {@code homeward:ike initiate}); when both hosts start at once, both
 * keep the IKE SA of {@link SimultaneousStart}. A peer whose IKE restarted without a word says INITIAL_CONTACT (RFC
 * 7296 §2.4): the IKE SAs and pairs it forgot go before its new Child SA is placed. A peer that leaves, is revoked, or comes back with another ULA, loses
 * its SA pair and IKE SAs. A failed negotiation guards the peer for {@link #GUARD} (doubling with each failure in a
 * row, at most {@link #LONGEST_GUARD}): a key() before then fails at once with the same reason, so a stream of
 * packets to a peer that does not answer does not start an IKE SA each. Peers keyed by hand are left alone, and only
 * SA pairs IKE installed are ever removed. Everything runs on the scheduler's one thread, listeners told there too.
 */
final class PeerKeying implements IkeSaEvents {
    /** After the n-th failure in a row with a peer, key() fails at once for 10 s × 2ⁿ⁻¹, at most {@link #LONGEST_GUARD}. */
    static final Retransmission GUARD = new Retransmission(Duration.ofSeconds(10), 2, 0);
    static final Duration LONGEST_GUARD = Duration.ofMinutes(2);
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final KeyingSettings settings;
    private final Scheduler scheduler;
    private final Clock clock;
    private final SecureRandom random;
    private final Logger log;
    private final Datagrams datagrams;
    private final int localPort;
    private final SecurityAssociationDatabase database;
    private final HostIdentity identity;
    private final RevokedCertificates revoked;
    private final ManualSaPeers manual;
    private final Consumer<KeyingStatus> listeners;
    private final Cookies cookies;
    private Scheduled cookieRotation;

    private Credentials credentials;
    private List<CryptoSuite> suites = List.of();
    private IkeEngine engine;
    /** The name the running engine authenticates as (its IDi/IDr, RFC 7296 §3.5); empty while idle. */
    private String runningAs = "";
    /** The user's zone without the final dot, while the engine runs. */
    private String zone = "";
    private String idle = "starting";
    private final Map<String, PeerState> peers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    /** The SA pairs IKE installed: the peer's ULA and the inbound SPI, which tells them from pairs keyed since. */
    private final Map<Inet6Address, Integer> owned = new HashMap<>();
    /** The IKE SAs this side started or that installed a Child SA, by local SPI. */
    private final Map<Long, SaRecord> sas = new HashMap<>();
    /** Why an IKE SA has no Child SA, by its local SPI, until it closes: the reason a negotiation failed. */
    private final Map<Long, String> childless = new HashMap<>();
    /** Round trip probes waiting for their answer, by the local SPI of the IKE SA they went on. */
    private final Map<Long, List<Deferred<Duration>>> probes = new HashMap<>();
    /** This host's public endpoint as last reported, which tells a move from a first report or a repeated one. */
    private InetSocketAddress publicEndpoint;

    /** A listed peer, where keying with it stands, and who waits for it. */
    private final class PeerState {
        Peer peer;
        KeyingState state = KeyingState.NONE;
        Instant since = clock.instant();
        String detail = "";
        boolean initiator;
        /** Failures in a row, and until when key() fails at once with the last one's reason. */
        int failures;
        Instant guardedUntil = Instant.MIN;
        /** The local SPI of the IKE SA this side started and that has not installed a Child SA yet; 0 if none. */
        long attempt;
        /** Why IKE neither initiates to it nor keys its Child SA until {@code homeward:ike initiate}: revoked. */
        String held = "";
        /** Told when the peer's SA pair is installed, or why not. */
        final List<Deferred<KeyingStatus>> waiting = new ArrayList<>();

        PeerState(Peer peer) {
            this.peer = peer;
        }
    }

    /** An IKE SA's peer (host name), and its newest Child SA once installed. */
    private static final class SaRecord {
        final String host;
        SaSpec child;

        SaRecord(String host) {
            this.host = host;
        }
    }

    PeerKeying(KeyingSettings settings, Scheduler scheduler, Clock clock, SecureRandom random, Logger log,
            Datagrams datagrams, int localPort, SecurityAssociationDatabase database, HostIdentity identity,
            RevokedCertificates revoked, ManualSaPeers manual, Consumer<KeyingStatus> listeners) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.random = random;
        this.log = log;
        this.datagrams = datagrams;
        this.localPort = localPort;
        this.database = database;
        this.identity = identity;
        this.revoked = revoked;
        this.manual = manual;
        this.listeners = listeners;
        this.cookies = new Cookies(random);
    }

    /** Starts the cookie secret's rotation (RFC 7296 §2.6) and, if it can, the engine. */
    void start() {
        rotateCookiesLater();
        restart();
    }

    /** Deletes every IKE SA (the peers are told) and removes every SA pair IKE installed. */
    void stop() {
        cookieRotation.cancel();
        IkeEngine running = engine;
        engine = null;
        if (running != null) {
            running.status().forEach(sa -> running.delete(sa.localSpi(), "IKE stops"));
        }
        List.copyOf(owned.keySet()).forEach(this::removeOwned);
        idle = "stopped";
        peers.values().forEach(p -> settle(p, KeyingState.NONE, "IKE stopped"));
    }

    /**
     * Signed in or enrolled anew: the engine starts again with the new certificate. The IKE SAs of the engine before
     * are closed here; the SA pairs they installed stay until their peer leaves.
     */
    void signedIn(Credentials signedIn) {
        credentials = signedIn;
        restart();
    }

    /** Signed out, unless other credentials replaced these already: the engine stops and IKE goes idle. */
    void signedOut(Credentials gone) {
        if (credentials == gone) {
            credentials = null;
            restart();
        }
    }

    /**
     * The identity's configuration changed: if the name IKE should run as ({@link OwnName}) is not the one it runs
     * as, it starts again as the new.
     */
    void hostNameMayHaveChanged() {
        if (engine != null && !runningAs.equals(ownName())) {
            log.info("IKE: this host is now {} (was {})", ownName(), runningAs);
            restart();
        }
    }

    private String ownName() {
        return OwnName.of(credentials.certificateChain().get(0), zone, identity.hostName());
    }

    void suites(List<CryptoSuite> installed) {
        suites = List.copyOf(installed);
        restart();
    }

    /** One IKE message from the tunnel port, the marker removed. */
    void received(byte[] datagram, InetSocketAddress from) {
        if (engine != null) {
            engine.received(datagram, 0, datagram.length, from);
        }
    }

    /** The peer directory's news (every current peer first, as an arrival). */
    void peerChanged(Optional<Peer> before, Optional<Peer> after) {
        if (after.isEmpty()) {
            before.map(gone -> peers.remove(gone.hostName())).ifPresent(p -> {
                forget(p, "left the peer directory", false);
                settle(p, KeyingState.NONE, "left the peer directory");
            });
            return;
        }
        Peer now = after.get();
        PeerState p = peers.get(now.hostName());
        if (p == null) {
            p = new PeerState(now);
            peers.put(now.hostName(), p);
            listeners.accept(status(p));
        } else if (!p.peer.ula().equals(now.ula())) {
            forget(p, "now has the ULA " + now.ula().getHostAddress(), false);
            settle(p, KeyingState.NONE, "now has the ULA " + now.ula().getHostAddress());
            p = new PeerState(now);
            peers.put(now.hostName(), p);
            listeners.accept(status(p));
        } else {
            Optional<InetSocketAddress> was = p.peer.endpoint();
            p.peer = now;
            if (now.endpoint().isPresent() && !now.endpoint().equals(was)) {
                movedInDirectory(now.hostName(), now.endpoint().get());
            }
        }
    }

    /**
     * The directory says a peer moved: its IKE SAs talk to it there from now on, as its SA pairs do. Its MOBIKE
     * UPDATE_SA_ADDRESSES may never arrive (a NAT in front of this host lets nothing through from the peer's new
     * address before this host sent there), and a liveness check or rekey sent to the old address would declare the
     * peer dead.
     */
    private void movedInDirectory(String host, InetSocketAddress to) {
        IkeEngine running = engine;
        if (running == null) {
            return;
        }
        sas.entrySet().stream().filter(e -> e.getValue().host.equalsIgnoreCase(host)).map(Map.Entry::getKey).toList()
                .forEach(spi -> running.peerMoved(spi, to, "the peer directory has it there"));
    }

    /**
     * This host's public endpoint as the endpoint contract reports it: when it moved (a new network, a new NAT
     * mapping), every established IKE SA tells its peer from the new path (RFC 4555 §3.5, RFC 7296 §2.23). A loss
     * changes nothing until the next endpoint shows where this host went.
     */
    void publicEndpoint(Optional<PublicEndpoint> current) {
        if (current.isEmpty()) {
            return;
        }
        InetSocketAddress before = publicEndpoint;
        publicEndpoint = current.get().address();
        if (before != null && !before.equals(publicEndpoint) && engine != null) {
            engine.localEndpointMoved("this host's public endpoint moved from " + before + " to " + publicEndpoint
                    + " (" + current.get().source() + ")");
        }
    }

    /**
     * Makes sure the peer has an SA pair keyed by an IKE SA: resolved at once if it has, joined to this side's negotiation
     * under way, else a new IKE SA; failed at once with the reason when it cannot be keyed now.
     */
    Promise<KeyingStatus> key(Inet6Address ula) {
        PeerState p = byUla(ula).orElse(null);
        Optional<String> refusal = refusal(ula, p);
        if (refusal.isPresent()) {
            return failed(refusal.get());
        }
        if (keyingSa(p).isPresent()) {
            return Promises.resolved(status(p));
        }
        Deferred<KeyingStatus> done = new Deferred<>();
        p.waiting.add(done);
        if (p.attempt == 0) {
            initiate(p);
        }
        return done.getPromise();
    }

    /** Why the peer cannot be keyed now; empty when it has a pair, is being keyed, or can be. */
    private Optional<String> refusal(Inet6Address ula, PeerState p) {
        if (engine == null) {
            return Optional.of("IKE is idle: " + idle);
        }
        if (p == null) {
            return Optional.of(ula.getHostAddress() + " is no host in the peer directory (homeward:peers)");
        }
        String host = p.peer.hostName();
        if (manual.keyedByHand(p.peer)) {
            return Optional.of(host + " is keyed by hand (io.homeward.tunnel.manualsa); IKE leaves it alone");
        }
        if (!p.held.isEmpty()) {
            return Optional.of(host + ": " + p.held + " (homeward:ike initiate " + host + " keys it again)");
        }
        if (keyingSa(p).isPresent() || p.attempt != 0) {
            return Optional.empty();
        }
        if (clock.instant().isBefore(p.guardedUntil)) {
            return Optional.of(p.detail);
        }
        return p.peer.endpoint().isEmpty() ? Optional.of(host + " has published no endpoint yet") : Optional.empty();
    }

    /** {@code homeward:ike initiate HOST}: what {@link #key} does, a revocation hold and the failure guard lifted. */
    String initiate(String host) {
        PeerState p = peers.get(host);
        if (p == null) {
            return "no peer " + host + " in the peer directory (homeward:peers)";
        }
        p.held = "";
        p.guardedUntil = Instant.MIN;
        Optional<String> refusal = refusal(p.peer.ula(), p);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (keyingSa(p).isPresent()) {
            return host + " has an SA pair keyed by IKE already (homeward:ike rekey-ike " + host + " rekeys it)";
        }
        boolean under = p.attempt != 0;
        key(p.peer.ula());
        return under ? "Joined the IKE SA with " + fqdn(host) + " under way"
                : "Initiating an IKE SA with " + fqdn(host) + " at " + p.peer.endpoint().orElseThrow();
    }

    /** Deletes the IKE SAs with the peer and their Child SAs, the peer told; false if there was nothing. */
    boolean close(Inet6Address ula, String reason) {
        Optional<PeerState> listed = byUla(ula);
        if (listed.isEmpty() || engine == null) {
            return false;
        }
        PeerState p = listed.get();
        boolean any = owned.containsKey(ula) || !ikeSas(p).isEmpty();
        if (any) {
            log.info("IKE: closing the IKE SAs with {}: {}", p.peer.hostName(), reason);
            forget(p, reason, true);
            settle(p, KeyingState.NONE, "closed: " + reason);
        }
        return any;
    }

    /** The round trip to the peer through its IKE SA (RFC 7296 §2.4). */
    Promise<Duration> probe(Inet6Address ula) {
        Optional<PeerState> listed = byUla(ula);
        if (engine == null) {
            return failed("IKE is idle: " + idle);
        }
        if (listed.isEmpty()) {
            return failed(ula.getHostAddress() + " is no host in the peer directory (homeward:peers)");
        }
        PeerState p = listed.get();
        Optional<IkeSaStatus> sa = keyingSa(p).or(() -> ikeSas(p).stream()
                .filter(s -> s.state() == IkeSaState.ESTABLISHED).findFirst());
        if (sa.isEmpty()) {
            return failed("no IKE SA with " + p.peer.hostName() + " to measure the round trip on (key it first)");
        }
        long spi = sa.get().localSpi();
        Deferred<Duration> answered = new Deferred<>();
        if (!engine.probe(spi, roundTrip -> {
            List<Deferred<Duration>> waiting = probes.remove(spi);
            if (waiting != null) {
                waiting.forEach(d -> d.resolve(roundTrip));
            }
            listeners.accept(status(p));
        })) {
            return failed("the IKE SA with " + p.peer.hostName() + " has too many requests waiting; try again");
        }
        probes.computeIfAbsent(spi, k -> new ArrayList<>()).add(answered);
        return answered.getPromise();
    }

    /** One entry per listed peer. */
    List<KeyingStatus> status() {
        return peers.values().stream().map(this::status).toList();
    }

    /** {@code homeward:ike rekey HOST}: the newest Child SA with the host rekeyed now (RFC 7296 §1.3.3). */
    String rekeyChild(String host) {
        Optional<IkeSaStatus> sa = keyedSa(host);
        if (sa.isEmpty()) {
            return "IKE has no established IKE SA with a Child SA with " + host;
        }
        ChildSaStatus newest = sa.get().children().get(sa.get().children().size() - 1);
        return engine.rekeyChild(sa.get().localSpi())
                ? "Rekeying the Child SA with " + host + " (inbound SPI " + Integer.toHexString(newest.inboundSpi())
                        + ")"
                : "The Child SA with " + host + " cannot be rekeyed now (" + newest.state()
                        + ", or another exchange is under way); try again";
    }

    /** {@code homeward:ike rekey-ike HOST}: the IKE SA with the host rekeyed now (RFC 7296 §1.3.2). */
    String rekeyIke(String host) {
        Optional<IkeSaStatus> sa = keyedSa(host);
        if (sa.isEmpty()) {
            return "IKE has no established IKE SA with a Child SA with " + host;
        }
        return engine.rekeyIke(sa.get().localSpi(), "asked by the operator")
                ? "Rekeying the IKE SA " + Long.toHexString(sa.get().localSpi()) + " with " + host
                : "The IKE SA with " + host + " cannot be rekeyed now: another exchange is under way; try again";
    }

    /** The established IKE SA with the host that has its Child SAs. */
    private Optional<IkeSaStatus> keyedSa(String host) {
        if (engine == null) {
            return Optional.empty();
        }
        String fqdn = fqdn(host);
        return engine.status().stream().filter(sa -> sa.state() == IkeSaState.ESTABLISHED
                && sa.peerFqdn().equalsIgnoreCase(fqdn) && !sa.children().isEmpty()).findFirst();
    }

    /** {@code homeward:ike delete HOST}: the IKE SAs with the host deleted, the peer told, and its SA pair removed. */
    String delete(String host) {
        PeerState p = peers.get(host);
        if (p == null) {
            return "no peer " + host + " in the peer directory (homeward:peers)";
        }
        boolean keyed = owned.containsKey(p.peer.ula());
        return close(p.peer.ula(), "deleted by the operator")
                ? (keyed ? "Removed the SA pair with " + host : "IKE had installed no SA pair with " + host)
                        + " and deleted its IKE SAs; IKE keys it again when asked (homeward:ike initiate " + host + ")"
                : "IKE has no SA pair and no IKE SA with " + host;
    }

    /**
     * The account CA revoked these certificates (docs/enrollment.md, "Revocation"): every peer whose IKE SA
     * authenticated with one loses its SA pair and IKE SAs at once, deleted with an INFORMATIONAL DELETE (RFC 7296
     * §1.4.1), and is not initiated to again; the peer's certificate check refuses it if it tries again.
     */
    void revoked(Set<BigInteger> serials) {
        if (engine == null) {
            return;
        }
        engine.status().stream().filter(sa -> sa.peerSerial().filter(serials::contains).isPresent())
                .map(sa -> peers.get(host(sa.peerFqdn()))).filter(Objects::nonNull).distinct().toList()
                .forEach(p -> {
                    log.warn("IKE: the certificate of {} was revoked; its SA pair removed, its IKE SAs deleted",
                            p.peer.hostName());
                    p.held = "its certificate was revoked";
                    forget(p, p.held, true);
                    settle(p, KeyingState.FAILED, p.held);
                });
    }

    IkeReport report() {
        Instant now = clock.instant();
        List<IkeReport.PeerLine> peerLines = peers.values().stream().map(p -> new IkeReport.PeerLine(
                p.peer.hostName(), p.peer.ula().getHostAddress(),
                p.peer.endpoint().map(InetSocketAddress::toString).orElse("(no endpoint)"), keying(p, now))).toList();
        List<IkeReport.SaLine> saLines = new ArrayList<>();
        if (engine != null) {
            for (IkeSaStatus sa : engine.status()) {
                SaRecord r = sas.get(sa.localSpi());
                String peer = r != null ? r.host : sa.peerFqdn().isEmpty() ? sa.peerEndpoint().toString()
                        : sa.peerFqdn();
                saLines.add(new IkeReport.SaLine(peer, sa.initiator(), sa.state().name(), ":" + localPort,
                        sa.peerEndpoint().toString() + (sa.natDetected() ? " (NAT)" : ""), sa.algorithms(), sa.age(),
                        sa.rekeyIn(), sa.children().stream().map(PeerKeying::child).toList()));
            }
        }
        String state = engine == null ? "idle: " + idle
                : "running as " + runningAs + " on UDP " + localPort
                        + ", answering every listed peer, initiating when asked";
        return new IkeReport(state, peerLines, saLines);
    }

    /**
     * Where the first Child SA of an IKE SA goes ({@link SimultaneousStart}): the only pair when no other IKE SA
     * keys the peer's pair, else beside it or, without precedence, nowhere.
     */
    private Placement place(IkeSaStatus sa, Inet6Address ula) {
        Optional<PeerState> listed = byUla(ula);
        Optional<IkeSaStatus> current = listed.flatMap(this::keyingSa).filter(k -> k.localSpi() != sa.localSpi());
        if (current.isEmpty()) {
            return Placement.ONLY;
        }
        Placement placement = SimultaneousStart.place(current.get(), sa, lower(identity.ula(), ula));
        log.info("IKE: two IKE SAs with {} (simultaneous start): the Child SA of the one {} goes {}",
                listed.get().peer.hostName(), sa.initiator() ? "this host initiated" : "the peer initiated",
                placement == Placement.REFUSED ? "nowhere, the other takes precedence"
                        : "beside the other's, which is deleted");
        return placement;
    }

    @Override
    public void childInstalled(IkeSaStatus sa, SaSpec child) {
        long spi = sa.localSpi();
        SaRecord r = sas.computeIfAbsent(spi, k -> new SaRecord(host(sa.peerFqdn())));
        r.child = child;
        PeerState p = peers.get(r.host);
        if (p == null || !p.peer.ula().equals(child.peer())) {
            database.remove(child.peer());
            log.info("IKE: {} is no longer listed with {}; its new SA pair removed", r.host, child.peer());
            scheduler.execute(() -> close(spi, "the peer is no longer listed"));
            return;
        }
        owned.put(child.peer(), child.inboundSpi());
        p.failures = 0;
        p.guardedUntil = Instant.MIN;
        if (p.attempt == spi) {
            p.attempt = 0;
        }
        List<Long> superseded = sas.entrySet().stream().filter(e -> e.getKey() != spi && e.getValue().child != null
                && e.getValue().host.equalsIgnoreCase(r.host)).map(Map.Entry::getKey).toList();
        superseded.forEach(older -> scheduler.execute(() -> deleteWithPairs(p, older,
                "superseded by the IKE SA " + Long.toHexString(spi))));
        p.initiator = sa.initiator();
        settle(p, KeyingState.UP, "");
    }

    /**
     * A Child SA pair is gone: rekeyed (the SA pair IKE owns is then the newest Child SA's) or deleted; an IKE SA left
     * without Child SA is deleted, and the peer waits to be keyed again.
     */
    @Override
    public void childRemoved(IkeSaStatus sa, SaSpec child) {
        if (!Integer.valueOf(child.inboundSpi()).equals(owned.get(child.peer()))) {
            return;
        }
        if (!sa.children().isEmpty()) {
            owned.put(child.peer(), sa.children().get(sa.children().size() - 1).inboundSpi());
            return;
        }
        owned.remove(child.peer());
        long spi = sa.localSpi();
        byUla(child.peer()).ifPresent(p -> settle(p, KeyingState.NONE, "its Child SA was deleted"));
        scheduler.execute(() -> {
            if (engine != null) {
                engine.delete(spi, "its last Child SA was removed");
            }
        });
    }

    /** The IKE SA was rekeyed: what this side knows of it belongs to the replacement (RFC 7296 §2.18). */
    @Override
    public void ikeRekeyed(IkeSaStatus old, IkeSaStatus replacement) {
        SaRecord r = sas.remove(old.localSpi());
        if (r != null) {
            sas.put(replacement.localSpi(), r);
        }
    }

    /** An IKE SA without Child SA serves nothing: it is deleted, the peer told. */
    @Override
    public void noChild(IkeSaStatus sa, String reason) {
        childless.put(sa.localSpi(), reason);
        scheduler.execute(() -> {
            if (engine != null) {
                engine.delete(sa.localSpi(), "no Child SA: " + reason);
            }
        });
    }

    @Override
    public void closed(IkeSaStatus sa, String closedBecause) {
        long spi = sa.localSpi();
        String refused = childless.remove(spi);
        String reason = refused == null ? closedBecause : "no Child SA: " + refused;
        List<Deferred<Duration>> unanswered = probes.remove(spi);
        if (unanswered != null) {
            unanswered.forEach(d -> d.fail(new IllegalStateException("no answer through the IKE SA: " + reason)));
        }
        SaRecord record = sas.remove(spi);
        if (record != null && record.child != null) {
            orphaned(record, reason);
            return;
        }
        Optional<PeerState> started = peers.values().stream().filter(p -> p.attempt == spi).findFirst();
        if (started.isEmpty()) {
            return;
        }
        PeerState p = started.get();
        p.attempt = 0;
        if (keyingSa(p).isPresent()) {
            return;
        }
        if (engine == null) {
            settle(p, KeyingState.NONE, "IKE restarted: " + reason);
            return;
        }
        Duration guard = GUARD.wait(++p.failures);
        guard = guard.compareTo(LONGEST_GUARD) > 0 ? LONGEST_GUARD : guard;
        p.guardedUntil = clock.instant().plus(guard);
        log.info("IKE with {} failed: {}; keyed again when asked after {} s", p.peer.hostName(), reason,
                guard.toSeconds());
        settle(p, KeyingState.FAILED, "IKE with " + p.peer.hostName() + " at " + sa.peerEndpoint() + " failed: "
                + reason + "; next try when asked after " + CLOCK_TIME.format(p.guardedUntil) + " UTC");
    }

    /**
     * An IKE SA whose Child SA is still the peer's SA pair closed while the engine runs: the peer was taken for dead
     * (RFC 7296 §2.4) or the SA failed. Nothing keys the pair any more, so it goes, until the peer is keyed again.
     */
    private void orphaned(SaRecord record, String reason) {
        PeerState p = peers.get(record.host);
        Integer inbound = p == null ? null : owned.get(p.peer.ula());
        if (engine == null || inbound == null || inbound != record.child.inboundSpi()) {
            return;
        }
        log.info("IKE: the IKE SA with {} closed ({}); its SA pair removed", p.peer.hostName(), reason);
        removeOwned(p.peer.ula());
        settle(p, KeyingState.NONE, "the IKE SA closed: " + reason);
    }

    /**
     * The peer deleted its IKE SA with this host (it stops, its IKE restarts, its operator deletes it, or it lost a
     * simultaneous start), or forgot it in a crash or restart it announced with INITIAL_CONTACT (RFC 7296 §2.4): the
     * pairs of that IKE SA go too, the peer's others stay.
     */
    @Override
    public void deletedByPeer(IkeSaStatus sa, String how) {
        PeerState p = peers.get(host(sa.peerFqdn()));
        if (p == null) {
            return;
        }
        log.info("IKE: {} {} with this host; its SA pair goes too", p.peer.hostName(), how);
        removePairs(p, sa, "the peer " + how);
    }

    /**
     * The responder's view of a peer's ULA (RFC 7296 §2.9): none for a peer keyed by hand or held (revoked).
     */
    private Optional<Inet6Address> ulaOf(String fqdn) {
        PeerState p = peers.get(host(fqdn));
        if (p == null) {
            return Optional.empty();
        }
        if (!p.held.isEmpty()) {
            log.info("IKE: no Child SA for {}: {} (homeward:ike initiate {} keys it again)", fqdn, p.held,
                    p.peer.hostName());
            return Optional.empty();
        }
        if (manual.keyedByHand(p.peer)) {
            log.info("IKE: no Child SA for {}: its SA is keyed by hand (io.homeward.tunnel.manualsa)", fqdn);
            return Optional.empty();
        }
        return Optional.of(p.peer.ula());
    }

    private void initiate(PeerState p) {
        InetSocketAddress endpoint = p.peer.endpoint().orElseThrow();
        long spi = engine.initiate(fqdn(p.peer.hostName()), p.peer.ula(), endpoint);
        p.attempt = spi;
        p.initiator = true;
        sas.put(spi, new SaRecord(p.peer.hostName()));
        log.info("IKE: initiating an IKE SA with {} at {}", p.peer.hostName(), endpoint);
        settle(p, KeyingState.KEYING, "initiated to " + endpoint);
    }

    /** An IKE SA superseded by another with the same peer: deleted, the peer told, and its pairs removed. */
    private void deleteWithPairs(PeerState p, long spi, String reason) {
        if (engine == null) {
            return;
        }
        engine.status().stream().filter(sa -> sa.localSpi() == spi).findFirst().ifPresent(sa -> {
            removePairs(p, sa, reason);
            engine.delete(spi, reason);
        });
    }

    /** The SA pairs of the IKE SA's Child SAs removed, the peer's others staying; the keying says why if it had one. */
    private void removePairs(PeerState p, IkeSaStatus sa, String why) {
        Inet6Address ula = p.peer.ula();
        for (ChildSaStatus child : sa.children()) {
            database.remove(ula, child.inboundSpi());
            if (Integer.valueOf(child.inboundSpi()).equals(owned.get(ula))) {
                owned.remove(ula);
                settle(p, KeyingState.NONE, why);
            }
        }
    }

    /** The peer's SA pair removed (if IKE installed it) and its IKE SAs closed here, the peer told if asked. */
    private void forget(PeerState p, String reason, boolean tellPeer) {
        long started = p.attempt;
        p.attempt = 0;
        removeOwned(p.peer.ula());
        if (engine == null) {
            return;
        }
        List<Long> spis = new ArrayList<>(ikeSas(p).stream().map(IkeSaStatus::localSpi).toList());
        if (started != 0 && !spis.contains(started)) {
            spis.add(started);
        }
        spis.forEach(spi -> {
            if (tellPeer) {
                engine.delete(spi, p.peer.hostName() + " " + reason);
            } else {
                engine.close(spi, p.peer.hostName() + " " + reason);
            }
        });
    }

    /** The IKE SAs with the peer: authenticated as it, or started by this side to it. */
    private List<IkeSaStatus> ikeSas(PeerState p) {
        if (engine == null) {
            return List.of();
        }
        String fqdn = fqdn(p.peer.hostName());
        return engine.status().stream().filter(sa -> sa.localSpi() == p.attempt
                || sa.peerFqdn().equalsIgnoreCase(fqdn)
                || Optional.ofNullable(sas.get(sa.localSpi())).filter(r -> r.host.equalsIgnoreCase(p.peer.hostName()))
                        .isPresent())
                .toList();
    }

    /** The established IKE SA whose Child SA is the peer's SA pair keyed by IKE. */
    private Optional<IkeSaStatus> keyingSa(PeerState p) {
        Integer inbound = owned.get(p.peer.ula());
        if (inbound == null) {
            return Optional.empty();
        }
        return ikeSas(p).stream().filter(sa -> sa.state() == IkeSaState.ESTABLISHED
                && sa.children().stream().anyMatch(child -> child.inboundSpi() == inbound)).findFirst();
    }

    private Optional<PeerState> byUla(Inet6Address ula) {
        return peers.values().stream().filter(p -> p.peer.ula().equals(ula)).findFirst();
    }

    /**
     * The peer's keying enters this state (a listener told if anything changed), NONE staying KEYING while this
     * side's IKE SA is under way; reaching UP, NONE or FAILED settles who waits for its SA pair.
     */
    private void settle(PeerState p, KeyingState reached, String detail) {
        KeyingState state = reached == KeyingState.NONE && p.attempt != 0 ? KeyingState.KEYING : reached;
        if (p.state != state) {
            p.since = clock.instant();
        }
        boolean changed = p.state != state || !p.detail.equals(detail);
        p.state = state;
        p.detail = detail;
        if (state != KeyingState.KEYING && !p.waiting.isEmpty()) {
            List<Deferred<KeyingStatus>> told = List.copyOf(p.waiting);
            p.waiting.clear();
            KeyingStatus now = status(p);
            told.forEach(d -> {
                if (state == KeyingState.UP) {
                    d.resolve(now);
                } else {
                    d.fail(new IllegalStateException(detail.isEmpty() ? p.peer.hostName() + ": " + state : detail));
                }
            });
        }
        if (changed) {
            listeners.accept(status(p));
        }
    }

    private KeyingStatus status(PeerState p) {
        Optional<IkeSaStatus> sa = keyingSa(p).or(() -> ikeSas(p).stream().filter(s -> s.localSpi() == p.attempt)
                .findFirst());
        return new KeyingStatus(p.peer.ula(), p.peer.hostName(), p.state, p.since,
                sa.map(IkeSaStatus::peerEndpoint), keyingSa(p).flatMap(IkeSaStatus::roundTrip), p.initiator,
                p.detail, sa.flatMap(IkeSaStatus::peerNotAfter));
    }

    private void removeOwned(Inet6Address ula) {
        Integer inbound = owned.remove(ula);
        if (inbound != null && database.list().stream()
                .anyMatch(sa -> sa.peer().equals(ula) && sa.inboundSpi() == inbound)) {
            database.remove(ula);
        }
    }

    private void close(long spi, String reason) {
        if (engine != null) {
            engine.close(spi, reason);
        }
    }

    private void restart() {
        stopEngine("IKE restarts with other credentials, suites or host name");
        Optional<String> unready = unready();
        if (unready.isPresent()) {
            if (!unready.get().equals(idle)) {
                log.info("IKE is idle: {}", unready.get());
            }
            idle = unready.get();
            return;
        }
        zone = withoutDot(credentials.zone());
        List<X509Certificate> chain = credentials.certificateChain();
        PrivateKey key = credentials.privateKey().orElseThrow();
        X509Certificate ca = credentials.accountCa().orElseThrow();
        IkeSettings defaults = IkeSettings.of(suites, new InetSocketAddress(localPort));
        IkeSettings ike = new IkeSettings(defaults.ikeProposals(), defaults.childProposals(), defaults.suites(),
                defaults.localEndpoint(), defaults.retransmission(), defaults.maxMessageLength(),
                settings.halfOpenTimeout(), settings.dpdDelay(), settings.lifetimes());
        runningAs = ownName();
        engine = new IkeEngine(new IkeContext(ike, new LocalHost(runningAs, identity.ula(), chain, key),
                new PeerCertificateCheck(ca, zone, revoked, clock), this::ulaOf, database, datagrams, scheduler,
                random, log, cookies, new HalfOpenCounter(settings.cookieThreshold(), settings.perSource(),
                        settings.limit()), this, this::place, clock));
        idle = "";
        log.info("IKE runs as {} with {}", runningAs, suites.stream().map(CryptoSuite::name).toList());
        scheduler.execute(() -> selfTest(key, chain.get(0), ca));
    }

    /**
     * The handshake's public-key operations once with these credentials ({@link CryptoSelfTest}): proves they work and
     * pays each code path's first use now rather than in a peer's first keying.
     */
    private void selfTest(PrivateKey key, X509Certificate certificate, X509Certificate ca) {
        Instant started = clock.instant();
        try {
            CryptoSelfTest.run(key, certificate, ca, random);
            log.info("IKE's crypto self-test passed in {} ms", Duration.between(started, clock.instant()).toMillis());
        } catch (GeneralSecurityException | RuntimeException e) {
            log.warn("IKE's crypto self-test failed: {}", e.getMessage());
        }
    }

    /**
     * Why there can be no engine now; the local endpoint in NAT detection is the wildcard address, which no peer
     * sees, so peers always find a NAT on the way and keep ESP in UDP, the only way this port carries it (RFC 7296
     * §2.23, RFC 3948).
     */
    private Optional<String> unready() {
        if (credentials == null) {
            return Optional.of("not signed in (homeward:signin or homeward:join)");
        }
        if (credentials.certificateChain().isEmpty() || credentials.privateKey().isEmpty()) {
            return Optional.of("signed in as " + credentials.userName() + " without a host certificate; enroll with"
                    + " homeward:join or sign in again (docs/enrollment.md)");
        }
        if (credentials.accountCa().isEmpty()) {
            return Optional.of("the host certificate chain lacks the account CA");
        }
        if (suites.isEmpty()) {
            return Optional.of("no ESP crypto suite installed (io.homeward.crypto.aesgcm,"
                    + " io.homeward.crypto.chacha20)");
        }
        return Optional.empty();
    }

    /**
     * Closes the engine's IKE SAs here; the SA pairs they keyed stay (the peer keeps its halves) until the peer is
     * keyed again, which a key() now starts.
     */
    private void stopEngine(String reason) {
        IkeEngine running = engine;
        engine = null;
        if (running != null) {
            running.status().forEach(sa -> running.close(sa.localSpi(), reason));
            peers.values().forEach(p -> settle(p, KeyingState.NONE, reason));
        }
    }

    private void rotateCookiesLater() {
        cookieRotation = scheduler.schedule(() -> {
            cookies.rotate();
            rotateCookiesLater();
        }, settings.cookieRotation());
    }

    /** The keying column: state, since when, the round trip, and what there is to say; or why IKE keeps out. */
    private String keying(PeerState p, Instant now) {
        if (manual.keyedByHand(p.peer)) {
            return "keyed by hand (io.homeward.tunnel.manualsa)";
        }
        KeyingStatus status = status(p);
        StringBuilder line = new StringBuilder(status.state().name()).append(" for ")
                .append(Math.max(0, Duration.between(status.since(), now).toSeconds())).append(" s");
        status.roundTrip().ifPresent(rtt -> line.append(", RTT ").append(rtt.toMillis()).append(" ms"));
        if (owned.containsKey(p.peer.ula())) {
            line.append(", SA pair keyed by IKE");
        }
        if (!status.detail().isEmpty()) {
            line.append(" (").append(status.detail()).append(')');
        } else if (status.state() == KeyingState.NONE) {
            line.append(p.peer.endpoint().isEmpty() ? " (waiting for its endpoint)" : " (keyed when asked)");
        }
        return line.toString();
    }

    private static String child(ChildSaStatus child) {
        return child.suite() + " in " + Integer.toHexString(child.inboundSpi()) + " out "
                + Integer.toHexString(child.outboundSpi()) + " ESN " + (child.esn() ? "on" : "off") + ", "
                + child.state() + ", age " + child.age().toSeconds() + " s, rekey in "
                + child.rekeyIn().map(in -> in.toSeconds() + " s").orElse("-");
    }

    private String fqdn(String host) {
        return host + "." + zone;
    }

    /** The host label of one of the user's FQDNs; empty for a name outside the zone. */
    private String host(String fqdn) {
        String lower = withoutDot(fqdn);
        String suffix = "." + zone;
        return lower.endsWith(suffix) ? lower.substring(0, lower.length() - suffix.length()) : "";
    }

    private static <T> Promise<T> failed(String reason) {
        return Promises.failed(new IllegalStateException(reason));
    }

    /** Compares ULAs as unsigned 128-bit numbers. */
    static boolean lower(Inet6Address own, Inet6Address peer) {
        return Arrays.compareUnsigned(own.getAddress(), peer.getAddress()) < 0;
    }

    private static String withoutDot(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
