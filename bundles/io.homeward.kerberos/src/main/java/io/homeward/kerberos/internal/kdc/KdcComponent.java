package io.homeward.kerberos.internal.kdc;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
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

import io.homeward.api.auth.Credentials;
import io.homeward.api.auth.RevokedCertificates;
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.kerberos.KdcListener;
import io.homeward.api.kerberos.KdcStatus;
import io.homeward.api.kerberos.KerberosServices;
import io.homeward.api.kerberos.ServiceAcceptor;
import io.homeward.api.peers.PeerDirectory;
import io.homeward.api.runtime.ProviderProperties;
import io.homeward.kerberos.internal.net.FrontDoorSettings;
import io.homeward.kerberos.internal.net.KdcFrontDoor;
import io.homeward.kerberos.internal.net.TunnelSources;
import io.homeward.kerberos.internal.pkinit.ClientPrincipalMapping;
import io.homeward.kerberos.internal.pkinit.PkinitKdc;
import io.homeward.kerberos.internal.pkinit.SigningCredential;
import io.homeward.kerberos.internal.replay.ReplayCache;
import io.homeward.kerberos.internal.status.KdcCounters;
import io.homeward.kerberos.internal.store.PrincipalKeyStore;
import io.homeward.kit.data.DataDirectory;
import io.homeward.kit.files.PrivateDirectories;
import io.homeward.kit.schedule.ExecutorScheduler;
import io.homeward.kit.schedule.Scheduler;

/**
 * This host's KDC while the host is signed in (docs/kerberos.md "The component"): realm = the host's name in its
 * user's zone, upper case; registered by DS as {@link KerberosServices} at all times (its status says why no KDC
 * runs), telling its {@link KdcListener}s when it starts or stops answering (the registrar publishes its records, the
 * services register their principals, while it answers); PKINIT with the host's certificate and key from sign-in, the
 * account CA as the only trust anchor and the revocations the agent learnt; UDP and TCP on the host's ULA only,
 * answering the tunnel's sources. A host renamed in place gets the KDC of its new realm ({@link RunningKdc}). It owns
 * the front door's sockets and threads and one thread that binds them (again every {@link #BIND_RETRY} while the ULA
 * is not on an interface yet) and tells the listeners, and releases all of them on deactivation.
 */
// Immediate: the KDC answers the user's other hosts from the start, not once a bundle here first asks for it.
@Component(service = {KdcComponent.class, KerberosServices.class}, configurationPid = "io.homeward.kerberos",
        immediate = true, property = ProviderProperties.NAME + "=homeward-kdc")
@Designate(ocd = KdcComponent.Config.class)
public class KdcComponent implements KerberosServices {
    static final Duration BIND_RETRY = Duration.ofSeconds(5);
    static final String NOT_SIGNED_IN = "this host is not signed in (homeward:signin)";

    @ObjectClassDefinition(name = "Homeward KDC",
            description = "This host's Kerberos KDC (RFC 4120) with PKINIT (RFC 4556) for the user's other hosts.")
    public @interface Config {
        @AttributeDefinition(min = "0", max = "65535", description = "UDP and TCP port on the host's ULA (88).")
        int port() default 88;

        @AttributeDefinition(min = "1", max = "168", description = "Longest ticket lifetime in hours, 1 to 168.")
        int ticketLifetimeHours() default 10;

        @AttributeDefinition(min = "0", max = "720", description = "Longest renewable lifetime in hours; 0 issues "
                + "no renewable tickets (a client gets a new TGT with its certificate instead).")
        int renewableLifetimeHours() default 0;

        @AttributeDefinition(min = "1", max = "3600", description = "Clock skew allowed for TGS authenticators and "
                + "ticket times, in seconds (PKINIT's own check is 300 s).")
        int clockSkewSeconds() default 300;

        @AttributeDefinition(min = "1024", description = "Longest request read, in bytes.")
        int maxMessageBytes() default 65_536;

        @AttributeDefinition(min = "512", max = "65507", description = "Longest answer sent over UDP; a longer one "
                + "becomes KRB_ERR_RESPONSE_TOO_BIG and the client asks over TCP.")
        int maxUdpReplyBytes() default 4096;

        @AttributeDefinition(min = "1", max = "1024", description = "TCP connections served at once.")
        int maxConnections() default 32;

        @AttributeDefinition(min = "1", max = "600", description = "Seconds a TCP connection has to send a whole "
                + "request.")
        int idleTimeoutSeconds() default 15;

        @AttributeDefinition(min = "1", description = "Authenticators the replay cache remembers at most.")
        int replayCacheCapacity() default ReplayCache.DEFAULT_CAPACITY;

        @AttributeDefinition(required = false, description = "Services registered at start, besides those bundles "
                + "register: 'host' gives host/<this host's name>, the principal MIT's tools and sshd use.")
        String[] services() default {"host"};
    }

    private final Logger log;
    private final Path directory;
    private final Credentials credentials;
    private final HostIdentity identity;
    private final PeerDirectory peers;
    private final RevokedCertificates revoked;
    private final Config config;
    private final Clock clock;
    private final SecureRandom random;
    private final Scheduler thread;
    private final Runnable stopThread;
    private final KdcCounters counters = new KdcCounters();
    /** Each listener and the realm it was last told (empty: not answering), so each is told every change once. */
    private final Map<KdcListener, Optional<String>> listeners = new ConcurrentHashMap<>();
    private volatile Serving serving;
    private volatile Optional<String> answering = Optional.empty();
    private volatile AcceptorFactory acceptors;
    private Scheduler.Scheduled retry;
    private boolean closed;

    /** The realm served now, by the host's name when it was last read, and its KDC or why there is none. */
    private record Serving(String hostName, String realm, Optional<RunningKdc> kdc, String problem) {
    }

    /** Signed in or not: without credentials (static, greedy: a new sign-in starts the component again) no KDC. */
    @Activate
    public KdcComponent(@Reference(service = LoggerFactory.class) Logger log, BundleContext context,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            Credentials credentials, @Reference HostIdentity identity, @Reference PeerDirectory peers,
            @Reference RevokedCertificates revoked, Config config) {
        this(log, DataDirectory.resolve(context, "kerberos", log), credentials, identity, peers, revoked, config,
                Clock.systemUTC(), new SecureRandom(), new ExecutorScheduler("homeward-kdc-bind", log));
    }

    private KdcComponent(Logger log, Path directory, Credentials credentials, HostIdentity identity,
            PeerDirectory peers, RevokedCertificates revoked, Config config, Clock clock, SecureRandom random,
            ExecutorScheduler thread) {
        this(log, directory, credentials, identity, peers, revoked, config, clock, random, thread, thread::stopNow);
    }

    /** {@code thread} runs the binding and tells the listeners; {@code stopThread} ends it on deactivation. */
    KdcComponent(Logger log, Path directory, Credentials credentials, HostIdentity identity, PeerDirectory peers,
            RevokedCertificates revoked, Config config, Clock clock, SecureRandom random, Scheduler thread,
            Runnable stopThread) {
        this.log = log;
        this.directory = directory;
        this.credentials = credentials;
        this.identity = identity;
        this.peers = peers;
        this.revoked = revoked;
        this.config = config;
        this.clock = clock;
        this.random = random;
        this.thread = thread;
        this.stopThread = stopThread;
        this.serving = start(identity.hostName());
        thread.execute(this::bind);
    }

    /** The KDC of the host named {@code name} in the signed-in zone, or why there is none. */
    private Serving start(String name) {
        String zone = zone();
        String hostName = fullName(name);
        String realm = hostName.toUpperCase(Locale.ROOT);
        if (credentials == null) {
            return new Serving(hostName, realm, Optional.empty(), NOT_SIGNED_IN);
        }
        try {
            Optional<X509Certificate> accountCa = credentials.accountCa();
            if (accountCa.isEmpty() || credentials.privateKey().isEmpty()) {
                throw new IllegalStateException("this host has no certificate of the account CA yet "
                        + "(docs/enrollment.md \"Host certificates\")");
            }
            FrontDoorSettings settings = new FrontDoorSettings(config.port(), config.maxMessageBytes(),
                    config.maxUdpReplyBytes(), config.maxConnections(), Duration.ofSeconds(config.idleTimeoutSeconds()));
            TicketPolicy policy = new TicketPolicy(Duration.ofHours(config.ticketLifetimeHours()),
                    Duration.ofHours(config.renewableLifetimeHours()), Duration.ofSeconds(config.clockSkewSeconds()));
            PrincipalKeyStore store = PrincipalKeyStore.open(PrivateDirectories.create(directory), realm, random,
                    clock);
            for (String service : config.services()) {
                store.register(List.of(service, hostName));
            }
            ClientPrincipalMapping mapping = new ClientPrincipalMapping(zone, realm);
            PkinitKdc pkinit = new PkinitKdc(new SigningCredential(credentials.privateKey().get(),
                    credentials.certificateChain()), Set.of(new TrustAnchor(accountCa.get(), null)),
                    revoked::isRevoked, mapping, clock, random);
            KdcEngine engine = new KdcEngine(store, mapping.user(), pkinit, new ReplayCache(clock,
                    policy.clockSkew(), config.replayCacheCapacity(), log), policy, counters, clock, random, log);
            TunnelSources sources = new TunnelSources(identity::ula, peers);
            List<InetAddress> addresses = List.of(identity.ula());
            return new Serving(hostName, realm, Optional.of(new RunningKdc(hostName, store,
                    () -> KdcFrontDoor.open(addresses, settings, engine, sources, counters, log, clock),
                    addresses + " port " + settings.port(), log)), "");
        } catch (IOException | RuntimeException e) {
            String why = Objects.toString(e.getMessage(), e.toString());
            log.error("The KDC of {} does not run: {}", realm, why);
            return new Serving(hostName, realm, Optional.empty(), why);
        }
    }

    /** The signed-in zone without its final dot; empty when signed out. */
    private String zone() {
        String zone = credentials == null ? "" : credentials.zone();
        return zone.endsWith(".") ? zone.substring(0, zone.length() - 1) : zone;
    }

    /** The host's fully qualified name in lower case: its realm in lower case. */
    private String fullName(String name) {
        String zone = zone();
        return (name + (zone.isEmpty() ? "" : "." + zone)).toLowerCase(Locale.ROOT);
    }

    /** On the thread: binds the front door, again every {@link #BIND_RETRY} until it answers, then says so. */
    private void bind() {
        synchronized (this) {
            retry = null;
            Optional<RunningKdc> kdc = serving.kdc();
            if (closed || kdc.isEmpty()) {
                return;
            }
            if (!kdc.get().bind(BIND_RETRY.toSeconds())) {
                retry = thread.schedule(this::bind, BIND_RETRY);
                return;
            }
            answering = Optional.of(kdc.get().realm());
        }
        announce();
    }

    /**
     * On the thread: a host renamed in place (its identity's configuration modified, docs/enrollment.md "Renaming a
     * host") gets the KDC of its new realm. The old realm's KDC stops answering first (the listeners hear it), its
     * front door is closed before the new one binds the same port, and its keys stay in their own file.
     */
    private void followName() {
        String name = identity.hostName();
        Serving before;
        synchronized (this) {
            before = serving;
            if (closed || fullName(name).equals(before.hostName())) {
                return;
            }
            answering = Optional.empty();
        }
        announce();
        synchronized (this) {
            if (closed) {
                return;
            }
            if (retry != null) {
                retry.cancel();
                retry = null;
            }
            before.kdc().ifPresent(RunningKdc::close);
            serving = start(name);
            log.info("This host is now {}: its KDC serves the realm {} instead of {}", serving.hostName(),
                    serving.realm(), before.realm());
        }
        bind();
    }

    /** On the thread: tells each listener what it was not told yet. */
    private void announce() {
        Optional<String> now = answering;
        for (Map.Entry<KdcListener, Optional<String>> entry : listeners.entrySet()) {
            if (!entry.getValue().equals(now) && listeners.replace(entry.getKey(), entry.getValue(), now)) {
                try {
                    entry.getKey().kdcChanged(now);
                } catch (RuntimeException e) {
                    log.error("A KDC listener failed on {}: {}", now, Objects.toString(e.getMessage(), e.toString()));
                }
            }
        }
    }

    /**
     * The identity again, to hear of its host name changing (its configuration is modified in place: a rename, a
     * join under the invite's name): the KDC must serve the realm of the host's name.
     */
    @Reference(name = "renames", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            updated = "identityRenamed")
    void bindIdentityRenames(HostIdentity same) {
        thread.execute(this::followName);
    }

    void identityRenamed(HostIdentity same) {
        thread.execute(this::followName);
    }

    void unbindIdentityRenames(HostIdentity same) {
        // The component's own reference to the identity is static: losing it deactivates the component.
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAcceptorFactory(AcceptorFactory factory) {
        acceptors = factory;
    }

    void unbindAcceptorFactory(AcceptorFactory factory) {
        if (acceptors == factory) {
            acceptors = null;
        }
    }

    @Override
    public String realm() {
        return serving.realm();
    }

    @Override
    public ServiceAcceptor register(String service) {
        Serving now = serving;
        RunningKdc kdc = running(now);
        List<String> name = List.of(service, now.hostName());
        try {
            kdc.store().register(name);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        AcceptorFactory factory = acceptors;
        if (factory == null) {
            throw new IllegalStateException("the keys of " + String.join("/", name) + "@" + now.realm() + " are made, "
                    + "but no acceptor is available in this bundle (AcceptorFactory) to validate what clients present");
        }
        return factory.acceptor(kdc.store(), name);
    }

    @Override
    public Optional<byte[]> exportKeytab(String service) {
        Serving now = serving;
        return now.kdc().flatMap(kdc -> kdc.store().keytab(List.of(service, now.hostName())));
    }

    @Override
    public KdcStatus status() {
        Serving now = serving;
        return counters.status(now.realm(), now.kdc().map(RunningKdc::listening)
                .orElse(List.of("not running: " + now.problem())),
                now.kdc().map(kdc -> kdc.store().principals()).orElse(List.of()));
    }

    /** The front door's counts that {@link KdcStatus} has no place for, for {@code homeward:kdc} and the console. */
    public KdcCounters.FrontDoorCounts frontDoorCounts() {
        return counters.frontDoor();
    }

    @Override
    public List<String> services() {
        return serving.kdc().map(kdc -> kdc.store().principals().stream()
                .filter(principal -> !principal.startsWith(PrincipalKeyStore.TGS_NAME + "/")).toList())
                .orElse(List.of());
    }

    @Override
    public void addKdcListener(KdcListener listener) {
        listeners.put(Objects.requireNonNull(listener, "listener"), Optional.empty());
        thread.execute(this::announce);
    }

    @Override
    public void removeKdcListener(KdcListener listener) {
        listeners.remove(listener);
    }

    private static RunningKdc running(Serving now) {
        return now.kdc().orElseThrow(() -> new IllegalStateException("the KDC of " + now.realm() + " does not run: "
                + now.problem()));
    }

    /** Stops binding, closes every socket and ends every thread. */
    @Deactivate
    void deactivate() {
        synchronized (this) {
            closed = true;
            if (retry != null) {
                retry.cancel();
                retry = null;
            }
        }
        stopThread.run();
        serving.kdc().ifPresent(RunningKdc::close);
    }
}
