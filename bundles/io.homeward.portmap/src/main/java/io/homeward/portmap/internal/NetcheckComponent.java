package io.homeward.portmap.internal;

import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.api.portmap.NetcheckReport;
import io.homeward.api.portmap.NetcheckStatus;

/** Diagnoses the tunnel port's reachability from the mapping chooser's state and this host's addresses. */
@Component(service = NetcheckStatus.class)
public class NetcheckComponent implements NetcheckStatus {
    private final Supplier<ChooserState> state;
    private final LocalAddresses addresses;

    @Activate
    public NetcheckComponent(@Reference TunnelPortMappingComponent mapping) {
        this(mapping::state, new SystemLocalAddresses());
    }

    NetcheckComponent(Supplier<ChooserState> state, LocalAddresses addresses) {
        this.state = state;
        this.addresses = addresses;
    }

    @Override
    public NetcheckReport netcheck() {
        return Netcheck.diagnose(state.get(), addresses);
    }
}
