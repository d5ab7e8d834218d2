package io.homeward.console.internal.overview;

import static io.homeward.console.internal.overview.OverviewFixtures.MAPPED;
import static io.homeward.console.internal.overview.OverviewFixtures.NOW;
import static io.homeward.console.internal.overview.OverviewFixtures.signedIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.api.endpoint.EndpointSource;
import io.homeward.api.endpoint.PublicEndpoint;
import io.homeward.console.internal.overview.Verdict.Reach;

class VerdictTest {
    @Test
    void aMappedPublicAddressIsReachableFromTheInternet() {
        Verdict verdict = Verdict.of(signedIn(MAPPED, List.of()));
        assertEquals(Reach.INTERNET, verdict.reach());
        assertEquals("Reachable from the Internet at 203.0.113.7:4500 (the gateway maps the tunnel port)", verdict.text());
    }

    @Test
    void aPrivateAddressIsReachableOnlyFromTheLan() {
        Verdict verdict = Verdict.of(signedIn(endpoint("192.168.1.20", EndpointSource.LOCAL), List.of()));
        assertEquals(Reach.LOCAL_NETWORK, verdict.reach());
        assertTrue(verdict.text().startsWith("Reachable only from this LAN: peers are told 192.168.1.20:4500"
                + " (this host's own address), a private address. Turn on UPnP IGD"), verdict.text());
        assertEquals(Reach.LOCAL_NETWORK, Verdict.of(signedIn(endpoint("100.64.3.4", EndpointSource.STUN), List.of())).reach(),
                "carrier-grade NAT's shared space");
    }

    @Test
    void aLoopbackEndpointIsNotReachableAndSaysWhatToDo() {
        Verdict verdict = Verdict.of(signedIn(endpoint("127.0.0.1", EndpointSource.LOCAL), List.of()));
        assertEquals(Reach.NONE, verdict.reach());
        assertTrue(verdict.text().startsWith("Not reachable: peers are told 127.0.0.1:4500, which only this machine"
                + " reaches. Turn on UPnP IGD"), verdict.text());
    }

    @Test
    void aLoopbackEndpointFromStunSaysTheRendezvousListensOnLoopback() {
        Verdict verdict = Verdict.of(signedIn(endpoint("127.0.0.1", EndpointSource.STUN), List.of()));
        assertEquals("Not reachable: peers are told 127.0.0.1:4500, which only this machine reaches. "
                + Warnings.LISTEN_ON_THE_LAN, verdict.text());
    }

    @Test
    void theFirstMissingStepDecides() {
        OverviewFacts ok = signedIn(MAPPED, List.of());
        assertEquals("Not reachable: not signed in. Sign in on the Settings page, or join with an invite code"
                + " (homeward:join).", Verdict.of(with(ok, Optional.empty(), ok.registration(), ok.certificate())).text());
        assertTrue(Verdict.of(with(ok, ok.signedIn(), Optional.empty(), ok.certificate())).text()
                .startsWith("Not reachable: this host's records are not published. The page Homeward registration"));
        assertTrue(Verdict.of(with(ok, ok.signedIn(), Optional.of(OverviewFixtures.registration(NOW.minusSeconds(1))),
                ok.certificate())).text().startsWith("Not reachable: this host's records are not published"),
                "a lease that ran out publishes nothing");
        assertEquals("Not reachable: this host's certificate was revoked. Join again with a new invite code.",
                Verdict.of(with(ok, ok.signedIn(), ok.registration(), Optional.of(new OverviewFacts.Certificate(
                        NOW.plus(Duration.ofDays(3)), true)))).text());
        assertTrue(Verdict.of(with(ok, ok.signedIn(), ok.registration(), Optional.of(new OverviewFacts.Certificate(
                NOW, false)))).text().startsWith("Not reachable: this host's certificate expired on 2026-12-06T12:00:00Z."));
        OverviewFacts noHost = new OverviewFacts(NOW, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), "127.0.0.1", Optional.empty(), false, List.of());
        assertTrue(Verdict.of(noHost).text().startsWith("Not reachable: this runtime has no host identity."));
    }

    static PublicEndpoint endpoint(String address, EndpointSource source) {
        return new PublicEndpoint(new InetSocketAddress(address, 4500), source);
    }

    private static OverviewFacts with(OverviewFacts f, Optional<OverviewFacts.SignedIn> signedIn,
            Optional<io.homeward.api.registration.Registration> registration,
            Optional<OverviewFacts.Certificate> certificate) {
        return new OverviewFacts(f.now(), f.host(), signedIn, f.endpoint(), registration, certificate, f.machines(),
                f.consoleAddress(), f.consoleHttpsProblem(), f.keying(), f.refused());
    }
}
