package io.homeward.rendezvous.stun.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.api.rendezvous.StunServerStatus;

/** Gogo command {@code homeward:stun}: where the STUN server listens and what it answered. */
@Component(service = StunCommand.class, property = {
        "osgi.command.scope=homeward",
        "osgi.command.function=stun"})
public class StunCommand {
    private final StunServerStatus server;

    @Activate
    public StunCommand(@Reference StunServerStatus server) {
        this.server = server;
    }

    public String stun() {
        return server.report().text();
    }
}
