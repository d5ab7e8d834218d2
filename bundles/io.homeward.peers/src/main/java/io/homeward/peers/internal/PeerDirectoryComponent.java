package io.homeward.peers.internal;

import java.net.Inet6Address;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.peers.DirectoryReport;
import io.homeward.api.peers.Peer;
import io.homeward.api.peers.PeerDirectory;
import io.homeward.api.peers.PeerDirectoryStatus;
import io.homeward.api.peers.PeerListener;
import io.homeward.api.runtime.ProviderProperties;
import io.homeward.api.watch.RecordWatcher;
import io.homeward.kit.schedule.ExecutorScheduler;
import io.homeward.kit.schedule.Scheduler;

/**
 * The user's other hosts and how to reach each, followed in the user's zone with the record
 * watcher. Everything it needs comes and goes at run time (sign-in, the watcher bundle, the host
 * identity), so it is always satisfied and shows what it is waiting for. A new {@link PeerListener}
 * first hears every current peer as an arrival.
 */
@Component(service = {PeerDirectory.class, PeerDirectoryStatus.class}, configurationPid = PeerDirectoryComponent.PID,
        property = ProviderProperties.NAME + "=dns-peers")
@Designate(ocd = PeerDirectoryComponent.Config.class)
public class PeerDirectoryComponent implements PeerDirectory, PeerDirectoryStatus {
    static final String PID = "io.homeward.peers";
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    @ObjectClassDefinition(name = "Homeward peer directory",
            description = "Follows the user's other hosts in the user's zone and keeps the current endpoint of each.")
    public @interface Config {
        @AttributeDefinition(name = "Settle time (milliseconds)",
                description = "How long to wait for more changes of a peer's records before reporting it (0 to 2000)."
                        + " One update that replaces a record arrives as a removal and an addition; waiting a little"
                        + " reports the move once. Raise it if peers are seen briefly without an endpoint.")
        int settleMillis() default 100;
    }

    private final Logger log;
    private final Scheduler logic;
    private final PeerBook book;
    private final DirectoryEngine engine;
    private volatile HostIdentity identity;
    private volatile RecordWatcher watcher;
    private volatile Credentials credentials;

    @Activate
    public PeerDirectoryComponent(@Reference(name = "log", service = LoggerFactory.class) Logger log, Config config) {
        this(log, new ExecutorScheduler("homeward-peers", log), Clock.systemUTC(), settle(config.settleMillis(), log));
    }

    PeerDirectoryComponent(Logger log, Scheduler logic, Clock clock, Duration settle) {
        this.log = log;
        this.logic = logic;
        this.book = new PeerBook(clock, log);
        this.engine = new DirectoryEngine(logic, settle, book, this::selfName, this::selfUla, log);
    }

    @Override
    public List<Peer> peers() {
        return book.peers();
    }

    @Override
    public Optional<Peer> peer(Inet6Address ula) {
        return book.peers().stream().filter(p -> p.ula().equals(ula)).findFirst();
    }

    @Override
    public DirectoryReport report() {
        return new DirectoryReport(engine.state(), selfName(), book.peers());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindWatcher(RecordWatcher next) {
        watcher = next;
        engine.watcher(next);
    }

    void unbindWatcher(RecordWatcher gone) {
        if (watcher == gone) {
            watcher = null;
            engine.watcher(null);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCredentials(Credentials signedIn) {
        credentials = signedIn;
        engine.zone(signedIn.zone());
    }

    void unbindCredentials(Credentials signedOut) {
        if (credentials == signedOut) {
            credentials = null;
            engine.zone(null);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "updatedIdentity")
    void bindIdentity(HostIdentity next) {
        identity = next;
        engine.selfChanged();
    }

    /** The identity's configuration, and so maybe its host name, changed. */
    void updatedIdentity(HostIdentity changed) {
        identity = changed;
        engine.selfChanged();
    }

    void unbindIdentity(HostIdentity gone) {
        if (identity == gone) {
            identity = null;
            engine.selfChanged();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeListener")
    void addListener(PeerListener listener) {
        engine.addListener(listener);
    }

    void removeListener(PeerListener listener) {
        engine.removeListener(listener);
    }

    /** Stops watching; the logic thread, when this component runs on one, stops after the listeners heard. */
    @Deactivate
    void deactivate() throws InterruptedException {
        engine.close();
        if (logic instanceof ExecutorScheduler thread && !thread.shutdown(STOP_WAIT)) {
            log.warn("The peer directory's thread did not stop within {} s", STOP_WAIT.toSeconds());
        }
    }

    private Optional<String> selfName() {
        HostIdentity current = identity;
        return current == null ? Optional.empty() : Optional.of(current.hostName());
    }

    private Optional<Inet6Address> selfUla() {
        HostIdentity current = identity;
        return current == null ? Optional.empty() : Optional.of(current.ula());
    }

    private static Duration settle(int millis, Logger log) {
        if (millis < 0 || millis > 2000) {
            log.error("settleMillis {} is outside 0..2000; using 100", millis);
            return Duration.ofMillis(100);
        }
        return Duration.ofMillis(millis);
    }
}
