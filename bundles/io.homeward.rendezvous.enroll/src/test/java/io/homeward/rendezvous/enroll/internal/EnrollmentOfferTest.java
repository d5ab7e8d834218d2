package io.homeward.rendezvous.enroll.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.api.enroll.EnrolledMachine;
import io.homeward.api.enroll.EnrollmentException;
import io.homeward.api.enroll.NewInvite;
import io.homeward.api.enroll.UserMachines;
import io.homeward.kit.enroll.InviteCode;
import io.homeward.rendezvous.enroll.internal.EnrollmentFixture.Csr;

/** The console's view of enrollment: machines and invites without secrets, invite, cancel, revoke. */
class EnrollmentOfferTest {
    @TempDir
    Path data;

    private EnrollmentFixture fixture;
    private EnrollmentOffer offer;

    @BeforeEach
    void start() throws Exception {
        fixture = new EnrollmentFixture(data);
        offer = new EnrollmentOffer(fixture.server.machines(),
                new InvitePreflights(fixture.server.coordinates(), List::of));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void anInviteCarriesTheCodeAndTheCommandAndIsListedWithoutThem() throws Exception {
        NewInvite made = offer.invite(Optional.of("alice"), Optional.of("laptop"), Duration.ofDays(1));
        assertEquals("laptop.alice.members.example.", made.forWhom());
        assertEquals("java -jar homeward.jar --feature agent --join " + made.code(), made.command());
        assertEquals(InviteCode.decode(made.code()).id(), made.invite().id());
        assertEquals(fixture.clock.instant().plus(Duration.ofDays(1)), made.invite().expires());

        UserMachines alice = offer.users().get(0);
        assertEquals("alice", alice.user());
        assertEquals(List.of(made.invite()), alice.invites());
        assertFalse(offer.users().toString().contains(made.code()), "no code in the list");
    }

    @Test
    void aCancelledInviteIsNoLongerPendingAndCannotBeUsed() throws Exception {
        NewInvite made = offer.invite(Optional.of("alice"), Optional.empty(), Duration.ofHours(1));
        assertTrue(offer.cancelInvite(made.invite().id()));
        assertEquals(List.of(), offer.users().get(0).invites());
        assertFalse(offer.cancelInvite(made.invite().id()), "cancelled already");
        assertFalse(offer.cancelInvite("unknown"));

        InviteCode code = InviteCode.decode(made.code());
        Csr csr = EnrollmentFixture.csr("CN=laptop.alice.members.example");
        EstClient.Answer answer = fixture.client().post(EstRoutes.SIMPLEENROLL, fixture.inviteProof(code, csr.body()),
                csr.body());
        assertEquals(403, answer.status());
        assertTrue(answer.text().contains("this invite expired at "), answer.text());
    }

    @Test
    void enrolledHostsWithTheirCertificatesAndRevocation() throws Exception {
        InviteCode invite = fixture.invite("alice", Optional.empty());
        Csr csr = EnrollmentFixture.csr("CN=laptop.alice.members.example");
        fixture.client().post(EstRoutes.SIMPLEENROLL, fixture.inviteProof(invite, csr.body()), csr.body());
        EnrolledMachine laptop = offer.users().get(0).machines().get(0);
        assertEquals("laptop", laptop.host());
        assertTrue(laptop.keySince().isPresent());
        assertEquals(laptop.certificates().get(0).notAfter(), laptop.validUntil().orElseThrow());
        assertFalse(laptop.revoked());

        assertTrue(offer.revoke("laptop").startsWith("revoked 1 certificate"));
        EnrolledMachine revoked = offer.users().get(0).machines().get(0);
        assertTrue(revoked.revoked());
        assertTrue(revoked.validUntil().isEmpty());
        assertTrue(revoked.keySince().isEmpty());
        assertEquals("there is no enrolled host desktop (homeward:hosts lists them)",
                assertThrows(EnrollmentException.class, () -> offer.revoke("desktop")).getMessage());
    }

    @Test
    void refusalsAreOneLine() {
        assertEquals("there is no user carol", assertThrows(EnrollmentException.class,
                () -> offer.invite(Optional.of("carol"), Optional.empty(), Duration.ofHours(1))).getMessage());
        assertTrue(assertThrows(EnrollmentException.class, () -> offer.invite(Optional.of("alice"), Optional.empty(),
                Duration.ofDays(30))).getMessage().startsWith("an invite is valid for 1 minute to 7 days"));
    }
}
