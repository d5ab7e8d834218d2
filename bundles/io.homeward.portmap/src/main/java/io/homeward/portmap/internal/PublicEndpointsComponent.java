package io.homeward.portmap.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.homeward.api.endpoint.PublicEndpoint;
import io.homeward.api.endpoint.PublicEndpointListener;
import io.homeward.api.endpoint.PublicEndpoints;
import io.homeward.api.netwatch.NetworkChange;
import io.homeward.api.netwatch.NetworkChangeListener;
import io.homeward.api.portmap.PortMappingEvent;
import io.homeward.api.tunnel.ReflexiveEndpointListener;
import io.homeward.api.tunnel.TunnelPort;
import io.homeward.kit.schedule.ExecutorScheduler;

/**
 * The one answer to "where can peers reach me", fed by the tunnel port mapping (the mapping it holds), the tunnel
 * port (its port number and what STUN saw of it), the configuration and the network watcher (the host's own
 * address may have changed). Owns the thread on which the listeners are told.
 */
@Component(service = {PublicEndpoints.class, NetworkChangeListener.class, PublicEndpointsComponent.class},
        configurationPid = PublicEndpointsComponent.PID, immediate = true)
@Designate(ocd = PublicEndpointsComponent.Config.class)
public class PublicEndpointsComponent implements PublicEndpoints, NetworkChangeListener {
    static final String PID = "io.homeward.endpoint";
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    @ObjectClassDefinition(name = "Homeward public endpoint",
            description = "Where the user's other hosts reach this one: the gateway's mapping of the tunnel port, else"
                    + " a configured address, else what the STUN server saw, else this host's own address.")
    public @interface Config {
        @AttributeDefinition(required = false, description = "The IPv4 address to publish when this host is not"
                + " behind NAT and no port mapping is made. Empty publishes the host's own primary IPv4 address.")
        String publicAddress() default "";
    }

    private final TunnelPort port;
    private final ExecutorScheduler scheduler = new ExecutorScheduler("homeward-endpoint");
    private final EndpointSelector selector;
    private final ReflexiveEndpointListener stun;
    private final Logger log;

    @Activate
    public PublicEndpointsComponent(@Reference(name = "log", service = LoggerFactory.class) Logger log,
            @Reference(name = "tunnelPort") TunnelPort port, Config config) {
        this.log = log;
        this.port = port;
        PublicAddressSetting configured = PublicAddressSetting.parse(config.publicAddress());
        configured.problem().ifPresent(p -> log.error("Configuration " + PID + " is invalid, no public endpoint is"
                + " given until it is fixed: " + p));
        this.selector = new EndpointSelector(port.localPort(), configured, new SystemLocalAddresses(), Clock.systemUTC(),
                scheduler, log);
        this.stun = selector::reflexiveChanged;
        port.addReflexiveEndpointListener(stun);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        port.removeReflexiveEndpointListener(stun);
        if (!scheduler.shutdown(STOP_WAIT)) {
            log.warn("the public endpoint did not stop within " + STOP_WAIT.toSeconds() + " s");
        }
    }

    @Override
    public Optional<PublicEndpoint> current() {
        return selector.current();
    }

    @Override
    public void addPublicEndpointListener(PublicEndpointListener listener) {
        selector.add(listener);
    }

    @Override
    public void removePublicEndpointListener(PublicEndpointListener listener) {
        selector.remove(listener);
    }

    @Override
    public void networkChanged(NetworkChange change) {
        selector.networkChanged();
    }

    /** The tunnel port mapping's news of the mapping it holds. */
    void mappingChanged(PortMappingEvent event) {
        selector.mappingChanged(event);
    }
}
