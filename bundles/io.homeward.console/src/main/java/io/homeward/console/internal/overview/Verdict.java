package io.homeward.console.internal.overview;

import java.time.Instant;
import java.util.Optional;

import io.homeward.api.endpoint.EndpointSource;
import io.homeward.api.endpoint.PublicEndpoint;
import io.homeward.kit.net.Endpoints;

/**
 * The overview's one line: whether the user's other hosts can reach this one, and if not, why and the one thing to
 * do. The first thing missing on the way to being reachable decides (identity, sign-in, certificate, endpoint,
 * published records); then the endpoint's address says from where.
 */
record Verdict(Reach reach, String text) {
    enum Reach {
        INTERNET, LOCAL_NETWORK, NONE
    }

    static Verdict of(OverviewFacts facts) {
        return blocker(facts).map(reason -> new Verdict(Reach.NONE, "Not reachable: " + reason)).orElseGet(() -> {
            PublicEndpoint endpoint = facts.endpoint().orElseThrow();
            String at = Endpoints.text(endpoint.address()) + " (" + learned(endpoint.source()) + ")";
            return AddressScope.of(endpoint.address().getAddress()) == AddressScope.INTERNET
                    ? new Verdict(Reach.INTERNET, "Reachable from the Internet at " + at)
                    : new Verdict(Reach.LOCAL_NETWORK, "Reachable only from this LAN: peers are told " + at
                            + ", a private address. " + Warnings.MAP_THE_PORT);
        });
    }

    /** Why no peer can reach this host, with what to do; empty when peers are told an endpoint. */
    private static Optional<String> blocker(OverviewFacts facts) {
        Instant now = facts.now();
        if (facts.host().isEmpty()) {
            return Optional.of("this runtime has no host identity. Run the agent (feature agent or all-in-one).");
        }
        if (facts.signedIn().isEmpty()) {
            return Optional.of("not signed in. Sign in on the Settings page, or join with an invite code"
                    + " (homeward:join).");
        }
        if (facts.certificate().filter(OverviewFacts.Certificate::revoked).isPresent()) {
            return Optional.of("this host's certificate was revoked. Join again with a new invite code.");
        }
        if (facts.certificate().filter(c -> !c.notAfter().isAfter(now)).isPresent()) {
            return Optional.of("this host's certificate expired on " + facts.certificate().get().notAfter()
                    + ". Let it reach the rendezvous to renew, or sign in again.");
        }
        if (facts.endpoint().isEmpty()) {
            return Optional.of("no public endpoint is known. Check the tunnel port on the page Homeward tunnel port.");
        }
        PublicEndpoint endpoint = facts.endpoint().get();
        if (AddressScope.of(endpoint.address().getAddress()) == AddressScope.LOOPBACK) {
            return Optional.of("peers are told " + Endpoints.text(endpoint.address()) + ", which only this machine"
                    + " reaches. " + Warnings.fix(endpoint));
        }
        if (facts.registration().filter(r -> r.leaseExpires().isAfter(now)).isEmpty()) {
            return Optional.of("this host's records are not published. " + Warnings.SEE_REGISTRATION);
        }
        return Optional.empty();
    }

    /** How the endpoint was learned, in words (docs/architecture.md, "Where peers reach a host"). */
    static String learned(EndpointSource source) {
        return switch (source) {
            case MAPPING -> "the gateway maps the tunnel port";
            case CONFIGURED -> "configured publicAddress";
            case STUN -> "seen by the rendezvous' STUN server";
            case LOCAL -> "this host's own address";
        };
    }
}
