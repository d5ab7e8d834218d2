package io.homeward.portmap.pcp.internal;

import java.util.List;

import io.homeward.api.portmap.PortMapping;
import io.homeward.api.portmap.PortMappingEvent;
import io.homeward.portmap.pcp.internal.mapping.MapperStatus;

/** The text the {@code homeward:portmap} command prints; one fact per line so scripts can grep it. */
final class PortmapReport {
    static final String NO_MAPPING = "no port mapping available: ";

    private PortmapReport() {
    }

    static String of(MapperStatus status) {
        StringBuilder out = new StringBuilder();
        out.append("gateway:        ").append(status.gateway() == null ? "(not asked yet)" : status.gateway().getHostAddress())
                .append('\n');
        out.append("protocol:       ").append(status.protocol() == null ? "(none worked yet)" : status.protocol().text()).append('\n');
        out.append("public address: ")
                .append(status.externalAddress() == null ? "(unknown)" : status.externalAddress().getHostAddress()).append('\n');
        out.append("gateway epoch:  ").append(status.epoch()).append(" s\n");
        List<PortMapping> mappings = status.mappings();
        out.append("mappings:").append(mappings.isEmpty() ? "       (none)" : "").append('\n');
        mappings.forEach(m -> out.append("  ").append(mapping(m)).append('\n'));
        if (status.problem() != null) {
            out.append(NO_MAPPING).append(status.problem()).append('\n');
        }
        return out.toString().stripTrailing();
    }

    static String mapping(PortMapping m) {
        return m.transport() + " " + m.internalPort() + " -> " + m.externalAddress().getHostAddress() + ":" + m.externalPort()
                + " via " + m.mapper().text() + ", lifetime " + m.lifetime().toSeconds() + " s, expires " + m.expiresAt();
    }

    static String event(PortMappingEvent event) {
        return "event " + event.kind() + " " + mapping(event.mapping());
    }
}
