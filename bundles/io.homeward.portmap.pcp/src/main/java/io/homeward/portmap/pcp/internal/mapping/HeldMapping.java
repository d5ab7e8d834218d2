package io.homeward.portmap.pcp.internal.mapping;

import io.homeward.api.portmap.MapperProtocol;
import io.homeward.api.portmap.PortMapping;
import io.homeward.api.portmap.TransportProtocol;
import io.homeward.kit.schedule.Scheduler;

/**
 * A mapping the mapper keeps alive: what was asked, the PCP nonce it must repeat in every refresh
 * and delete (RFC 6887 §11.2), what was granted and the pending renewal. Guarded by the keeper's lock.
 */
final class HeldMapping {
    final TransportProtocol transport;
    final int internalPort;
    final byte[] nonce;
    long lifetimeSeconds;
    /** The protocol that last granted it, tried first on renewal and used for the delete. */
    MapperProtocol protocol;
    PortMapping current;
    Scheduler.Scheduled timer = () -> { };

    HeldMapping(TransportProtocol transport, int internalPort, byte[] nonce, long lifetimeSeconds) {
        this.transport = transport;
        this.internalPort = internalPort;
        this.nonce = nonce.clone();
        this.lifetimeSeconds = lifetimeSeconds;
    }

    String describe() {
        return transport + " port " + internalPort;
    }
}
