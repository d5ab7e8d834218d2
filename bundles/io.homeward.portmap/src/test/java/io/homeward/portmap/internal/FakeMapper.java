package io.homeward.portmap.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.homeward.api.portmap.MapperProtocol;
import io.homeward.api.portmap.PortMapper;
import io.homeward.api.portmap.PortMapping;
import io.homeward.api.portmap.PortMappingException;
import io.homeward.api.portmap.PortMappingListener;
import io.homeward.api.portmap.TransportProtocol;

/** A mapper that grants (or refuses) mappings on a fixed external endpoint and logs every call to a shared list. */
class FakeMapper implements PortMapper {
    private final MapperProtocol protocol;
    private final Clock clock;
    private final List<String> calls;
    volatile String externalAddress;
    volatile int externalPort;
    /** When set, map() refuses with this reason. */
    volatile String refusal;
    /** Who listens to this mapper's events. */
    final List<PortMappingListener> listeners = new CopyOnWriteArrayList<>();

    FakeMapper(MapperProtocol protocol, String externalAddress, int externalPort, Clock clock, List<String> calls) {
        this.protocol = protocol;
        this.externalAddress = externalAddress;
        this.externalPort = externalPort;
        this.clock = clock;
        this.calls = calls;
    }

    MapperEntry entry(int ranking, long serviceId) {
        return MapperEntry.of(this, Map.of("service.ranking", ranking, "service.id", serviceId,
                "homeward.provider.name", protocol.text()));
    }

    @Override
    public MapperProtocol protocol() {
        return protocol;
    }

    @Override
    public PortMapping map(TransportProtocol transport, int internalPort, Duration lifetime)
            throws PortMappingException {
        calls.add(protocol + " map " + internalPort);
        if (refusal != null) {
            throw new PortMappingException(refusal);
        }
        return mapping(internalPort, lifetime);
    }

    PortMapping mapping(int internalPort, Duration lifetime) {
        try {
            return new PortMapping(protocol, TransportProtocol.UDP, internalPort,
                    InetAddress.getByName(externalAddress), externalPort, lifetime, clock.instant());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void release(PortMapping mapping) {
        calls.add(protocol + " release " + mapping.externalPort());
    }

    @Override
    public void addPortMappingListener(PortMappingListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removePortMappingListener(PortMappingListener listener) {
        listeners.remove(listener);
    }
}
