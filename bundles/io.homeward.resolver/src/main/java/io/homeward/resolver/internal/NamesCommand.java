package io.homeward.resolver.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo command {@code homeward:names}: the zone, where the name server listens, what it answered, whether the
 * system resolver sends the zone here and, when not, what to add by hand.
 */
@Component(service = NamesCommand.class, property = {
        "osgi.command.scope=homeward",
        "osgi.command.function=names"})
public class NamesCommand {
    private final NamesComponent names;

    @Activate
    public NamesCommand(@Reference NamesComponent names) {
        this.names = names;
    }

    public String names() {
        return names.report().text();
    }
}
