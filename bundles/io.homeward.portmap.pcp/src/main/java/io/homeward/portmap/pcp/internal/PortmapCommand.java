package io.homeward.portmap.pcp.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.homeward.api.portmap.PortMapping;
import io.homeward.api.portmap.PortMappingEvent;
import io.homeward.api.portmap.PortMappingException;
import io.homeward.api.portmap.PortMappingListener;
import io.homeward.api.portmap.TransportProtocol;

/**
 * Gogo command {@code homeward:portmap}: without arguments, what the PCP/NAT-PMP mapper knows;
 * {@code portmap map udp 4500 [watchSeconds]} asks for a mapping and prints its events for that
 * long; {@code portmap release udp 4500} deletes it.
 */
@Component(service = PortmapCommand.class, property = {
        "osgi.command.scope=homeward",
        "osgi.command.function=portmap"})
public class PortmapCommand {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile PcpMapperService mapper;

    public String portmap() {
        PcpMapperService current = mapper;
        return current == null ? "The PCP/NAT-PMP mapper is not running (check configuration io.homeward.portmap.pcp "
                + "and the log)." : PortmapReport.of(current.status());
    }

    public String portmap(String action, String transport, int port) throws InterruptedException {
        return portmap(action, transport, port, 0);
    }

    public String portmap(String action, String transport, int port, int watchSeconds) throws InterruptedException {
        PcpMapperService current = mapper;
        if (current == null) {
            return portmap();
        }
        TransportProtocol protocol;
        try {
            protocol = TransportProtocol.valueOf(transport.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return "transport must be udp or tcp, not '" + transport + "'";
        }
        return switch (action) {
            case "map" -> mapAndWatch(current, protocol, port, Math.max(0, watchSeconds));
            case "release" -> release(current, protocol, port);
            default -> "unknown action '" + action + "': use map or release";
        };
    }

    private static String release(PcpMapperService current, TransportProtocol protocol, int port) {
        try {
            current.release(new PortMapping(current.protocol(), protocol, port, null, 0, Duration.ZERO, null));
            return "released " + protocol + " " + port;
        } catch (PortMappingException e) {
            return "could not release " + protocol + " " + port + ": " + e.getMessage();
        }
    }

    /** The mapper tells its events to this command only while it watches. */
    private String mapAndWatch(PcpMapperService current, TransportProtocol protocol, int port, int watchSeconds)
            throws InterruptedException {
        BlockingQueue<PortMappingEvent> events = new LinkedBlockingQueue<>(1000);
        PortMappingListener listener = events::offer;
        if (watchSeconds > 0) {
            current.addPortMappingListener(listener);
        }
        try {
            long asked = System.nanoTime();
            PortMapping mapping = current.map(protocol, port, Duration.ZERO);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
            System.out.println("mapped " + PortmapReport.mapping(mapping) + " (granted in " + millis + " ms)");
            watch(events, watchSeconds);
            return "done";
        } catch (PortMappingException e) {
            return PortmapReport.NO_MAPPING + e.getMessage();
        } finally {
            current.removePortMappingListener(listener);
        }
    }

    /** Prints each event as it comes, on the command's own output, for a bounded time. */
    private static void watch(BlockingQueue<PortMappingEvent> events, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            PortMappingEvent event = events.poll(left, TimeUnit.NANOSECONDS);
            if (event != null) {
                System.out.println(PortmapReport.event(event));
                System.out.flush();
            }
        }
    }
}
