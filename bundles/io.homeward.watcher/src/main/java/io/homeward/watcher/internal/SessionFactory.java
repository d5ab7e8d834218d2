package io.homeward.watcher.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Random;

import org.osgi.service.log.Logger;
import org.osgi.util.promise.Promise;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.TextParseException;

import io.homeward.api.watch.WatchMechanism;
import io.homeward.kit.dns.Backoff;
import io.homeward.kit.dns.SrvLookup;
import io.homeward.kit.dns.TsigSigner;
import io.homeward.kit.schedule.Scheduler;
import io.homeward.watcher.internal.net.Link;
import io.homeward.watcher.internal.net.LinkOpener;
import io.homeward.watcher.internal.net.Network;
import io.homeward.watcher.internal.session.LlqSession;
import io.homeward.watcher.internal.session.MechanismSession;
import io.homeward.watcher.internal.session.PollSession;
import io.homeward.watcher.internal.session.PushConnection;
import io.homeward.watcher.internal.session.SessionEvents;

/**
 * Builds the sessions of every mechanism with the current credentials and settings. DNS Push watches share one
 * session with the rendezvous server (RFC 8765 §6), which this factory owns.
 */
final class SessionFactory implements SessionSource {
    static final String PUSH_SERVICE = "_dns-push-tls._tcp";
    static final String LLQ_TLS_SERVICE = "_dns-llq-tls._tcp";

    private final WatcherSettings settings;
    private final Name zone;
    private final TsigSigner signer;
    private final Network network;
    private final InetSocketAddress server;
    private final SrvLookup locator;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Random random;
    private final Logger log;
    private final PushConnection push;

    SessionFactory(WatcherSettings settings, Name zone, TsigSigner signer, Network network, Scheduler scheduler,
            Clock clock, Random random, Logger log) {
        this.settings = settings;
        this.zone = zone;
        this.signer = signer;
        this.network = network;
        this.server = resolved(settings.server());
        this.locator = new SrvLookup(network::query, server, random, network.promises());
        this.scheduler = scheduler;
        this.clock = clock;
        this.random = random;
        this.log = log;
        this.push = new PushConnection(zone, tls(PUSH_SERVICE), signer, scheduler, clock, random,
                new Backoff(WatchEngine.FIRST_RETRY, WatchEngine.LONGEST_RETRY, random), log);
    }

    @Override
    public MechanismSession create(WatchMechanism mechanism, Name name, int type, SessionEvents events) {
        if (Mechanisms.usesUdp(mechanism) && !settings.allowUdp()) {
            return null;
        }
        return switch (mechanism) {
            case DNS_PUSH -> push.subscription(name, type, events);
            case LLQ_TLS -> new LlqSession(name, type, tls(LLQ_TLS_SERVICE), true, signer,
                    settings.requestedLeaseSeconds(), scheduler, clock, random, events, log);
            case LLQ_UDP -> new LlqSession(name, type, this::udp, false, signer,
                    settings.requestedLeaseSeconds(), scheduler, clock, random, events, log);
            case POLL -> new PollSession(name, type, server, network, signer,
                    settings.pollIntervalMillis(), scheduler, random, events, log);
            default -> null;
        };
    }

    /** The host moved: the DNS Push session opens a new connection now (LLQ sessions restart with their watches). */
    void reconnect() {
        push.reconnect();
    }

    /** These credentials are done with; their watches were stopped first. */
    void close() {
        push.close();
    }

    /** The service's server from its SRV record in the user's zone (RFC 2782), over pinned TLS. */
    private LinkOpener tls(String service) {
        return receiver -> {
            Name owner;
            try {
                owner = Name.concatenate(Name.fromString(service), zone);
            } catch (TextParseException | NameTooLongException e) {
                return network.promises().failed(new IOException("cannot build the SRV name " + service + "." + zone,
                        e));
            }
            return locator.locate(owner).flatMap(found -> network.openTls(found, settings.fingerprint(), receiver));
        };
    }

    /** LLQ over UDP goes to the zone's authoritative server, the configured one. */
    private Promise<Link> udp(Link.Receiver receiver) {
        try {
            return network.promises().resolved(network.openUdp(server, receiver));
        } catch (IOException e) {
            return network.promises().failed(e);
        }
    }

    private static InetSocketAddress resolved(InetSocketAddress address) {
        return address.isUnresolved() ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
    }
}
