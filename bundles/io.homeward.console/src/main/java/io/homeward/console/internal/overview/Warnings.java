package io.homeward.console.internal.overview;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.homeward.api.endpoint.EndpointSource;
import io.homeward.api.endpoint.PublicEndpoint;
import io.homeward.kit.net.Endpoints;

/** What is wrong or about to be, each with the action that fixes it. */
final class Warnings {
    static final String MAP_THE_PORT = "Turn on UPnP IGD, NAT-PMP or PCP on the router, or forward the tunnel port"
            + " (UDP) to this host and set publicAddress of io.homeward.endpoint (Configuration).";
    static final String LISTEN_ON_THE_LAN = "The STUN server that saw it listens on this machine's loopback: let the"
            + " rendezvous listen on this host's LAN address (bindAddress of io.homeward.rendezvous.stun and the other"
            + " rendezvous PIDs, Configuration), or set publicAddress of io.homeward.endpoint.";
    static final String SEE_REGISTRATION = "The page Homeward registration shows the server's last answer; check that"
            + " the rendezvous is reachable from here.";
    /** A certificate this close to its end is warned about: renewal runs at two thirds of its 30 days. */
    static final Duration EXPIRY_WARNING = Duration.ofDays(7);

    private Warnings() {
    }

    /**
     * @param problem what is wrong, in a sentence
     * @param action  the one thing to do about it
     */
    record Warning(String problem, String action) {
    }

    static List<Warning> of(OverviewFacts facts) {
        List<Warning> warnings = new ArrayList<>();
        if (facts.consoleHttpsProblem().isPresent()) {
            warnings.add(new Warning("The console listens on " + facts.consoleAddress() + " only, never beyond loopback"
                    + " in plain HTTP: " + facts.consoleHttpsProblem().get() + ".", "Remedy that (the log says it too)"
                    + " and restart Homeward; it then serves HTTPS on the address asked for."));
        } else if (!facts.consoleAddress().isEmpty() && isLoopback(facts.consoleAddress())) {
            warnings.add(new Warning("The console listens on " + facts.consoleAddress() + " only: no other device"
                    + " (a phone, another computer) can open it.", "To use it from elsewhere, start Homeward with"
                    + " --console-address and this host's LAN address."));
        }
        facts.endpoint().ifPresent(endpoint -> endpoint(endpoint, warnings));
        facts.certificate().ifPresent(c -> {
            if (c.revoked()) {
                warnings.add(new Warning("This host's certificate was revoked: its peers refuse it.",
                        "Join again with a new invite code (homeward:invite on the rendezvous, then --join)."));
            } else if (!c.notAfter().isAfter(facts.now())) {
                warnings.add(new Warning("This host's certificate expired on " + c.notAfter() + ".",
                        "Let the host reach the rendezvous so it renews, or sign in again."));
            } else if (Duration.between(facts.now(), c.notAfter()).compareTo(EXPIRY_WARNING) < 0) {
                warnings.add(new Warning("This host's certificate expires on " + c.notAfter() + " and was not renewed.",
                        "Check that the rendezvous is reachable; the Settings page shows the last renewal."));
            }
        });
        facts.refused().forEach(refused -> warnings.add(new Warning("The configuration " + refused.pid() + " sets "
                + refused.key() + " to a value its description refuses (" + refused.reason() + "): the component"
                + " runs with " + refused.kept().map(k -> "its last good value, " + k).orElse("its default")
                + " instead.", "Correct " + refused.key() + " of " + refused.pid() + " on the Configuration page or"
                + " in the file it came from; homeward:config lists every refused value.")));
        if (facts.signedIn().isPresent() && facts.registration().filter(r -> r.leaseExpires().isAfter(facts.now())).isEmpty()) {
            warnings.add(new Warning("Registration is failing: this host's records are not published, so its peers"
                    + " do not find it.", SEE_REGISTRATION));
        }
        return warnings;
    }

    private static void endpoint(PublicEndpoint endpoint, List<Warning> warnings) {
        AddressScope scope = AddressScope.of(endpoint.address().getAddress());
        if (scope == AddressScope.LOOPBACK) {
            warnings.add(new Warning("The public endpoint " + Endpoints.text(endpoint.address()) + " is a loopback"
                    + " address: peers on other machines cannot reach it.", fix(endpoint)));
        } else if (endpoint.source() == EndpointSource.STUN || endpoint.source() == EndpointSource.LOCAL
                && scope == AddressScope.LOCAL_NETWORK) {
            warnings.add(new Warning("No port mapping: the gateway mapped nothing, so peers are told "
                    + Endpoints.text(endpoint.address()) + " (" + Verdict.learned(endpoint.source()) + "), which"
                    + " a NAT may not let them through.", MAP_THE_PORT));
        }
    }

    /** What makes the user's other hosts reach this one when they are told {@code endpoint}. */
    static String fix(PublicEndpoint endpoint) {
        return endpoint.source() == EndpointSource.STUN
                && AddressScope.of(endpoint.address().getAddress()) == AddressScope.LOOPBACK ? LISTEN_ON_THE_LAN : MAP_THE_PORT;
    }

    private static boolean isLoopback(String address) {
        return address.equals("localhost") || address.startsWith("127.") || address.equals("::1");
    }
}
