package io.homeward.ike.internal;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

import org.osgi.service.log.Logger;

import io.homeward.api.auth.Credentials;
import io.homeward.api.auth.RevokedCertificates;
import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.endpoint.PublicEndpoint;
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.peers.Peer;
import io.homeward.api.sa.SaSpec;
import io.homeward.api.sa.SecurityAssociationDatabase;
import io.homeward.ike.internal.crypto.Cookies;
import io.homeward.ike.internal.exchange.ChildSaStatus;
import io.homeward.ike.internal.exchange.Datagrams;
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
 * Keys the SA pairs with the user's other hosts by IKE (docs/architecture.md, "Data flows"). The engine runs while
 * this host is signed in with a host certificate and an ESP suite is installed; every listed peer without an SA
 * pair gets an IKE SA, started at once by the host with the lower ULA and by the other only after
 * {@link #HIGHER_ULA_WAIT} (so both rarely start at once; RFC 7296 §2.8 collision handling is not done yet), and
 * again with backoff after a failure. A peer that leaves, or comes back with another ULA, loses its SA pair and IKE
 * SAs; a newer Child SA with a peer supersedes the IKE SAs of the older. Peers keyed by hand are left alone, and
 * only SA pairs IKE installed are ever removed. Everything runs on the scheduler's one thread.
 */
final class PeerKeying implements IkeSaEvents {
    /** How long the host with the higher ULA leaves the first move to the other. */
    static final Duration HIGHER_ULA_WAIT = Duration.ofSeconds(15);
    /** After the n-th failure in a row a peer is tried again in 10 s × 2ⁿ⁻¹, at most {@link #LONGEST_RETRY}. */
    static final Retransmission RETRY = new Retransmission(Duration.ofSeconds(10), 2, 0);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(10);

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
    private final Cookies cookies;
    private Scheduled cookieRotation;

    private Credentials credentials;
    private List<CryptoSuite> suites = List.of();
    private IkeEngine engine;
    /** The user's zone without the final dot, while the engine runs. */
    private String zone = "";
    private String idle = "starting";
    private final Map<String, PeerState> peers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    /** The SA pairs IKE installed: the peer's ULA and the inbound SPI, which tells them from pairs keyed since. */
    private final Map<Inet6Address, Integer> owned = new HashMap<>();
    /** The IKE SAs this side started or that installed a Child SA, by local SPI. */
    private final Map<Long, SaRecord> sas = new HashMap<>();
    /** This host's public endpoint as last reported, which tells a move from a first report or a repeated one. */
    private InetSocketAddress publicEndpoint;

    /** A listed peer and what IKE does about it. */
    private final class PeerState {
        Peer peer;
        /** Failures in a row. */
        int failures;
        Scheduled timer;
        Instant due;
        String waiting = "";
        /** The lower ULA may initiate at once, the higher one after its wait. */
        boolean mayInitiate;
        /** The local SPI of the IKE SA this side started and that has not installed a Child SA yet; 0 if none. */
        long attempt;
        /**
         * Why IKE neither initiates to it nor keys its Child SA until {@code homeward:ike initiate}: deleted, revoked;
         * empty if not held.
         */
        String held = "";
        boolean manualNoted;

        PeerState(Peer peer) {
            this.peer = peer;
        }

        void wait(Duration delay, String why) {
            due = clock.instant().plus(delay);
            waiting = why;
            timer = scheduler.schedule(() -> {
                stopWaiting();
                mayInitiate = true;
                consider(this);
            }, delay);
        }

        void stopWaiting() {
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
            waiting = "";
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
            RevokedCertificates revoked, ManualSaPeers manual) {
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
        peers.values().forEach(PeerState::stopWaiting);
        List.copyOf(owned.keySet()).forEach(this::removeOwned);
        idle = "stopped";
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
            before.map(gone -> peers.remove(gone.hostName()))
                    .ifPresent(p -> forget(p, "left the peer directory", false));
            return;
        }
        Peer now = after.get();
        PeerState p = peers.get(now.hostName());
        if (p == null) {
            p = new PeerState(now);
            peers.put(now.hostName(), p);
        } else if (!p.peer.ula().equals(now.ula())) {
            forget(p, "now has the ULA " + now.ula().getHostAddress(), false);
            p = new PeerState(now);
            peers.put(now.hostName(), p);
        } else {
            p.peer = now;
        }
        consider(p);
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

    /** {@code homeward:ike initiate HOST}: a new IKE SA now, whatever SA the peer has. */
    String initiate(String host) {
        PeerState p = peers.get(host);
        Optional<String> refusal = engine == null ? Optional.of("IKE is idle: " + idle)
                : p == null ? Optional.of("no peer " + host + " in the peer directory (homeward:peers)")
                : manual.keyedByHand(p.peer) ? Optional.of(host + " is keyed by hand (io.homeward.tunnel.manualsa);"
                        + " IKE leaves it alone")
                : p.peer.endpoint().isEmpty() ? Optional.of(host + " has published no endpoint yet")
                : p.attempt != 0 ? Optional.of("an IKE SA with " + host + " is already under way")
                : Optional.empty();
        if (refusal.isPresent()) {
            return refusal.get();
        }
        p.held = "";
        p.stopWaiting();
        p.failures = 0;
        p.mayInitiate = true;
        initiate(p);
        return "Initiating an IKE SA with " + fqdn(p.peer.hostName()) + " at " + p.peer.endpoint().get();
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

    /** {@code homeward:ike delete HOST}: the SA pair removed here and the IKE SAs forgotten (no DELETE yet). */
    String delete(String host) {
        PeerState p = peers.get(host);
        if (p == null) {
            return "no peer " + host + " in the peer directory (homeward:peers)";
        }
        boolean keyed = owned.containsKey(p.peer.ula());
        p.held = "deleted by the operator";
        forget(p, p.held, false);
        return (keyed ? "Removed the SA pair with " + host : "IKE had installed no SA pair with " + host)
                + " and forgot its IKE SAs; IKE keys it again after homeward:ike initiate " + host;
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
                : "running as " + fqdn(identity.hostName()) + " on UDP " + localPort + ", "
                        + (settings.initiate() ? "initiating to every listed peer" : "answering only");
        return new IkeReport(state, peerLines, saLines);
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
        p.stopWaiting();
        if (p.attempt == spi) {
            p.attempt = 0;
        }
        sas.entrySet().stream().filter(e -> e.getKey() != spi && e.getValue().child != null
                && e.getValue().host.equalsIgnoreCase(r.host)).map(Map.Entry::getKey).toList()
                .forEach(older -> scheduler.execute(() -> close(older, "superseded by a newer IKE SA")));
    }

    /**
     * A Child SA pair is gone: rekeyed (the SA pair IKE owns is then the newest Child SA's) or deleted; an IKE SA left
     * without Child SA is deleted, and the peer keyed again after the wait of the higher ULA.
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
        scheduler.execute(() -> {
            if (engine != null) {
                engine.delete(spi, "its last Child SA was removed");
            }
            Optional.ofNullable(peers.get(host(sa.peerFqdn()))).filter(p -> p.timer == null)
                    .ifPresent(p -> p.wait(HIGHER_ULA_WAIT, "its Child SA was deleted"));
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

    @Override
    public void noChild(IkeSaStatus sa, String reason) {
        scheduler.execute(() -> close(sa.localSpi(), "no Child SA: " + reason));
    }

    @Override
    public void closed(IkeSaStatus sa, String reason) {
        long spi = sa.localSpi();
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
        if (engine != null && p.held.isEmpty() && !owned.containsKey(p.peer.ula())) {
            Duration again = RETRY.wait(++p.failures);
            again = again.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : again;
            log.info("IKE with {} failed: {}; trying again in {} s", p.peer.hostName(), reason, again.toSeconds());
            p.wait(again, "failed: " + reason);
        }
    }

    /**
     * An IKE SA whose Child SA is still the peer's SA pair closed while the engine runs: the peer was taken for dead
     * (RFC 7296 §2.4) or the SA failed. Nothing keys the pair any more, so it goes, and the peer is keyed again.
     */
    private void orphaned(SaRecord record, String reason) {
        PeerState p = peers.get(record.host);
        Integer inbound = p == null ? null : owned.get(p.peer.ula());
        if (engine == null || inbound == null || inbound != record.child.inboundSpi()) {
            return;
        }
        log.info("IKE: the IKE SA with {} closed ({}); its SA pair removed, keying it again", p.peer.hostName(),
                reason);
        removeOwned(p.peer.ula());
        consider(p);
    }

    /**
     * The peer deleted its IKE SA with this host (it stops, its IKE restarts, or its operator starts another): the SA
     * pair goes too, and this host gives the peer the time the higher ULA waits to start the next one itself before
     * keying it again, whichever ULA is lower.
     */
    @Override
    public void deletedByPeer(IkeSaStatus sa) {
        PeerState p = peers.get(host(sa.peerFqdn()));
        if (p == null) {
            return;
        }
        log.info("IKE: {} deleted its IKE SA with this host; its SA pair goes too", p.peer.hostName());
        removeOwned(p.peer.ula());
        p.stopWaiting();
        p.wait(HIGHER_ULA_WAIT, "the peer deleted its IKE SA and may start the next");
    }

    /**
     * The responder's view of a peer's ULA (RFC 7296 §2.9): none for a peer keyed by hand, held (deleted by the
     * operator, revoked), or in a collision.
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
        if (p.attempt != 0 && lower(identity.ula(), p.peer.ula())) {
            if (unanswered(p.attempt)) {
                // The peer reached us while our IKE_SA_INIT to it has had no answer: a NAT in front of the peer
                // filters what it did not send to first, so its SA is the one that can work (RFC 7296 §2.8 spirit).
                log.info("IKE: {} reached this host first while this host's own IKE_SA_INIT to it is unanswered;"
                        + " keying the peer's IKE SA instead", fqdn);
                long mine = p.attempt;
                p.attempt = 0;
                close(mine, "the peer's own IKE SA reached this host first");
                return Optional.of(p.peer.ula());
            }
            log.info("IKE: no Child SA for {} while this host's own IKE SA with it is under way (the lower ULA's"
                    + " wins)", fqdn);
            return Optional.empty();
        }
        return Optional.of(p.peer.ula());
    }

    /** Whether this host's IKE SA with this SPI still waits for the answer to its IKE_SA_INIT. */
    private boolean unanswered(long spi) {
        return engine.status().stream().anyMatch(sa -> sa.localSpi() == spi && sa.state() == IkeSaState.INIT_SENT);
    }

    private void consider(PeerState p) {
        if (engine == null || !p.held.isEmpty() || p.attempt != 0 || p.timer != null
                || owned.containsKey(p.peer.ula())) {
            return;
        }
        if (manual.keyedByHand(p.peer)) {
            if (!p.manualNoted) {
                log.info("IKE leaves {} alone: its SA is keyed by hand (io.homeward.tunnel.manualsa)",
                        p.peer.hostName());
                p.manualNoted = true;
            }
            return;
        }
        if (p.peer.endpoint().isEmpty() || !settings.initiate()) {
            return;
        }
        if (!p.mayInitiate && !lower(identity.ula(), p.peer.ula())) {
            p.wait(HIGHER_ULA_WAIT, "the host with the lower ULA initiates first");
            return;
        }
        initiate(p);
    }

    private void initiate(PeerState p) {
        InetSocketAddress endpoint = p.peer.endpoint().orElseThrow();
        long spi = engine.initiate(fqdn(p.peer.hostName()), p.peer.ula(), endpoint);
        p.attempt = spi;
        sas.put(spi, new SaRecord(p.peer.hostName()));
        log.info("IKE: initiating an IKE SA with {} at {}", p.peer.hostName(), endpoint);
    }

    /** The peer's SA pair removed (if IKE installed it) and its IKE SAs closed here, the peer told if asked. */
    private void forget(PeerState p, String reason, boolean tellPeer) {
        p.stopWaiting();
        long started = p.attempt;
        p.attempt = 0;
        removeOwned(p.peer.ula());
        if (engine == null) {
            return;
        }
        String fqdn = fqdn(p.peer.hostName());
        engine.status().stream().filter(sa -> sa.localSpi() == started || sa.peerFqdn().equalsIgnoreCase(fqdn)
                || Optional.ofNullable(sas.get(sa.localSpi())).filter(r -> r.host.equalsIgnoreCase(p.peer.hostName()))
                        .isPresent())
                .map(IkeSaStatus::localSpi).toList()
                .forEach(spi -> {
                    if (tellPeer) {
                        engine.delete(spi, p.peer.hostName() + " " + reason);
                    } else {
                        engine.close(spi, p.peer.hostName() + " " + reason);
                    }
                });
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
        stopEngine("IKE restarts with other credentials or suites");
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
        engine = new IkeEngine(new IkeContext(ike, new LocalHost(fqdn(identity.hostName()), identity.ula(), chain, key),
                new PeerCertificateCheck(ca, zone, revoked, clock), this::ulaOf, database, datagrams, scheduler,
                random, log, cookies, new HalfOpenCounter(settings.cookieThreshold(), settings.perSource(),
                        settings.limit()), this, clock));
        idle = "";
        log.info("IKE runs as {} with {}", fqdn(identity.hostName()), suites.stream().map(CryptoSuite::name).toList());
        List.copyOf(peers.values()).forEach(this::consider);
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

    private void stopEngine(String reason) {
        IkeEngine running = engine;
        engine = null;
        if (running != null) {
            running.status().forEach(sa -> running.close(sa.localSpi(), reason));
        }
    }

    private void rotateCookiesLater() {
        cookieRotation = scheduler.schedule(() -> {
            cookies.rotate();
            rotateCookiesLater();
        }, settings.cookieRotation());
    }

    private String keying(PeerState p, Instant now) {
        if (owned.containsKey(p.peer.ula())) {
            return "SA pair keyed by IKE";
        }
        if (manual.keyedByHand(p.peer)) {
            return "keyed by hand (io.homeward.tunnel.manualsa)";
        }
        if (!p.held.isEmpty()) {
            return p.held;
        }
        if (p.attempt != 0) {
            return "negotiating";
        }
        if (p.timer != null) {
            return "in " + Math.max(0, Duration.between(now, p.due).toSeconds()) + " s (" + p.waiting + ")";
        }
        if (engine == null) {
            return "-";
        }
        return p.peer.endpoint().isEmpty() ? "waiting for its endpoint"
                : settings.initiate() ? "-" : "waiting for it to initiate";
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

    /** Compares ULAs as unsigned 128-bit numbers. */
    static boolean lower(Inet6Address own, Inet6Address peer) {
        return Arrays.compareUnsigned(own.getAddress(), peer.getAddress()) < 0;
    }

    private static String withoutDot(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
