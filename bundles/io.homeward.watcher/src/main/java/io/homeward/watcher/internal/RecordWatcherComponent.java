package io.homeward.watcher.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
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
import io.homeward.api.endpoint.PublicEndpoint;
import io.homeward.api.endpoint.PublicEndpointListener;
import io.homeward.api.endpoint.PublicEndpoints;
import io.homeward.api.runtime.ProviderProperties;
import io.homeward.api.watch.RecordListener;
import io.homeward.api.watch.RecordWatcher;
import io.homeward.api.watch.Subscription;
import io.homeward.api.watch.SubscriptionState;
import io.homeward.api.watch.SubscriptionStatus;
import io.homeward.kit.schedule.ExecutorScheduler;
import io.homeward.watcher.internal.net.SocketNetwork;

/**
 * The agent's record watcher: DNS Push, then LLQ over TLS, then LLQ over UDP, then polling, against
 * the user's zone on the rendezvous server. Owns one logic thread, the I/O threads and every socket.
 */
@Component(service = {RecordWatcher.class, SubscriptionStatus.class}, configurationPid = "io.homeward.watcher",
        property = {ProviderProperties.NAME + "=dns-watcher", "service.ranking:Integer=100"})
@Designate(ocd = RecordWatcherComponent.Config.class)
public class RecordWatcherComponent implements RecordWatcher, SubscriptionStatus {
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    @ObjectClassDefinition(name = "Homeward record watcher",
            description = "How the agent watches peer records in the user's zone on the rendezvous server.")
    public @interface Config {
        @AttributeDefinition(description = "host:port of the rendezvous DNS server (IPv6 as [address]:port). "
                + "SRV lookups for _dns-push-tls._tcp and _dns-llq-tls._tcp, LLQ over UDP and polling go here.")
        String server() default "127.0.0.1:8053";

        @AttributeDefinition(required = false, description = "SHA-256 fingerprint of the rendezvous server's TLS "
                + "certificate, hex with or without colons. Empty accepts any certificate and logs its fingerprint "
                + "at WARN: copy that value here to pin it.")
        String tlsFingerprint() default "";

        @AttributeDefinition(description = "Seconds between polls when no push mechanism works (at least 1).")
        int pollInterval() default 60;

        @AttributeDefinition(description = "LLQ lease in seconds to ask for; servers grant 900..7200, so do not "
                + "ask more than 7200.")
        int requestedLease() default 7200;

        @AttributeDefinition(description = "Mechanisms to try, most preferred first: dns-push, llq-tls, llq-udp, "
                + "poll. Remove one to never use it.")
        String[] mechanisms() default {"dns-push", "llq-tls", "llq-udp", "poll"};

        @AttributeDefinition(description = "Allow the unencrypted UDP mechanisms (LLQ over UDP and polling; both "
                + "still TSIG-signed). Set false to require TLS, for example on networks you do not trust.")
        boolean allowUdp() default true;

        @AttributeDefinition(name = "service.ranking", description = "Ranking of this RecordWatcher among providers.")
        int service_ranking() default 100;
    }

    private final Logger log;
    private final ExecutorScheduler logicThread;
    private final ExecutorService ioThreads;
    private final SocketNetwork network;
    private final WatchEngine engine;
    private final PublicEndpointListener endpointListener = this::publicEndpointChanged;
    /** The last endpoint known, kept while none is. */
    private Optional<PublicEndpoint> lastEndpoint = Optional.empty();
    private boolean endpointLost;

    @Activate
    public RecordWatcherComponent(@Reference(name = "log", service = LoggerFactory.class) Logger log, Config config) {
        this.log = log;
        WatcherSettings settings = WatcherSettings.of(config.server(), config.tlsFingerprint(), config.pollInterval(),
                config.requestedLease(), config.mechanisms(), config.allowUdp());
        this.logicThread = new ExecutorScheduler("homeward-watcher", log);
        this.ioThreads = Executors.newCachedThreadPool(ioThreads());
        this.network = new SocketNetwork(logicThread, ioThreads, log);
        this.engine = new WatchEngine(logicThread, settings, network, new SecureRandom(), Clock.systemUTC(), log);
    }

    /** Bound after construction (OSGi DS 1.4 §112.5.8), so the engine always exists here. */
    private volatile Credentials credentials;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCredentials(Credentials signedIn) {
        credentials = signedIn;
        engine.credentials(signedIn);
    }

    void unbindCredentials(Credentials signedOut) {
        if (credentials == signedOut) {
            credentials = null;
            engine.credentials(null);
        }
    }

    @Override
    public Subscription subscribe(String name, int type, RecordListener listener) {
        return engine.subscribe(name, type, listener);
    }

    @Override
    public List<SubscriptionState> subscriptions() {
        return engine.status();
    }

    /** Where peers reach this host; its moves are what the watcher listens for. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPublicEndpoints(PublicEndpoints endpoints) {
        endpoints.addPublicEndpointListener(endpointListener);
    }

    void unbindPublicEndpoints(PublicEndpoints endpoints) {
        endpoints.removePublicEndpointListener(endpointListener);
    }

    /**
     * A new public address (new lease, router reboot, another network) ends every TCP connection through the old
     * one without a word: the gateway's NAT forgets them. Re-establish the subscriptions now rather than when a
     * keepalive finally fails; the same when an endpoint comes back after a loss (the network was away).
     */
    private synchronized void publicEndpointChanged(Optional<PublicEndpoint> previous,
            Optional<PublicEndpoint> current) {
        if (current.isEmpty()) {
            endpointLost = lastEndpoint.isPresent();
            return;
        }
        boolean moved = lastEndpoint.isPresent() && (endpointLost || current.get().movedFrom(lastEndpoint.get()));
        lastEndpoint = current;
        endpointLost = false;
        if (moved) {
            engine.reestablishAll();
        }
    }

    @Deactivate
    void deactivate() {
        engine.close();
        try {
            if (!logicThread.shutdown(STOP_WAIT)) {
                log.warn("The record watcher's logic thread did not stop within {} s", STOP_WAIT.toSeconds());
                logicThread.stopNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        network.close();
        ioThreads.shutdownNow();
    }

    private static ThreadFactory ioThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "homeward-watcher-io-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
