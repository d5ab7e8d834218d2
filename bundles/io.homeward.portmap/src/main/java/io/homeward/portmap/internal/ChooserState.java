package io.homeward.portmap.internal;

import java.util.List;

import io.homeward.api.portmap.PortMapping;

/**
 * What the chooser knows, for the diagnosis.
 *
 * @param enabled      whether port mapping is switched on
 * @param internalPort the tunnel port it maps
 * @param mapping      the mapping it holds, or null
 * @param mappers      installed mappers, best first
 */
record ChooserState(boolean enabled, int internalPort, PortMapping mapping, List<MapperView> mappers) {

    ChooserState {
        mappers = List.copyOf(mappers);
    }
}
