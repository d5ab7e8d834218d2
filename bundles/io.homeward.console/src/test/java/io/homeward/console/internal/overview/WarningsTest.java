package io.homeward.console.internal.overview;

import static io.homeward.console.internal.overview.OverviewFixtures.MAPPED;
import static io.homeward.console.internal.overview.OverviewFixtures.NOW;
import static io.homeward.console.internal.overview.OverviewFixtures.signedIn;
import static io.homeward.console.internal.overview.VerdictTest.endpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.api.endpoint.EndpointSource;

class WarningsTest {
    @Test
    void aHealthyHostHasNoWarnings() {
        assertEquals(List.of(), Warnings.of(signedIn(MAPPED, List.of())));
    }

    @Test
    void eachWarningComesWithItsAction() {
        OverviewFacts f = signedIn(endpoint("127.0.0.1", EndpointSource.LOCAL), List.of());
        OverviewFacts facts = new OverviewFacts(NOW, f.host(), f.signedIn(), f.endpoint(), Optional.empty(),
                Optional.of(new OverviewFacts.Certificate(NOW.plus(Duration.ofDays(2)), false)), List.of(), "127.0.0.1", Optional.empty(), true,
                List.of());
        List<String> problems = Warnings.of(facts).stream().map(Warnings.Warning::problem).toList();
        assertEquals(List.of(
                "The console listens on 127.0.0.1 only: no other device (a phone, another computer) can open it.",
                "The public endpoint 127.0.0.1:4500 is a loopback address: peers on other machines cannot reach it.",
                "This host's certificate expires on 2026-12-08T12:00:00Z and was not renewed.",
                "Registration is failing: this host's records are not published, so its peers do not find it."), problems);
        assertTrue(Warnings.of(facts).stream().allMatch(w -> !w.action().isBlank()));
    }

    @Test
    void aConsoleThatFellBackToLoopbackSaysWhyHttpsFailed() {
        OverviewFacts f = signedIn(MAPPED, List.of());
        OverviewFacts facts = new OverviewFacts(NOW, f.host(), f.signedIn(), f.endpoint(), f.registration(),
                f.certificate(), List.of(), "127.0.0.1",
                Optional.of("it cannot serve HTTPS on 192.0.2.7: the keystore is unreadable"), true, List.of());

        List<Warnings.Warning> warnings = Warnings.of(facts);

        assertEquals(1, warnings.size());
        assertEquals("The console listens on 127.0.0.1 only, never beyond loopback in plain HTTP: it cannot serve HTTPS"
                + " on 192.0.2.7: the keystore is unreadable.", warnings.get(0).problem());
    }

    @Test
    void anEndpointNoGatewayMappedIsWarnedAbout() {
        List<Warnings.Warning> stun = Warnings.of(signedIn(endpoint("198.51.100.4", EndpointSource.STUN), List.of()));
        assertEquals(1, stun.size());
        assertTrue(stun.get(0).problem().startsWith("No port mapping: the gateway mapped nothing, so peers are told"
                + " 198.51.100.4:4500 (seen by the rendezvous' STUN server)"), stun.get(0).problem());
        assertEquals(Warnings.MAP_THE_PORT, stun.get(0).action());
        assertEquals(List.of(), Warnings.of(signedIn(endpoint("198.51.100.4", EndpointSource.LOCAL), List.of())),
                "a host with a public address of its own needs no mapping");
    }

    @Test
    void aRevokedOrExpiredCertificateIsWarnedAbout() {
        OverviewFacts f = signedIn(MAPPED, List.of());
        OverviewFacts revoked = new OverviewFacts(NOW, f.host(), f.signedIn(), f.endpoint(), f.registration(),
                Optional.of(new OverviewFacts.Certificate(NOW.plus(Duration.ofDays(20)), true)), List.of(), "0.0.0.0", Optional.empty(), true,
                List.of());
        assertEquals("This host's certificate was revoked: its peers refuse it.", Warnings.of(revoked).get(0).problem());
        OverviewFacts expired = new OverviewFacts(NOW, f.host(), f.signedIn(), f.endpoint(), f.registration(),
                Optional.of(new OverviewFacts.Certificate(NOW.minusSeconds(1), false)), List.of(), "0.0.0.0", Optional.empty(), true,
                List.of());
        assertEquals("This host's certificate expired on 2026-12-06T11:59:59Z.", Warnings.of(expired).get(0).problem());
    }
}
