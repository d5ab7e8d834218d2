package io.homeward.api.sa;

import java.util.List;
import java.util.Map;

/**
 * The data plane as an operator sees it.
 *
 * @param tun            the interface, or why there is none
 * @param routes         peer ULAs routed into the interface
 * @param preferredSuite the suite new SAs get
 * @param sas            every SA pair, each peer's sending pair before its others
 * @param drops          the drops no SA pair can be charged with, by reason as operators read it ("no SA", "runts")
 * @param text           all of it as {@code homeward:tunnels} prints it, the packets held for keying included
 * @since 1.6
 */
public record TunnelsReport(String tun, List<String> routes, String preferredSuite, List<SaStatus> sas,
        Map<String, Long> drops, String text) {
    public TunnelsReport {
        routes = List.copyOf(routes);
        sas = List.copyOf(sas);
        drops = Map.copyOf(drops);
    }
}
