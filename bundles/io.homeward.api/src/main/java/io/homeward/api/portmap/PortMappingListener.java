package io.homeward.api.portmap;

import org.osgi.annotation.versioning.ConsumerType;

/** Whiteboard listener: register as a service to hear about every mapper's mappings. */
@ConsumerType
public interface PortMappingListener {
    void mappingChanged(PortMappingEvent event);
}
