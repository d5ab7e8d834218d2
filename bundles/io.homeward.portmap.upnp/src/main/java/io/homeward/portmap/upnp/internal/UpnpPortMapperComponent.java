package io.homeward.portmap.upnp.internal;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.homeward.api.portmap.MapperProtocol;
import io.homeward.api.portmap.PortMapper;
import io.homeward.api.portmap.PortMapping;
import io.homeward.api.portmap.PortMappingEvent;
import io.homeward.api.portmap.PortMappingException;
import io.homeward.api.portmap.PortMappingListener;
import io.homeward.api.portmap.TransportProtocol;
import io.homeward.api.runtime.ProviderProperties;

/** Port mapping through a UPnP Internet Gateway Device (IGD v1 or v2). */
@Component(service = PortMapper.class, configurationPid = UpnpPortMapperComponent.PID, immediate = true,
        property = ProviderProperties.NAME + "=upnp-igd")
@Designate(ocd = UpnpPortMapperComponent.Config.class)
public class UpnpPortMapperComponent implements PortMapper {
    static final String PID = "io.homeward.portmap.upnp";
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);

    @ObjectClassDefinition(name = "Homeward UPnP IGD port mapper",
            description = "Asks the home router for inbound mappings over UPnP IGD, the fallback for routers that"
                    + " speak neither PCP nor NAT-PMP.")
    public @interface Config {
        @AttributeDefinition(name = "Root description URL", required = false,
                description = "The router's UPnP device description, for example http://192.168.1.1:5000/rootDesc.xml."
                        + " Leave empty to find the router by SSDP multicast on the local network; set it when"
                        + " multicast is filtered. Only http:// URLs are accepted.")
        String rootDescUrl() default "";

        @AttributeDefinition(name = "Discovery timeout (seconds)",
                description = "How long to wait for routers to answer the SSDP search (1 to 10). Raise it for slow"
                        + " routers.")
        int discoveryTimeoutSeconds() default 3;

        @AttributeDefinition(name = "Requested lease (seconds)",
                description = "The longest lease asked for; mappings are renewed at half of it. Routers that only"
                        + " grant permanent mappings get one, and it is deleted when this mapper stops.")
        int leaseSeconds() default 3600;

        @AttributeDefinition(name = "Check interval (seconds)",
                description = "How often the router is asked for its external address and whether it still holds"
                        + " the mappings (a router reboot forgets them). At least 5.")
        int checkIntervalSeconds() default 60;

        @AttributeDefinition(name = "Ranking",
                description = "Preference over the other port mappers: the highest that works is used. PCP and"
                        + " NAT-PMP default to 200, so UPnP is the fallback.")
        int service_ranking() default 100;
    }

    private final IgdMappings mappings;
    private final ScheduledExecutorService timer;
    private final List<PortMappingListener> listeners = new CopyOnWriteArrayList<>();
    private final Logger log;

    @Activate
    public UpnpPortMapperComponent(Config config, @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this(config, new SystemNetwork(), SsdpDiscovery.MULTICAST, Clock.systemUTC(), log);
    }

    UpnpPortMapperComponent(Config config, Network network, InetSocketAddress ssdpTarget, Clock clock, Logger log) {
        this.log = log;
        BoundedHttp http = new BoundedHttp(HTTP_TIMEOUT);
        Duration discovery = Duration.ofSeconds(Math.max(1, Math.min(10, config.discoveryTimeoutSeconds())));
        GatewayLocator locator = new GatewayLocator(rootUrl(config.rootDescUrl(), log),
                new SsdpDiscovery(network, ssdpTarget, log), discovery, http, log);
        Duration lease = Duration.ofSeconds(Math.max(1, config.leaseSeconds()));
        this.mappings = new IgdMappings(locator, new SoapClient(http), new PortAllocator(network, log), clock, lease,
                this::publish, log);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "homeward-upnp-igd");
            t.setDaemon(true);
            return t;
        });
        long interval = Math.max(5, config.checkIntervalSeconds());
        timer.scheduleWithFixedDelay(this::maintain, interval, interval, TimeUnit.SECONDS);
        log.info("UPnP IGD port mapper ready with ranking " + config.service_ranking());
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        timer.shutdownNow();
        if (!timer.awaitTermination(HTTP_TIMEOUT.toSeconds() * 3, TimeUnit.SECONDS)) {
            log.warn("UPnP maintenance did not stop in time");
        }
        mappings.releaseAll();
    }

    @Override
    public void addPortMappingListener(PortMappingListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removePortMappingListener(PortMappingListener listener) {
        listeners.remove(listener);
    }

    @Override
    public MapperProtocol protocol() {
        return MapperProtocol.UPNP_IGD;
    }

    @Override
    public PortMapping map(TransportProtocol transport, int internalPort, Duration requestedLifetime)
            throws PortMappingException {
        return mappings.map(transport, internalPort, requestedLifetime);
    }

    @Override
    public void release(PortMapping mapping) throws PortMappingException {
        mappings.release(mapping);
    }

    /** One maintenance pass; runs on the timer, and from tests. */
    void maintain() {
        try {
            mappings.maintain();
        } catch (RuntimeException e) {
            log.error("UPnP maintenance failed unexpectedly; it runs again at the next interval", e);
        }
    }

    private void publish(PortMappingEvent event) {
        for (PortMappingListener listener : listeners) {
            try {
                listener.mappingChanged(event);
            } catch (RuntimeException e) {
                log.warn("a port mapping listener failed on " + event.kind() + ": " + e);
            }
        }
    }

    private static URI rootUrl(String configured, Logger log) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(configured.trim());
            if ("http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            log.error("rootDescUrl '" + configured + "' is not a URL (" + e.getMessage() + "); discovering by SSDP");
            return null;
        }
        log.error("rootDescUrl '" + configured + "' is not an http:// URL with a host; discovering by SSDP");
        return null;
    }
}
