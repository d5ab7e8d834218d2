package io.homeward.health.internal;

import static io.homeward.health.internal.HealthResults.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.apache.felix.hc.api.Result;
import org.junit.jupiter.api.Test;

import io.homeward.api.identity.Eui64;
import io.homeward.api.registration.HostRecordSet;
import io.homeward.api.registration.Registration;

class PublicationHealthTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Optional<String> ZONE = Optional.of("alice.members.example.");

    @Test
    void notSignedInIsAWarningThatSaysHowToSignIn() {
        Result result = PublicationHealth.evaluate(Optional.empty(), true, Optional.empty(), NOW);
        assertEquals(Result.Status.WARN, result.getStatus());
        assertTrue(messages(result).get(0).contains("homeward:signin"), messages(result)::toString);
    }

    @Test
    void signedInWithoutARegistrarIsCritical() {
        Result result = PublicationHealth.evaluate(ZONE, false, Optional.empty(), NOW);
        assertEquals(Result.Status.CRITICAL, result.getStatus());
        assertTrue(messages(result).get(0).contains("start bundle io.homeward.registrar"), messages(result)::toString);
    }

    @Test
    void signedInAndNotPublishedIsCritical() {
        Result result = PublicationHealth.evaluate(ZONE, true, Optional.empty(), NOW);
        assertEquals(Result.Status.CRITICAL, result.getStatus());
        assertTrue(messages(result).get(0).startsWith("Signed in to alice.members.example. but not published"),
                messages(result)::toString);
    }

    @Test
    void aLapsedLeaseIsCriticalAndNamesTheRendezvous() throws Exception {
        Result result = PublicationHealth.evaluate(ZONE, true, Optional.of(registration(NOW.minusSeconds(1))), NOW);
        assertEquals(Result.Status.CRITICAL, result.getStatus());
        assertEquals("The records of home.alice.members.example. lapsed at 2026-12-06T11:59:59Z: the rendezvous"
                + " rendezvous.example:53 has not answered since; check that it is reachable from here",
                messages(result).get(0));
    }

    @Test
    void aLiveRegistrationIsOk() throws Exception {
        Result result = PublicationHealth.evaluate(ZONE, true, Optional.of(registration(NOW.plusSeconds(3600))), NOW);
        assertEquals(Result.Status.OK, result.getStatus());
        assertEquals("Published as home.alice.members.example. at rendezvous.example:53 until 2026-12-06T13:00:00Z",
                messages(result).get(0));
    }

    private static Registration registration(Instant expires) throws Exception {
        HostRecordSet records = new HostRecordSet("alice.members.example.", "home",
                Eui64.fromMac(new byte[] {2, 0, 0, 0, 0, 1}),
                (Inet6Address) InetAddress.getByName("fd00:1:2:3::1"), (Inet4Address) InetAddress.getByName("203.0.113.7"),
                4500, Map.of());
        return new Registration(records, expires, "rendezvous.example:53");
    }
}
