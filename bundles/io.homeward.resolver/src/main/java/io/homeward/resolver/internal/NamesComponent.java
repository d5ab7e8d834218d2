package io.homeward.resolver.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
import io.homeward.api.dns.NamesReport;
import io.homeward.api.dns.NamesStatus;
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.netwatch.NetworkChange;
import io.homeward.api.netwatch.NetworkChangeListener;
import io.homeward.api.peers.PeerDirectory;
import io.homeward.kit.log.CountedLog;
import io.homeward.kit.net.Endpoints;
import io.homeward.kit.net.RateLimiter;
import io.homeward.kit.process.ProcessCommandRunner;
import io.homeward.kit.schedule.ExecutorScheduler;

/**
 * Names that resolve: DNS for the user's zone on this host's ULA, answered from the peer directory at once (also
 * while the rendezvous is unreachable), the zone's other names forwarded to the rendezvous, anything else refused;
 * and systemd-resolved told to send the zone's names there (split DNS). Owns the logic thread, the forwarding
 * threads and the listeners' sockets and threads.
 */
@Component(service = {NamesComponent.class, NetworkChangeListener.class, NamesStatus.class}, configurationPid = NamesComponent.PID)
@Designate(ocd = NamesComponent.Config.class)
public class NamesComponent implements NetworkChangeListener, NamesStatus {
    static final String PID = "io.homeward.resolver";
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    /** Forwarded queries at once, and waiting for a thread; more are SERVFAIL at once. */
    private static final int FORWARD_THREADS = 4;
    private static final int FORWARD_QUEUE = 64;
    /** Sources with a rate bucket; beyond, idle ones are forgotten first. */
    private static final int RATE_LIMITED_SOURCES = 4096;

    @ObjectClassDefinition(name = "Homeward names",
            description = "DNS for the user's zone on this host's ULA, and split DNS in systemd-resolved.")
    public @interface Config {
        @AttributeDefinition(description = "UDP and TCP port on the ULA (1..65535). Below 1024 the runtime needs root "
                + "or CAP_NET_BIND_SERVICE; systemd-resolved and resolv.conf only ever ask port 53.")
        int port() default 53;

        @AttributeDefinition(description = "host:port of the rendezvous DNS server (IPv6 as [address]:port), asked, "
                + "with queries signed by this host's key, for the names of the zone the peer directory does not hold.")
        String rendezvousServer() default "127.0.0.1:8053";

        @AttributeDefinition(description = "How long to wait for the rendezvous before answering SERVFAIL, in "
                + "milliseconds (100..10000).")
        int forwardTimeoutMillis() default 2000;

        @AttributeDefinition(description = "DNS over TCP connections at once (1..1024); more are closed at once.")
        int maxTcpConnections() default 16;

        @AttributeDefinition(description = "Seconds a TCP connection may take to send its next query whole (1..300).")
        int tcpIdleSeconds() default 10;

        @AttributeDefinition(description = "Queries per second answered for one source address (1..100000), with "
                + "bursts of twice that; more are dropped.")
        int queriesPerSecond() default 200;

        @AttributeDefinition(description = "Tell systemd-resolved, when it runs, to send the zone's names to this "
                + "server on the tunnel interface (and only those). False leaves the system resolver alone.")
        boolean systemResolver() default true;

        @AttributeDefinition(description = "The resolvectl program that tells systemd-resolved.")
        String resolvectl() default "resolvectl";
    }

    private final Logger log;
    private final HostIdentity identity;
    private final PeerDirectory directory;
    private final String rendezvous;
    private final ExecutorScheduler logic;
    private final ThreadPoolExecutor forwarding;
    private final ZoneSoa soa = new ZoneSoa();
    private final Forwarder forwarder;
    private final ServedCounters counters = new ServedCounters();
    private final NamesEngine engine;
    private volatile Optional<SignedIn> signedIn = Optional.empty();
    private volatile Credentials credentials;

    @Activate
    public NamesComponent(@Reference(service = LoggerFactory.class) Logger log, @Reference HostIdentity identity,
            @Reference PeerDirectory directory, Config config) {
        this.log = log;
        this.identity = identity;
        this.directory = directory;
        InetSocketAddress server = Endpoints.parse("rendezvousServer", config.rendezvousServer())
                .orElseThrow(() -> new IllegalArgumentException("rendezvousServer is empty; set host:port"));
        this.rendezvous = Endpoints.text(server);
        Duration timeout = Duration.ofMillis(within("forwardTimeoutMillis", config.forwardTimeoutMillis(), 100, 10_000));
        int port = within("port", config.port(), 1, 65_535);
        int tcpConnections = within("maxTcpConnections", config.maxTcpConnections(), 1, 1024);
        Duration tcpIdle = Duration.ofSeconds(within("tcpIdleSeconds", config.tcpIdleSeconds(), 1, 300));
        int rate = within("queriesPerSecond", config.queriesPerSecond(), 1, 100_000);
        this.logic = new ExecutorScheduler("homeward-names", log);
        this.forwarding = forwardingThreads();
        this.forwarder = new Forwarder(new RendezvousUpstream(server, timeout), new SecureRandom(), soa);
        NameServer nameServer = new NameServer(this::view, () -> signedIn, soa, forwarder, forwarding,
                new RateLimiter<InetAddress>(rate, 2 * rate, RATE_LIMITED_SOURCES, Clock.systemUTC()), counters,
                new CountedLog(log, Clock.systemUTC(), Duration.ofMinutes(1)));
        Optional<LinkDns> linkDns = config.systemResolver()
                ? Optional.of(new ResolvectlLinkDns(new ProcessCommandRunner(Duration.ofSeconds(5)),
                        config.resolvectl().isBlank() ? "resolvectl" : config.resolvectl().trim(),
                        ResolvectlLinkDns.RUNTIME_DIRECTORY))
                : Optional.empty();
        this.engine = new NamesEngine(logic, identity.ula(), port,
                Listeners.sockets(nameServer, tcpConnections, tcpIdle), InterfaceLookup.system(), linkDns, log);
        engine.start();
    }

    /** Bound after construction (OSGi DS 1.4 §112.5.8), so the engine always exists here. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCredentials(Credentials signedIn) {
        credentials = signedIn;
        signIn(signedIn);
    }

    void unbindCredentials(Credentials signedOut) {
        if (credentials == signedOut) {
            credentials = null;
            signIn(null);
        }
    }

    @Override
    public void networkChanged(NetworkChange change) {
        engine.networkChanged(change);
    }

    @Override
    public NamesReport report() {
        Optional<ZoneView> view = view();
        return new NamesReport(signedIn.map(s -> s.zone().toString()).orElse("none (not signed in)"),
                identity.hostName(), view.map(ZoneView::size).orElse(0), engine.listening(),
                counters.of(Decision.Outcome.DIRECTORY), counters.of(Decision.Outcome.FORWARDED),
                counters.of(Decision.Outcome.FORWARD_FAILED), counters.of(Decision.Outcome.REFUSED),
                counters.of(Decision.Outcome.MALFORMED), counters.rateLimitedCount(), rendezvous,
                forwarder.lastFailure(), engine.systemResolver(), engine.manualSetup());
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        engine.stop();
        if (!logic.shutdown(STOP_WAIT)) {
            log.warn("The name server's logic thread did not stop within {} s", STOP_WAIT.toSeconds());
            logic.stopNow();
        }
        forwarding.shutdownNow();
        if (!forwarding.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("A query to the rendezvous was still running {} s after the name server stopped",
                    STOP_WAIT.toSeconds());
        }
    }

    private void signIn(Credentials now) {
        soa.forget();
        Optional<SignedIn> next = Optional.empty();
        if (now != null) {
            try {
                next = Optional.of(SignedIn.of(now, Clock.systemUTC()));
            } catch (IllegalArgumentException e) {
                log.error("The name server cannot serve the zone of this sign-in: {}", e.getMessage());
            }
        }
        signedIn = next;
        next.ifPresent(zone -> forwardSoon(() -> forwarder.learnSoa(zone)));
        engine.signedIn(next);
    }

    private void forwardSoon(Runnable task) {
        try {
            forwarding.execute(task);
        } catch (RejectedExecutionException stopping) {
            log.debug("The name server is stopping; the zone's SOA was not asked");
        }
    }

    private Optional<ZoneView> view() {
        return signedIn.map(zone -> ZoneView.of(zone.zone(), identity.hostName(), identity.ula(), directory.peers()));
    }

    private static int within(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    private static ThreadPoolExecutor forwardingThreads() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(FORWARD_THREADS, FORWARD_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(FORWARD_QUEUE), task -> {
                    Thread thread = new Thread(task, "homeward-names-forward-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
