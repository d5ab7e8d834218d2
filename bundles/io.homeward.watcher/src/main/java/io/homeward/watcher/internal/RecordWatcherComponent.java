package io.homeward.watcher.internal;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
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
import io.homeward.api.netwatch.NetworkChange;
import io.homeward.api.netwatch.NetworkChangeListener;
import io.homeward.api.portmap.PortMappingEvent;
import io.homeward.api.portmap.PortMappingListener;
import io.homeward.api.tunnel.ReflexiveEndpointListener;
import io.homeward.api.runtime.ProviderProperties;
import io.homeward.api.watch.RecordListener;
import io.homeward.api.watch.RecordWatcher;
import io.homeward.api.watch.Subscription;
import io.homeward.api.watch.SubscriptionState;
import io.homeward.api.watch.SubscriptionStatus;

/**
 * The agent's record watcher: DNS Push, then LLQ over TLS, then LLQ over UDP, then polling, against
 * the user's zone on the rendezvous server. Owns one logic thread, the I/O threads and every socket.
 */
@Component(service = {RecordWatcher.class, SubscriptionStatus.class, NetworkChangeListener.class, PortMappingListener.class,
        ReflexiveEndpointListener.class}, configurationPid = "io.homeward.watcher",
        property = {ProviderProperties.NAME + "=dns-watcher", "service.ranking:Integer=100"})
@Designate(ocd = RecordWatcherComponent.Config.class)
public class RecordWatcherComponent implements RecordWatcher, SubscriptionStatus, NetworkChangeListener,
        PortMappingListener, ReflexiveEndpointListener {
    private static final long STOP_WAIT_SECONDS = 5;
    private Optional<InetSocketAddress> reflexive = Optional.empty();

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
    private final ScheduledExecutorService logicThread;
    private final ExecutorService ioThreads;
    private final SocketNetwork network;
    private final WatchEngine engine;

    @Activate
    public RecordWatcherComponent(@Reference(name = "log", service = LoggerFactory.class) Logger log, Config config) {
        this.log = log;
        WatcherSettings settings = WatcherSettings.of(config.server(), config.tlsFingerprint(), config.pollInterval(),
                config.requestedLease(), config.mechanisms(), config.allowUdp());
        this.logicThread = ExecutorScheduler.logicThread(threads("homeward-watcher"));
        this.ioThreads = Executors.newCachedThreadPool(threads("homeward-watcher-io"));
        SecureRandom random = new SecureRandom();
        Scheduler scheduler = new ExecutorScheduler(logicThread, Clock.systemUTC(), log);
        this.network = new SocketNetwork(scheduler, ioThreads, random, log);
        this.engine = new WatchEngine(scheduler, settings, network, random, Clock.systemUTC(), log);
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

    /** Re-establishes every watch: called when addresses or routes change. */
    public void networkChanged() {
        engine.networkChanged();
    }

    /** The network watcher's whiteboard call; any kind of change may have cut the watches' paths. */
    @Override
    public void networkChanged(NetworkChange change) {
        networkChanged();
    }

    /**
     * A new public address behind the home gateway (new lease, router reboot) ends every TCP connection through
     * it without a word: the gateway's NAT forgets them. The host's own interfaces did not change, so only the
     * port mapping tells; re-establish the watches now rather than when a keepalive finally fails.
     */
    @Override
    public void mappingChanged(PortMappingEvent event) {
        if (event.kind() == PortMappingEvent.Kind.CHANGED) {
            networkChanged();
        }
    }

    /** The same for a host behind a NAT that maps nothing: STUN sees its public address change. */
    @Override
    public synchronized void reflexiveEndpointChanged(Optional<InetSocketAddress> endpoint) {
        boolean moved = reflexive.isPresent() && endpoint.isPresent() && !reflexive.equals(endpoint);
        reflexive = endpoint.isPresent() ? endpoint : reflexive;
        if (moved) {
            networkChanged();
        }
    }

    @Deactivate
    void deactivate() {
        engine.close();
        logicThread.shutdown();
        try {
            if (!logicThread.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("The record watcher's logic thread did not stop within {} s", STOP_WAIT_SECONDS);
                logicThread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        network.close();
        ioThreads.shutdownNow();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
