package io.homeward.portmap.internal;

import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo command {@code homeward:netcheck}: can this host be reached, and if not, why. */
@Component(service = NetcheckCommand.class, property = {
        "osgi.command.scope=homeward",
        "osgi.command.function=netcheck"})
public class NetcheckCommand {
    private final Supplier<ChooserState> state;
    private final LocalAddresses addresses;

    @Activate
    public NetcheckCommand(@Reference TunnelPortMappingComponent mapping) {
        this(mapping::state, new SystemLocalAddresses());
    }

    NetcheckCommand(Supplier<ChooserState> state, LocalAddresses addresses) {
        this.state = state;
        this.addresses = addresses;
    }

    public String netcheck() {
        return NetcheckText.render(Netcheck.diagnose(state.get(), addresses));
    }
}
