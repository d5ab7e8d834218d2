package io.homeward.ike.internal;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.osgi.framework.Constants;
import org.osgi.service.cm.ConfigurationAdmin;
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
import org.osgi.util.promise.Deferred;
import org.osgi.util.promise.Promise;

import io.homeward.api.auth.Credentials;
import io.homeward.api.auth.RevokedCertificates;
import io.homeward.api.auth.RevokedCertificatesListener;
import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.endpoint.PublicEndpointListener;
import io.homeward.api.endpoint.PublicEndpoints;
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.keying.IkeReport;
import io.homeward.api.keying.IkeStatus;
import io.homeward.api.keying.KeyingListener;
import io.homeward.api.keying.KeyingStatus;
import io.homeward.api.keying.TunnelKeying;
import io.homeward.api.peers.Peer;
import io.homeward.api.peers.PeerListener;
import io.homeward.api.sa.SecurityAssociationDatabase;
import io.homeward.api.tunnel.DatagramKind;
import io.homeward.api.tunnel.TunnelPort;
import io.homeward.ike.internal.exchange.Lifetimes;
import io.homeward.kit.schedule.ExecutorScheduler;
import io.homeward.kit.schedule.Scheduler;

/**
 * IKEv2 (RFC 7296) on the tunnel port: IKE messages behind the non-ESP marker (RFC 3948 §2.2) go to the engine on
 * this component's one thread, and the Child SAs it negotiates with the user's other hosts, authenticated by the
 * host certificates of the account CA (docs/enrollment.md), go into the SA database. The peers come from the peer
 * directory, to which this component listens as a {@link PeerListener} (it references no directory, so no DS
 * cycle); sign-in, enrollment and the crypto suites may come and go, and without a host certificate IKE stays idle
 * and says why. It answers the peers' IKE at any time and initiates only when asked through {@link TunnelKeying}
 * (the autotunnel, {@code homeward:ike initiate}).
 */
@Component(service = {PeerListener.class, TunnelKeying.class, IkeComponent.class, IkeStatus.class}, configurationPid = IkeComponent.PID)
@Designate(ocd = IkeComponent.Config.class)
public class IkeComponent implements PeerListener, TunnelKeying, IkeStatus {
    static final String PID = "io.homeward.ike";
    /** Datagrams waiting for the IKE thread beyond this are dropped, so a flood cannot fill the memory. */
    static final int MAX_QUEUED = 1024;
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final Duration ASK_WAIT = Duration.ofSeconds(10);

    @ObjectClassDefinition(name = "Homeward IKE",
            description = "IKEv2 with the host certificates: keys the ESP SAs with the user's other hosts.")
    public @interface Config {
        @AttributeDefinition(name = "Cookie threshold", description = "Half-open IKE SAs (all sources) from which"
                + " new IKE_SA_INIT requests must return a COOKIE (RFC 7296 §2.6).")
        int halfOpenCookieThreshold() default 30;

        @AttributeDefinition(name = "Half-open per source", description = "Half-open IKE SAs from one address from"
                + " which its requests must return a COOKIE.")
        int halfOpenPerSource() default 3;

        @AttributeDefinition(name = "Half-open limit", description = "At most this many half-open IKE SAs; further"
                + " IKE_SA_INIT requests are dropped.")
        int halfOpenLimit() default 1000;

        @AttributeDefinition(name = "Half-open timeout (seconds)", description = "How long a half-open IKE SA waits"
                + " for IKE_AUTH.")
        int halfOpenTimeoutSeconds() default 30;

        @AttributeDefinition(name = "Cookie rotation (minutes)", description = "How often the COOKIE secret is"
                + " replaced; cookies of the one before stay valid until the next.")
        int cookieRotationMinutes() default 5;

        @AttributeDefinition(name = "Dead peer detection (seconds)", description = "When no IKE message and no ESP"
                + " packet came from a peer for this long, an empty INFORMATIONAL checks that it is alive; unanswered"
                + " after the retransmissions, the IKE SA and its SA pair go until the peer is keyed again (RFC 7296"
                + " §2.4). 0: off.")
        int dpdDelaySeconds() default 30;

        @AttributeDefinition(name = "Child SA rekey time (seconds)", description = "A Child SA is rekeyed"
                + " (make-before-break, RFC 7296 §2.8) after this time less the jitter; an SA without ESN also"
                + " before its sequence numbers run out.")
        int childRekeySeconds() default 3600;

        @AttributeDefinition(name = "Child SA lifetime (seconds)", description = "A Child SA that could not be"
                + " rekeyed is deleted after this time; longer than the rekey time.")
        int childLifetimeSeconds() default 3960;

        @AttributeDefinition(name = "IKE SA rekey time (seconds)", description = "An IKE SA is rekeyed (RFC 7296"
                + " §2.18) after this time less the jitter.")
        int ikeRekeySeconds() default 14400;

        @AttributeDefinition(name = "Rekey jitter (percent)", description = "Each rekey time is shortened by a"
                + " random part of up to this share (0 to 50), so that both ends rarely rekey at once.")
        int rekeyJitterPercent() default 10;
    }

    private final Logger log;
    private final Scheduler scheduler;
    private final PeerKeying keying;
    private final TunnelPort.Registration handler;
    private final RevokedCertificates revoked;
    private final RevokedCertificatesListener revocations;
    private final Map<CryptoSuite, Integer> suites = new ConcurrentHashMap<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final PublicEndpointListener endpointListener;
    private final Set<KeyingListener> keyingListeners = new CopyOnWriteArraySet<>();

    @Activate
    public IkeComponent(@Reference(service = LoggerFactory.class) Logger log, @Reference TunnelPort port,
            @Reference SecurityAssociationDatabase database, @Reference HostIdentity identity,
            @Reference RevokedCertificates revoked, @Reference ConfigurationAdmin configurations, Config config) {
        this(log, port, database, identity, revoked, new ConfiguredManualSas(configurations, log),
                settings(config, log), new ExecutorScheduler("homeward-ike", log), Clock.systemUTC(), new SecureRandom());
    }

    IkeComponent(Logger log, TunnelPort port, SecurityAssociationDatabase database, HostIdentity identity,
            RevokedCertificates revoked, ManualSaPeers manual, KeyingSettings settings, Scheduler scheduler,
            Clock clock, SecureRandom random) {
        this.log = log;
        this.scheduler = scheduler;
        this.keying = new PeerKeying(settings, scheduler, clock, random, log, new MarkedDatagrams(port),
                port.localPort(), database, identity, revoked, manual, this::tell);
        scheduler.execute(keying::start);
        this.revoked = revoked;
        this.revocations = serials -> scheduler.execute(() -> keying.revoked(serials));
        revoked.addRevokedCertificatesListener(revocations);
        this.endpointListener = (previous, current) -> scheduler.execute(() -> keying.publicEndpoint(current));
        this.handler = port.register(DatagramKind.IKE, this::received);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCredentials(Credentials signedIn) {
        scheduler.execute(() -> keying.signedIn(signedIn));
    }

    void unbindCredentials(Credentials signedOut) {
        scheduler.execute(() -> keying.signedOut(signedOut));
    }

    /**
     * The identity again, to hear of its host name changing (its configuration is modified in place: a join under
     * the invite's name, a rename): IKE must run under the name its certificate and its peers know.
     */
    @Reference(name = "renames", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            updated = "identityRenamed")
    void bindIdentityRenames(HostIdentity same) {
        scheduler.execute(keying::hostNameMayHaveChanged);
    }

    void identityRenamed(HostIdentity same) {
        scheduler.execute(keying::hostNameMayHaveChanged);
    }

    void unbindIdentityRenames(HostIdentity same) {
        // The component's own reference to the identity is static: losing it deactivates the component.
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSuite(CryptoSuite suite, Map<String, Object> properties) {
        suites.put(suite, ranking(properties));
        offerSuites();
    }

    void unbindSuite(CryptoSuite suite) {
        suites.remove(suite);
        offerSuites();
    }

    void updatedSuite(CryptoSuite suite, Map<String, Object> properties) {
        suites.put(suite, ranking(properties));
        offerSuites();
    }

    /** Where peers reach this host: when it moves, the IKE SAs follow it (MOBIKE, RFC 4555). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPublicEndpoints(PublicEndpoints endpoints) {
        endpoints.addPublicEndpointListener(endpointListener);
    }

    void unbindPublicEndpoints(PublicEndpoints endpoints) {
        endpoints.removePublicEndpointListener(endpointListener);
    }

    @Override
    public void peerChanged(Optional<Peer> before, Optional<Peer> after) {
        scheduler.execute(() -> keying.peerChanged(before, after));
    }

    @Override
    public Promise<KeyingStatus> key(Inet6Address peer) {
        Deferred<KeyingStatus> keyed = new Deferred<>();
        scheduler.execute(() -> keyed.resolveWith(keying.key(peer)));
        return keyed.getPromise();
    }

    @Override
    public boolean close(Inet6Address peer, String reason) {
        return ask(() -> keying.close(peer, reason));
    }

    @Override
    public Promise<Duration> probe(Inet6Address peer) {
        Deferred<Duration> measured = new Deferred<>();
        scheduler.execute(() -> measured.resolveWith(keying.probe(peer)));
        return measured.getPromise();
    }

    @Override
    public List<KeyingStatus> status() {
        return ask(keying::status);
    }

    @Override
    public void addKeyingListener(KeyingListener listener) {
        keyingListeners.add(listener);
    }

    @Override
    public void removeKeyingListener(KeyingListener listener) {
        keyingListeners.remove(listener);
    }

    @Override
    public IkeReport report() {
        return ask(keying::report);
    }

    String initiate(String host) {
        return ask(() -> keying.initiate(host));
    }

    String delete(String host) {
        return ask(() -> keying.delete(host));
    }

    String rekeyChild(String host) {
        return ask(() -> keying.rekeyChild(host));
    }

    String rekeyIke(String host) {
        return ask(() -> keying.rekeyIke(host));
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        handler.close();
        revoked.removeRevokedCertificatesListener(revocations);
        scheduler.execute(keying::stop);
        if (scheduler instanceof ExecutorScheduler thread && !thread.shutdown(STOP_WAIT)) {
            log.warn("The IKE thread did not stop within {} s", STOP_WAIT.toSeconds());
            thread.stopNow();
        }
    }

    /** The port's receive thread: the datagram copied (the port reuses its buffer) and handed to the IKE thread. */
    private void received(byte[] buffer, int offset, int length, InetSocketAddress from) {
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            return;
        }
        byte[] datagram = Arrays.copyOfRange(buffer, offset, offset + length);
        scheduler.execute(() -> {
            queued.decrementAndGet();
            keying.received(datagram, from);
        });
    }

    /** Tells every keying listener, on the IKE thread; one that throws is logged and the others still told. */
    private void tell(KeyingStatus status) {
        for (KeyingListener listener : keyingListeners) {
            try {
                listener.keyingChanged(status);
            } catch (RuntimeException e) {
                log.warn("A keying listener failed on {}: {}", status.host(), e.toString());
            }
        }
    }

    /** The suites by service ranking, highest first: the order the proposals offer them in. */
    private void offerSuites() {
        List<CryptoSuite> ranked = suites.entrySet().stream()
                .sorted(Map.Entry.<CryptoSuite, Integer>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        scheduler.execute(() -> keying.suites(ranked));
    }

    /** Runs on the IKE thread and waits for the answer. */
    private <T> T ask(Supplier<T> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        scheduler.execute(() -> answer.complete(question.get()));
        try {
            return answer.get(ASK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the IKE thread", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the IKE thread did not answer within " + ASK_WAIT.toSeconds() + " s", e);
        }
    }

    private static int ranking(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0;
    }

    private static KeyingSettings settings(Config config, Logger log) {
        try {
            return new KeyingSettings(config.halfOpenCookieThreshold(), config.halfOpenPerSource(),
                    config.halfOpenLimit(), Duration.ofSeconds(config.halfOpenTimeoutSeconds()),
                    Duration.ofMinutes(config.cookieRotationMinutes()), Duration.ofSeconds(config.dpdDelaySeconds()),
                    new Lifetimes(Duration.ofSeconds(config.childRekeySeconds()),
                            Duration.ofSeconds(config.childLifetimeSeconds()),
                            Duration.ofSeconds(config.ikeRekeySeconds()), config.rekeyJitterPercent()));
        } catch (IllegalArgumentException e) {
            log.error("{}: {}; using the defaults", PID, e.getMessage());
            return new KeyingSettings(KeyingSettings.DEFAULTS.cookieThreshold(),
                    KeyingSettings.DEFAULTS.perSource(), KeyingSettings.DEFAULTS.limit(),
                    KeyingSettings.DEFAULTS.halfOpenTimeout(), KeyingSettings.DEFAULTS.cookieRotation(),
                    KeyingSettings.DEFAULTS.dpdDelay(), KeyingSettings.DEFAULTS.lifetimes());
        }
    }
}
