package io.homeward.api.portmap;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Asks the gateway in front of this host for inbound mappings. Several mappers may be installed
 * (registered with a {@code service.ranking}); the best one that works is used. A mapper keeps the
 * mappings it granted alive until they are released or the mapper stops, and reports changes to the
 * {@link PortMappingListener}s added to it.
 */
@ProviderType
public interface PortMapper {

    /** The protocol this mapper speaks (for PCP with its NAT-PMP fallback, the one that last worked). */
    MapperProtocol protocol();

    /**
     * Requests a mapping, suggesting the internal port as the external port.
     *
     * @throws PortMappingException with a reason a user can read when no mapping can be had
     */
    PortMapping map(TransportProtocol transport, int internalPort, Duration requestedLifetime)
            throws PortMappingException;

    /** Deletes a mapping this mapper granted. */
    void release(PortMapping mapping) throws PortMappingException;

    /**
     * Tells {@code listener} of every later change of the mappings this mapper keeps.
     *
     * @since 2.0
     */
    void addPortMappingListener(PortMappingListener listener);

    /** @since 2.0 */
    void removePortMappingListener(PortMappingListener listener);
}
