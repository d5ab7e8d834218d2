package io.homeward.console.internal.rendezvous;

import java.time.Clock;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import io.homeward.api.rendezvous.DnsListenerStatus;
import io.homeward.api.rendezvous.WatchStatus;
import io.homeward.api.rendezvous.ZoneDirectory;

/**
 * Gogo commands {@code homeward:zones}, {@code records <zone>}, {@code listeners} and {@code llq}.
 * Every service is optional so the commands exist, and say what is not running, on a partial runtime.
 */
@Component(service = RendezvousCommand.class, property = {
        "osgi.command.scope=homeward",
        "osgi.command.function=zones",
        "osgi.command.function=records",
        "osgi.command.function=listeners",
        "osgi.command.function=llq"})
public class RendezvousCommand {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile DnsListenerStatus listenerStatus;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ZoneDirectory zoneDirectory;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile WatchStatus watchStatus;

    private final Logger log;
    private final Clock clock;

    @Activate
    public RendezvousCommand(@Reference(service = LoggerFactory.class) Logger log) {
        this(log, Clock.systemUTC());
    }

    RendezvousCommand(Logger log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** {@code homeward:zones} – every zone with its SOA serial and record count. */
    public String zones() {
        return text(zoneDirectory, ZonesReport::of, RendezvousSource.ZONES);
    }

    /** {@code homeward:records <zone>} – one zone's records with their lease expiry. */
    public String records(String zone) {
        return text(zoneDirectory, d -> RecordsReport.of(d, zone, clock.instant()), RendezvousSource.ZONES);
    }

    /** {@code homeward:listeners} – the DNS listeners with their counters and the TLS fingerprint agents pin. */
    public String listeners() {
        return text(listenerStatus, ListenersReport::of, RendezvousSource.LISTENERS);
    }

    /** {@code homeward:llq} – the long-lived queries and push subscriptions the server holds. */
    public String llq() {
        return text(watchStatus, w -> WatchesReport.of(w, clock.instant()), RendezvousSource.WATCHES);
    }

    private <S> String text(S service, Function<S, String> report, RendezvousSource source) {
        ServiceRead<String> section = ServiceRead.read(service, report, source, log);
        return section.content().orElse(section.problem());
    }
}
