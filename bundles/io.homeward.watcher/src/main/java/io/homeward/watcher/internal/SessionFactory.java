package io.homeward.watcher.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Random;

import org.osgi.service.log.Logger;
import org.xbill.DNS.Name;

/** Builds the sessions of every mechanism with the current credentials and settings. */
final class SessionFactory implements SessionSource {
    static final String PUSH_SERVICE = "_dns-push-tls._tcp";
    static final String LLQ_TLS_SERVICE = "_dns-llq-tls._tcp";

    private final WatcherSettings settings;
    private final Name zone;
    private final Signer signer;
    private final Network network;
    private final InetSocketAddress server;
    private final ServiceLocator locator;
    private final Scheduler scheduler;
    private final Random random;
    private final Logger log;

    SessionFactory(WatcherSettings settings, Name zone, Signer signer, Network network, Scheduler scheduler,
            Random random, Logger log) {
        this.settings = settings;
        this.zone = zone;
        this.signer = signer;
        this.network = network;
        this.server = resolved(settings.server());
        this.locator = new ServiceLocator(network, server, random);
        this.scheduler = scheduler;
        this.random = random;
        this.log = log;
    }

    @Override
    public WatchSession create(String mechanism, Name name, int type, SessionEvents events) {
        if (Mechanisms.usesUdp(mechanism) && !settings.allowUdp()) {
            return null;
        }
        return switch (mechanism) {
            case Mechanisms.DNS_PUSH -> new PushSession(name, type, zone, tls(PUSH_SERVICE), signer, scheduler,
                    random, events, log);
            case Mechanisms.LLQ_TLS -> new LlqSession(name, type, tls(LLQ_TLS_SERVICE), true, signer,
                    settings.requestedLeaseSeconds(), scheduler, random, events, log);
            case Mechanisms.LLQ_UDP -> new LlqSession(name, type, this::udp, false, signer,
                    settings.requestedLeaseSeconds(), scheduler, random, events, log);
            case Mechanisms.POLL -> new PollSession(name, type, server, network, signer,
                    settings.pollIntervalMillis(), scheduler, random, events, log);
            default -> null;
        };
    }

    private LinkOpener tls(String service) {
        return (receiver, result) -> locator.locate(service, zone, new Completion<>() {
            @Override
            public void succeeded(InetSocketAddress server) {
                network.openTls(server, settings.fingerprint(), receiver, result);
            }

            @Override
            public void failed(Exception reason) {
                result.failed(reason);
            }
        });
    }

    /** LLQ over UDP goes to the zone's authoritative server, the configured one. */
    private void udp(Link.Receiver receiver, Completion<Link> result) {
        try {
            result.succeeded(network.openUdp(server, receiver));
        } catch (IOException e) {
            result.failed(e);
        }
    }

    private static InetSocketAddress resolved(InetSocketAddress address) {
        return address.isUnresolved() ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
    }
}
