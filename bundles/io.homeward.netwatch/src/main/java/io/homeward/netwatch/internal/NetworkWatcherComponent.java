package io.homeward.netwatch.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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

import io.homeward.api.netwatch.NetworkChange;
import io.homeward.api.netwatch.NetworkChangeListener;
import io.homeward.api.netwatch.NetworkWatchReport;
import io.homeward.api.netwatch.NetworkWatchStatus;
import io.homeward.kit.schedule.ExecutorScheduler;

/**
 * Notices an interface going up or down, an address added or removed, or the default route changing,
 * and tells every {@link NetworkChangeListener} service (whiteboard).
 *
 * <p>Changes are confirmed against a fresh look at the interfaces and routes, and a burst (an address
 * change that also moves the default route, say) is folded into at most one notification per
 * {@link NetworkChange.Kind} within the collapse window. Listeners are called one after another on this
 * component's thread and must return quickly.
 *
 * <p>This component only reports. The reactions a moving host needs, in the order docs/architecture.md gives
 * them (re-map the tunnel port, learn the public address, rebind the tunnel's local endpoint, republish the
 * records), belong to the listeners: the port mapping re-maps on any change, the public endpoint looks at
 * the host's own address again, the tunnel port asks STUN again, and each debounces what arrives close together.
 */
@Component(service = {NetworkWatcherComponent.class, NetworkWatchStatus.class}, configurationPid = NetworkWatcherComponent.PID, immediate = true)
@Designate(ocd = NetworkWatcherComponent.Config.class)
public class NetworkWatcherComponent implements NetworkWatchStatus {
    static final String PID = "io.homeward.netwatch";
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    @ObjectClassDefinition(name = "Homeward network watcher",
            description = "Notices network changes (interfaces, addresses, default route) so that the tunnel"
                    + " port is re-mapped and the host's records republished when the host moves.")
    public @interface Config {
        @AttributeDefinition(name = "ip command",
                description = "The iproute2 'ip' program whose 'ip -o monitor' reports changes as they happen."
                        + " Give a full path if it is not on the PATH; leave empty to poll instead.")
        String ipCommand() default "ip";

        @AttributeDefinition(name = "Poll interval (milliseconds)",
                description = "How often the interfaces and routes are compared while 'ip monitor' is not running"
                        + " (200 to 60000).")
        int pollMillis() default 1000;

        @AttributeDefinition(name = "Collapse window (milliseconds)",
                description = "How long after the first event of a burst the network is looked at again and the"
                        + " burst reported, one notification per kind (0 to 2000).")
        int collapseMillis() default 200;
    }

    private final List<NetworkChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorScheduler scheduler;
    private final NetworkWatch watch;
    private final Logger log;

    @Activate
    public NetworkWatcherComponent(Config config, @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this.log = log;
        this.scheduler = new ExecutorScheduler("homeward-netwatch");
        Clock clock = Clock.systemUTC();
        this.watch = new NetworkWatch(new SystemSnapshotSource(), eventSource(config.ipCommand(), clock),
                scheduler, clock, Duration.ofMillis(clamp(config.collapseMillis(), 0, 2000)),
                Duration.ofMillis(clamp(config.pollMillis(), 200, 60_000)), this::tell, log);
        watch.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        watch.stop();
        if (!scheduler.shutdown(STOP_WAIT)) {
            log.warn("network watcher did not stop within " + STOP_WAIT.toSeconds() + " s");
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeListener")
    void addListener(NetworkChangeListener listener) {
        listeners.add(listener);
    }

    void removeListener(NetworkChangeListener listener) {
        listeners.remove(listener);
    }

    NetworkStatus status() {
        return watch.status();
    }

    @Override
    public NetworkWatchReport report() {
        return watch.status().report();
    }

    private void tell(NetworkChange change) {
        for (NetworkChangeListener listener : listeners) {
            try {
                listener.networkChanged(change);
            } catch (RuntimeException e) {
                log.warn("a network change listener failed on " + change.kind() + ": " + e);
            }
        }
    }

    private static EventSource eventSource(String ip, Clock clock) {
        return ip == null || ip.isBlank() ? new NoEventSource() : new IpMonitor(IpMonitor.command(ip.trim()), clock);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
