package io.homeward.health.internal;

import java.time.Instant;
import java.util.Optional;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.Result;

import io.homeward.api.registration.Registration;

/**
 * Whether this host is published at the rendezvous: the records peers find it by (docs/architecture.md, "Data
 * flows"). Not signed in is a warning (a new host before its first sign-in); signed in and not published, or
 * published with a lease that ran out, is critical: peers cannot find the host.
 */
final class PublicationHealth {
    private PublicationHealth() {
    }

    /**
     * @param signedInZone the zone this host is signed in to, empty if not signed in
     * @param registrar    whether the registrar runs
     * @param registration what the registrar holds
     */
    static Result evaluate(Optional<String> signedInZone, boolean registrar, Optional<Registration> registration,
            Instant now) {
        FormattingResultLog log = new FormattingResultLog();
        if (signedInZone.isEmpty()) {
            log.warn("Not signed in: this host is not published and no other host can reach it. Sign in on the"
                    + " Homeward sign-in page or with homeward:signin");
        } else if (!registrar) {
            log.critical("Signed in to {} but the registrar is not running: start bundle io.homeward.registrar",
                    signedInZone.get());
        } else if (registration.isEmpty()) {
            log.critical("Signed in to {} but not published: the rendezvous has not acknowledged this host's records"
                    + " yet; the registrar's page says what it is waiting for", signedInZone.get());
        } else {
            Registration r = registration.get();
            String name = r.records().hostName() + "." + r.records().zone();
            if (!r.leaseExpires().isAfter(now)) {
                log.critical("The records of {} lapsed at {}: the rendezvous {} has not answered since; check that it"
                        + " is reachable from here", name, r.leaseExpires(), r.server());
            } else {
                log.info("Published as {} at {} until {}", name, r.server(), r.leaseExpires());
            }
        }
        return new Result(log);
    }
}
