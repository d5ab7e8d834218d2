package io.homeward.identity.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import org.osgi.service.log.Logger;

import io.homeward.api.identity.Eui64;

/**
 * Creates a fresh identity: the EUI-64 of the primary interface's MAC (or a random one, said
 * out loud) behind {@code fd} and 7 random octets. Like Apple's BTMM, all 56 bits after
 * {@code fd} are random instead of RFC 4193 §3.2.2's SHA-1 construction.
 */
final class IdentityGenerator {
    static final String ROUTE_TABLE = "/proc/net/route";

    private final Machine machine;
    private final SecureRandom random;
    private final Logger log;

    IdentityGenerator(Machine machine, SecureRandom random, Logger log) {
        this.machine = machine;
        this.random = random;
        this.log = log;
    }

    StoredIdentity generate(String interfaceName) {
        Optional<NetworkLink> primary = new PrimaryInterface(log).choose(links(),
                interfaceName, machine.readFile(ROUTE_TABLE).flatMap(DefaultRoute::interfaceIn));
        Eui64 eui64;
        String source;
        if (primary.isPresent()) {
            eui64 = Eui64.fromMac(primary.get().mac());
            source = primary.get().name();
        } else {
            eui64 = Eui64.random(random);
            source = StoredIdentity.RANDOM_SOURCE;
            log.warn("io.homeward.identity: no interface has a usable MAC address; using the random EUI-64 " + eui64
                    + " for this run (peers will see a new AutoTunnel name after every restart)");
        }
        byte[] randomPart = new byte[7];
        random.nextBytes(randomPart);
        byte[] ula = new byte[16];
        ula[0] = (byte) 0xFD;
        System.arraycopy(randomPart, 0, ula, 1, 7);
        System.arraycopy(eui64.toBytes(), 0, ula, 8, 8);
        return new StoredIdentity(eui64, source, ula);
    }

    private List<NetworkLink> links() {
        try {
            return machine.links();
        } catch (IOException e) {
            log.warn("io.homeward.identity: cannot list network interfaces: " + e.getMessage());
            return List.of();
        }
    }
}
