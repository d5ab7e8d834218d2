package io.homeward.identity.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.osgi.service.log.Logger;

/**
 * Picks the interface whose MAC seeds the EUI-64: the one the operator named, else the one
 * carrying the IPv4 default route, else the first up, non-loopback, hardware interface by name.
 */
final class PrimaryInterface {
    private final Logger log;

    PrimaryInterface(Logger log) {
        this.log = log;
    }

    Optional<NetworkLink> choose(List<NetworkLink> links, String configuredName, Optional<String> defaultRouteInterface) {
        if (!configuredName.isEmpty()) {
            Optional<NetworkLink> named = links.stream().filter(l -> l.name().equals(configuredName)).findFirst();
            if (named.isPresent() && named.get().hasUsableMac()) {
                return named;
            }
            log.warn("io.homeward.identity: interfaceName '" + configuredName + "' "
                    + (named.isPresent() ? "has no 6-byte MAC" : "does not exist")
                    + "; choosing the primary interface automatically");
        }
        Optional<NetworkLink> routed = defaultRouteInterface.flatMap(name -> links.stream()
                .filter(l -> l.name().equals(name) && l.up() && l.hasUsableMac()).findFirst());
        if (routed.isPresent()) {
            return routed;
        }
        return links.stream()
                .filter(l -> l.up() && !l.loopback() && !l.virtual() && l.hasUsableMac())
                .min(Comparator.comparing(NetworkLink::name));
    }
}
