package io.homeward.portmap.pcp.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

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
import io.homeward.kit.schedule.ExecutorScheduler;
import io.homeward.portmap.pcp.internal.mapping.MapperSettings;
import io.homeward.portmap.pcp.internal.mapping.MapperStatus;
import io.homeward.portmap.pcp.internal.mapping.MappingKeeper;
import io.homeward.portmap.pcp.internal.mapping.ProtocolClient;
import io.homeward.portmap.pcp.internal.net.AnnouncementListener;
import io.homeward.portmap.pcp.internal.net.GatewayExchange;
import io.homeward.portmap.pcp.internal.net.GatewayNetwork;
import io.homeward.portmap.pcp.internal.net.SystemGatewayNetwork;
import io.homeward.portmap.pcp.internal.wire.PcpConstants;

/**
 * PCP (RFC 6887) and NAT-PMP (RFC 6886) port mapper: both share the gateway's UDP port 5351 and
 * fall back to each other by version. Owns a timer thread, the announcement listener on UDP 5350
 * and every request socket; stopping deletes its mappings on the gateway.
 */
@Component(service = {PortMapper.class, PcpMapperService.class}, configurationPid = "io.homeward.portmap.pcp",
        property = {"homeward.provider.name=pcp", "service.ranking:Integer=200"})
@Designate(ocd = PcpPortMapperComponent.Config.class)
public class PcpPortMapperComponent implements PcpMapperService {
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    @ObjectClassDefinition(name = "Homeward PCP / NAT-PMP port mapper",
            description = "Asks the home router for inbound mappings with PCP, falling back to NAT-PMP.")
    public @interface Config {
        @AttributeDefinition(description = "Try PCP (RFC 6887) first. Turn off only for a router whose PCP is broken.")
        boolean enablePcp() default true;

        @AttributeDefinition(description = "Use NAT-PMP (RFC 6886) when the router does not speak PCP (older Apple "
                + "AirPort and many home routers).")
        boolean enableNatPmp() default true;

        @AttributeDefinition(description = "Mapping lifetime in seconds to ask the router for (120 to 86400); "
                + "mappings are renewed at half the lifetime the router grants.")
        int requestedLifetime() default 3600;

        @AttributeDefinition(required = false, description = "IPv4 address of the router to ask, when it is not the "
                + "default gateway. Empty: the default gateway from the routing table.")
        String gateway() default "";

        @AttributeDefinition(description = "Transmissions of each request before giving up (1 to 9); waits start at "
                + "250 ms and double, so 9 (RFC 6886) waits about 2 minutes and 4 about 4 s.")
        int attempts() default 9;

        @AttributeDefinition(name = "service.ranking", description = "Ranking of this mapper among port mappers; "
                + "the highest that works is used.")
        int service_ranking() default 200;
    }

    private final Logger log;
    private final ExecutorScheduler timerThread;
    private final MappingKeeper keeper;
    private final List<PortMappingListener> listeners = new CopyOnWriteArrayList<>();
    private final AnnouncementListener announcements;

    @Activate
    public PcpPortMapperComponent(@Reference(service = LoggerFactory.class) Logger log, Config config) {
        this.log = log;
        MapperSettings settings;
        GatewayNetwork network;
        try {
            settings = MapperSettings.of(config.enablePcp(), config.enableNatPmp(), config.requestedLifetime(), config.attempts());
            network = new SystemGatewayNetwork(gatewayOverride(config.gateway()));
        } catch (IllegalArgumentException e) {
            log.error("Configuration io.homeward.portmap.pcp is invalid: {}", e.getMessage());
            throw e;
        }
        this.timerThread = new ExecutorScheduler("homeward-pcp-timer", log);
        GatewayExchange exchange = new GatewayExchange(log);
        this.keeper = new MappingKeeper(network, PcpConstants.SERVER_PORT, new ProtocolClient(exchange), exchange::close,
                new ProtocolClient(new GatewayExchange(log)), settings, timerThread,
                Clock.systemUTC(), new SecureRandom(), this::deliver, log);
        this.announcements = openAnnouncements();
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
        return keeper.protocol();
    }

    @Override
    public PortMapping map(TransportProtocol transport, int internalPort, Duration requestedLifetime)
            throws PortMappingException {
        return keeper.map(transport, internalPort, requestedLifetime);
    }

    @Override
    public void release(PortMapping mapping) throws PortMappingException {
        keeper.release(mapping);
    }

    @Override
    public MapperStatus status() {
        return keeper.status();
    }

    @Deactivate
    void deactivate() {
        if (announcements != null) {
            try {
                announcements.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        keeper.close();
        try {
            if (!timerThread.shutdown(STOP_WAIT)) {
                log.warn("The PCP/NAT-PMP timer thread did not stop within {} s", STOP_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(PortMappingEvent event) {
        for (PortMappingListener listener : listeners) {
            try {
                listener.mappingChanged(event);
            } catch (RuntimeException e) {
                log.error("A port mapping listener failed on {}", event.kind(), e);
            }
        }
    }

    /** Announcements are a bonus (renewals catch reboots too), so a taken port is a warning, not a failure. */
    private AnnouncementListener openAnnouncements() {
        try {
            MulticastSocket socket = new MulticastSocket(null);
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(PcpConstants.ANNOUNCE_PORT));
            try {
                socket.joinGroup(new InetSocketAddress(InetAddress.getByName(PcpConstants.ANNOUNCE_GROUP), 0), null);
            } catch (IOException e) {
                // Linux puts every multicast-capable interface in 224.0.0.1 anyway (RFC 1112 all-hosts group).
                log.debug("Could not join {} explicitly: {}", PcpConstants.ANNOUNCE_GROUP, e.getMessage());
            }
            AnnouncementListener listener = new AnnouncementListener(socket, keeper::announcement, log);
            listener.start();
            return listener;
        } catch (IOException e) {
            log.warn("Cannot listen for router announcements on UDP {} ({}); router reboots are noticed at the next "
                    + "renewal instead", PcpConstants.ANNOUNCE_PORT, e.getMessage());
            return null;
        }
    }

    private static Optional<InetAddress> gatewayOverride(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.", -1);
        byte[] address = new byte[4];
        boolean valid = parts.length == 4;
        for (int i = 0; valid && i < 4; i++) {
            valid = parts[i].matches("\\d{1,3}") && Integer.parseInt(parts[i]) <= 255;
            address[i] = valid ? (byte) Integer.parseInt(parts[i]) : 0;
        }
        if (!valid) {
            throw new IllegalArgumentException("gateway must be an IPv4 address such as 192.168.1.1, not '" + value + "'");
        }
        try {
            return Optional.of(InetAddress.getByAddress(address));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }
}
