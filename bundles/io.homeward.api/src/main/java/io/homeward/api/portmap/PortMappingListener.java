package io.homeward.api.portmap;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears about one mapper's mappings once added with {@link PortMapper#addPortMappingListener}. The tunnel port's
 * mapping chooser is the listener; everyone else learns this host's public endpoint from
 * {@link io.homeward.api.endpoint.PublicEndpoints}.
 */
@ConsumerType
public interface PortMappingListener {
    void mappingChanged(PortMappingEvent event);
}
