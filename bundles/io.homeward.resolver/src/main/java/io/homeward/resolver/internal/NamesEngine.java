package io.homeward.resolver.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.service.log.Logger;
import org.xbill.DNS.Name;

import io.homeward.api.netwatch.NetworkChange;
import io.homeward.kit.net.Endpoints;
import io.homeward.kit.schedule.Scheduler;
import io.homeward.kit.text.Ipv6Text;

/**
 * Keeps the name server listening on the ULA, port 53 by default, whenever an interface carries the ULA (the tunnel
 * interface comes and goes with its provider), and the system resolver told about it while signed in. Checks again
 * on every network change, every few seconds while not listening, and every minute while the system resolver
 * could not be told. Logic thread only, except the volatile state the report reads.
 */
final class NamesEngine {
    static final Duration RETRY_LISTEN = Duration.ofSeconds(5);
    static final Duration RETRY_SYSTEM_RESOLVER = Duration.ofMinutes(1);

    /** Where the system resolver was told to send the zone. */
    private record Routed(String link, Name zone) {
    }

    private final Scheduler logic;
    private final InetSocketAddress address;
    private final Listeners.Opener opener;
    private final InterfaceLookup interfaces;
    private final Optional<LinkDns> linkDns;
    private final Logger log;

    private Listeners listeners;
    private Optional<SignedIn> signedIn = Optional.empty();
    private Routed routed;
    /** The routed link changed since it was told: tell it again (systemd-resolved forgets a link that goes away). */
    private boolean routeStale;
    private Scheduler.Scheduled retry;
    private String lastProblem = "";
    private boolean stopped;
    private volatile String listening = "not yet";
    private volatile String systemResolver = "not yet";
    private volatile List<String> manualSetup = List.of();

    /** @param linkDns empty when the agent must leave the system resolver alone */
    NamesEngine(Scheduler logic, Inet6Address ula, int port, Listeners.Opener opener, InterfaceLookup interfaces,
            Optional<LinkDns> linkDns, Logger log) {
        this.logic = logic;
        this.address = new InetSocketAddress(ula, port);
        this.opener = opener;
        this.interfaces = interfaces;
        this.linkDns = linkDns;
        this.log = log;
    }

    void start() {
        logic.execute(this::check);
    }

    /** Signed in (present) or out (empty). */
    void signedIn(Optional<SignedIn> now) {
        logic.execute(() -> {
            signedIn = now;
            check();
        });
    }

    /** A change on the routed link (it went down, or came back new) makes the system resolver be told again. */
    void networkChanged(NetworkChange change) {
        logic.execute(() -> {
            if (routed != null && change.interfaceName().filter(routed.link()::equals).isPresent()
                    && change.kind() != NetworkChange.Kind.DEFAULT_ROUTE_CHANGED) {
                routeStale = true;
            }
            check();
        });
    }

    /** Closes the sockets and gives the link back its settings; runs on the logic thread before it stops. */
    void stop() {
        logic.execute(() -> {
            stopped = true;
            cancelRetry();
            unroute();
            closeListeners();
        });
    }

    String listening() {
        return listening;
    }

    String systemResolver() {
        return systemResolver;
    }

    List<String> manualSetup() {
        return manualSetup;
    }

    private void check() {
        if (stopped) {
            return;
        }
        cancelRetry();
        Optional<String> link = interfaces.interfaceOf((Inet6Address) address.getAddress());
        if (listeners != null && link.isEmpty()) {
            closeListeners();
            log.info("{} left its interface; the name server waits for it", Ipv6Text.format(ula()));
        }
        if (listeners == null) {
            listen(link);
        }
        tellSystemResolver(link);
        if (listeners == null) {
            retry = logic.schedule(this::check, RETRY_LISTEN);
        } else if (routed == null && linkDns.isPresent() && signedIn.isPresent()) {
            retry = logic.schedule(this::check, RETRY_SYSTEM_RESOLVER);
        }
    }

    private void listen(Optional<String> link) {
        if (link.isEmpty()) {
            listening = "not listening: " + Ipv6Text.format(ula()) + " is on no interface yet (the tunnel interface "
                    + "is not up)";
            return;
        }
        try {
            listeners = opener.open(address);
            listening = Endpoints.text(address) + " UDP and TCP, on " + link.get();
            lastProblem = "";
            log.info("Answering DNS for the user's zone on {}", listening);
        } catch (IOException e) {
            listening = "not listening: " + BindFailure.explain(e, address);
            problem(listening);
        }
    }

    private void tellSystemResolver(Optional<String> link) {
        if (linkDns.isEmpty()) {
            systemResolver = "left alone (io.homeward.resolver systemResolver is false)";
            manualSetup = signedIn.map(s -> ManualSetup.lines(ula(), s.zone())).orElse(List.of());
            return;
        }
        if (listeners == null || link.isEmpty() || signedIn.isEmpty()) {
            unroute();
            systemResolver = "not told: " + (signedIn.isEmpty() ? "not signed in" : "not listening");
            manualSetup = List.of();
            return;
        }
        Routed wanted = new Routed(link.get(), signedIn.get().zone());
        if (wanted.equals(routed) && !routeStale) {
            return;
        }
        unroute();
        Optional<String> unavailable = linkDns.get().unavailable();
        if (unavailable.isPresent()) {
            notTold(unavailable.get(), wanted);
            return;
        }
        try {
            linkDns.get().apply(wanted.link(), ula(), wanted.zone());
            routed = wanted;
            systemResolver = "systemd-resolved sends ~" + wanted.zone().toString(true) + " to " + Ipv6Text.format(ula())
                    + " on " + wanted.link();
            manualSetup = List.of();
            log.info("Split DNS: {}", systemResolver);
        } catch (IOException e) {
            notTold("telling systemd-resolved failed: " + e.getMessage(), wanted);
        }
    }

    private void notTold(String why, Routed wanted) {
        systemResolver = "not told: " + why;
        manualSetup = ManualSetup.lines(ula(), wanted.zone());
        problem("The system resolver does not know the zone's names (" + why + "); dig @" + Ipv6Text.format(ula())
                + " answers them. To resolve them system-wide, " + String.join(" ", manualSetup));
    }

    private void unroute() {
        Routed was = routed;
        routed = null;
        routeStale = false;
        if (was == null || linkDns.isEmpty()) {
            return;
        }
        if (!interfaces.exists(was.link())) {
            log.info("Split DNS for {} went with {}, which is gone", was.zone().toString(true), was.link());
            return;
        }
        try {
            linkDns.get().revert(was.link());
            log.info("Split DNS for {} removed from {}", was.zone().toString(true), was.link());
        } catch (IOException e) {
            log.warn("Could not give {} back its DNS settings: {}", was.link(), e.getMessage());
        }
    }

    private void closeListeners() {
        if (listeners != null) {
            listeners.close();
            listeners = null;
            listening = "not listening: stopped";
        }
    }

    /** Logs a problem once, not at every retry. */
    private void problem(String text) {
        if (!text.equals(lastProblem)) {
            lastProblem = text;
            log.warn(text);
        }
    }

    private void cancelRetry() {
        if (retry != null) {
            retry.cancel();
            retry = null;
        }
    }

    private Inet6Address ula() {
        return (Inet6Address) address.getAddress();
    }
}
