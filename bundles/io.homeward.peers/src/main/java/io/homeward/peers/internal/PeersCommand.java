package io.homeward.peers.internal;

import java.time.Clock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.api.peers.PeerDirectoryStatus;

/** Gogo command {@code homeward:peers}: each peer's name, ULA, endpoint, when it changed and which mechanism told us. */
@Component(service = PeersCommand.class, property = {
        "osgi.command.scope=homeward",
        "osgi.command.function=peers"})
public class PeersCommand {
    private final PeerDirectoryStatus status;
    private final Clock clock;

    @Activate
    public PeersCommand(@Reference PeerDirectoryStatus status) {
        this(status, Clock.systemUTC());
    }

    PeersCommand(PeerDirectoryStatus status, Clock clock) {
        this.status = status;
        this.clock = clock;
    }

    public String peers() {
        return PeersText.render(status.report(), clock.instant());
    }
}
