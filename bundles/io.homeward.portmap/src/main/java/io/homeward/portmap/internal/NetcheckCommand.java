package io.homeward.portmap.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.api.portmap.NetcheckStatus;

/** Gogo command {@code homeward:netcheck}: can this host be reached, and if not, why. */
@Component(service = NetcheckCommand.class, property = {
        "osgi.command.scope=homeward",
        "osgi.command.function=netcheck"})
public class NetcheckCommand {
    private final NetcheckStatus status;

    @Activate
    public NetcheckCommand(@Reference NetcheckStatus status) {
        this.status = status;
    }

    public String netcheck() {
        return NetcheckText.render(status.netcheck());
    }
}
