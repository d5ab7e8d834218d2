package io.homeward.autotunnel.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.homeward.api.endpoint.PublicEndpoint;
import io.homeward.api.endpoint.PublicEndpoints;
import io.homeward.api.keying.ReachabilityReport;
import io.homeward.api.keying.ReachabilityStatus;
import io.homeward.api.keying.TunnelKeying;
import io.homeward.api.peers.Peer;
import io.homeward.api.peers.PeerListener;
import io.homeward.api.sa.SecurityAssociationDatabase;
import io.homeward.kit.schedule.ExecutorScheduler;

/**
 * The autotunnel: keeps every host of the peer directory reachable through the tunnel (docs/architecture.md, "Data
 * flows"), keying on demand or eagerly and closing idle tunnels; and the reachability of each peer for
 * {@code homeward:reach}, {@code homeward:ping} and the console. It hears the directory as a {@link PeerListener} and
 * registers its {@code MissingSaListener} on the SA database service, so it references neither as a whiteboard and
 * forms no DS cycle. Owns its one thread.
 */
@Component(service = {PeerListener.class, AutotunnelComponent.class, ReachabilityStatus.class}, configurationPid = AutotunnelComponent.PID)
@Designate(ocd = AutotunnelComponent.Config.class)
public class AutotunnelComponent implements PeerListener, ReachabilityStatus {
    static final String PID = "io.homeward.autotunnel";
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    /** A ping waits this long for keying: IKE_SA_INIT and IKE_AUTH with their retransmissions. */
    private static final Duration KEY_WAIT = Duration.ofSeconds(20);
    /** And this long for each round trip. */
    private static final Duration PROBE_WAIT = Duration.ofSeconds(10);

    @ObjectClassDefinition(name = "Homeward autotunnel",
            description = "Keys the tunnel with the user's other hosts on demand or eagerly, and closes idle tunnels.")
    public @interface Config {
        @AttributeDefinition(name = "Mode", description = "ON_DEMAND: a peer is keyed by the first packet to it (held"
                + " meanwhile, so it is not lost). EAGER: every listed peer is keyed at once and kept keyed.")
        KeyingMode mode() default KeyingMode.ON_DEMAND;

        @AttributeDefinition(name = "Eager hosts", description = "Host labels keyed eagerly in on-demand mode too"
                + " (for example a home server that must answer at once); their tunnels never close for idleness.")
        String[] eagerHosts() default {};

        @AttributeDefinition(name = "Idle time (seconds)", description = "A tunnel of an on-demand peer that carried"
                + " no packet in or out for this long is closed (the next packet keys it again). 0: never close.")
        long idleSeconds() default 600;
    }

    private final Logger log;
    private final TunnelKeying keying;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorScheduler thread;
    private final Autotunnel autotunnel;
    private final Pinger pinger;
    private volatile PublicEndpoints endpoints;

    @Activate
    public AutotunnelComponent(@Reference(service = LoggerFactory.class) Logger log,
            @Reference SecurityAssociationDatabase database, @Reference TunnelKeying keying, Config config) {
        this.log = log;
        this.keying = keying;
        AutotunnelSettings settings = AutotunnelSettings.of(config.mode(), config.eagerHosts(), config.idleSeconds());
        this.thread = new ExecutorScheduler("homeward-autotunnel", log);
        this.autotunnel = new Autotunnel(thread, clock, new SecureRandom(), log, database, keying, settings);
        this.pinger = new Pinger(autotunnel, keying, KEY_WAIT, PROBE_WAIT);
        autotunnel.start();
        log.info("Autotunnel: {}", settings.text());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEndpoints(PublicEndpoints now) {
        endpoints = now;
    }

    void unbindEndpoints(PublicEndpoints gone) {
        if (endpoints == gone) {
            endpoints = null;
        }
    }

    @Override
    public void peerChanged(Optional<Peer> before, Optional<Peer> after) {
        autotunnel.peerChanged(before, after);
    }

    @Override
    public ReachabilityReport reachability() {
        return report().typed();
    }

    ReachReport report() {
        PublicEndpoints known = endpoints;
        Optional<PublicEndpoint> self = known == null ? Optional.empty() : known.current();
        return ReachReport.of(clock.instant(), self, autotunnel.settings(), autotunnel.views(),
                keying.status());
    }

    Pinger.Outcome ping(String host, int count) throws InterruptedException {
        return pinger.ping(host, count);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        autotunnel.stop();
        if (!thread.shutdown(STOP_WAIT)) {
            log.warn("The autotunnel's thread did not stop within {} s", STOP_WAIT.toSeconds());
            thread.stopNow();
        }
    }
}
