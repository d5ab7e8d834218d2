package io.homeward.portmap.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

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
import io.homeward.api.portmap.PortMapper;
import io.homeward.api.portmap.PortMappingEvent;
import io.homeward.api.portmap.PortMappingListener;
import io.homeward.api.tunnel.TunnelPort;
import io.homeward.kit.schedule.ExecutorScheduler;

/**
 * Keeps one inbound UDP mapping for the tunnel port with the best port mapper that works, and tells the
 * {@link PublicEndpointsComponent} about it. It follows renewals, changes and losses of the mapping it holds
 * through the {@link PortMappingListener} it adds to each mapper.
 *
 * <p>As a {@link NetworkChangeListener} it asks for the mapping again as soon as the host's network
 * changes: re-mapping is the first reaction of a moving host (docs/architecture.md), and the new public address
 * it learns reaches the registrar through the public endpoint.
 */
@Component(service = {TunnelPortMappingComponent.class, NetworkChangeListener.class},
        configurationPid = TunnelPortMappingComponent.PID, immediate = true)
@Designate(ocd = TunnelPortMappingComponent.Config.class)
public class TunnelPortMappingComponent implements NetworkChangeListener {
    static final String PID = "io.homeward.portmap";
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final Duration SETTLE_WAIT = Duration.ofSeconds(30);

    @ObjectClassDefinition(name = "Homeward tunnel port mapping",
            description = "Asks the home router, with the best port mapping protocol it answers, to forward the"
                    + " tunnel's UDP port to this host, and keeps that mapping alive.")
    public @interface Config {
        @AttributeDefinition(name = "Enabled",
                description = "Switch off when the router is configured by hand or this host has a public address.")
        boolean enabled() default true;

        @AttributeDefinition(name = "Requested lifetime (seconds)",
                description = "How long each mapping is asked for; mappers renew before it ends.")
        int lifetimeSeconds() default 3600;

        @AttributeDefinition(name = "Retry interval (seconds)",
                description = "How often better-ranked protocols that did not answer are asked again, and how"
                        + " often all are asked while there is no mapping.")
        int retrySeconds() default 300;
    }

    private final MappingChooser chooser;
    private final ExecutorScheduler scheduler;
    private final PortMappingListener mapperEvents;
    private final Logger log;

    /** The port mapped is the tunnel port's: peers reach it through the public port the router grants. */
    @Activate
    public TunnelPortMappingComponent(Config config, @Reference(name = "tunnelPort") TunnelPort tunnelPort,
            @Reference(name = "endpoints") PublicEndpointsComponent endpoints,
            @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this(config, tunnelPort.localPort(), endpoints::mappingChanged, log);
    }

    /**
     * @param port    the local UDP port to map
     * @param publish told of the mapping held: mapped, renewed, changed, lost
     */
    TunnelPortMappingComponent(Config config, int port, Consumer<PortMappingEvent> publish, Logger log) {
        this.log = log;
        this.scheduler = new ExecutorScheduler("homeward-portmap");
        this.chooser = new MappingChooser(port, Duration.ofSeconds(Math.max(60, config.lifetimeSeconds())),
                Duration.ofSeconds(Math.max(10, config.retrySeconds())), config.enabled(), Clock.systemUTC(),
                scheduler, publish, log);
        this.mapperEvents = chooser::mapperEvent;
        log.info(config.enabled() ? "tunnel port mapping for UDP " + port + " started"
                : "tunnel port mapping is switched off by configuration");
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        chooser.stop();
        if (!scheduler.shutdown(STOP_WAIT)) {
            log.warn("tunnel port mapping did not stop within " + STOP_WAIT.toSeconds() + " s");
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeMapper", updated = "updatedMapper")
    void addMapper(PortMapper mapper, Map<String, Object> properties) {
        mapper.addPortMappingListener(mapperEvents);
        chooser.add(MapperEntry.of(mapper, properties));
    }

    void updatedMapper(PortMapper mapper, Map<String, Object> properties) {
        chooser.add(MapperEntry.of(mapper, properties));
    }

    void removeMapper(PortMapper mapper, Map<String, Object> properties) {
        mapper.removePortMappingListener(mapperEvents);
        chooser.remove(MapperEntry.of(mapper, properties));
    }

    @Override
    public void networkChanged(NetworkChange change) {
        chooser.networkChanged();
    }

    /** What the chooser knows once the mappers it is asking right now have answered (at most 30 s). */
    ChooserState state() {
        return chooser.settledState(SETTLE_WAIT);
    }
}
