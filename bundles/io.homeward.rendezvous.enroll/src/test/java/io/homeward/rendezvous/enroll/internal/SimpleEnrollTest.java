package io.homeward.rendezvous.enroll.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.LogLevel;

import io.homeward.api.auth.TsigKey;
import io.homeward.kit.enroll.InviteCode;
import io.homeward.rendezvous.enroll.internal.EnrollmentFixture.Csr;
import io.homeward.rendezvous.enroll.internal.EstClient.Answer;

class SimpleEnrollTest {
    private static final String LAPTOP = "CN=laptop.alice.members.example";

    @TempDir
    Path data;

    private EnrollmentFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new EnrollmentFixture(data);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private Answer enroll(String authorization, byte[] body) throws Exception {
        return fixture.client().post(EstRoutes.SIMPLEENROLL, authorization, body);
    }

    private void assertRefused(Answer answer, int status, String fragment) {
        assertEquals(status, answer.status(), answer.text());
        assertTrue(answer.text().contains(fragment), answer.text());
        assertTrue(answer.header("content-type").startsWith("text/plain"));
        assertEquals(1, answer.text().lines().count());
    }

    private void assertNothingEnrolled() {
        assertEquals(0, fixture.ca.issuedCount());
        assertTrue(fixture.accounts.hosts("alice").isEmpty());
    }

    @Test
    void anInviteEnrollsOnceAndTheHostGetsItsKey() throws Exception {
        InviteCode code = fixture.invite("alice", Optional.empty());
        Csr csr = EnrollmentFixture.csr(LAPTOP);

        Answer answer = enroll(fixture.inviteProof(code, csr.body()), csr.body());

        assertEquals(200, answer.status(), answer.text());
        assertEquals(CertsOnly.CONTENT_TYPE, answer.header("content-type"));
        assertEquals("base64", answer.header("content-transfer-encoding"));
        X509Certificate issued = EnrollmentFixture.certificate(answer);
        assertEquals(csr.keys().getPublic(), issued.getPublicKey());
        assertEquals("laptop", fixture.accounts.hosts("alice").get(0).host());
        assertTrue(fixture.server.machines().list(Optional.of("alice")).get(0).invites().isEmpty(), "used up");
        assertTrue(fixture.log.has(LogLevel.INFO, "enrolled laptop.alice.members.example with invite " + code.id()));

        Csr again = EnrollmentFixture.csr("CN=desktop.alice.members.example");
        assertRefused(enroll(fixture.inviteProof(code, again.body()), again.body()), 403, "was used already");
        assertEquals(1, fixture.ca.issuedCount());
    }

    @Test
    void aRestartKeepsPendingInvitesAndForgetsNoUse() throws Exception {
        InviteCode used = fixture.invite("alice", Optional.empty());
        InviteCode pending = fixture.invite("alice", Optional.empty());
        Csr laptop = EnrollmentFixture.csr(LAPTOP);
        assertEquals(200, enroll(fixture.inviteProof(used, laptop.body()), laptop.body()).status());

        fixture.restart();

        Csr desktop = EnrollmentFixture.csr("CN=desktop.alice.members.example");
        assertRefused(enroll(fixture.inviteProof(used, desktop.body()), desktop.body()), 403, "was used already");
        assertEquals(200, enroll(fixture.inviteProof(pending, desktop.body()), desktop.body()).status());
    }

    @Test
    void unknownExpiredAndForgedInvitesAreRefusedAndNothingIsIssued() throws Exception {
        InviteCode code = fixture.invite("alice", Optional.empty());
        Csr csr = EnrollmentFixture.csr(LAPTOP);
        InviteCode stranger = new InviteCode(code.addresses(), 1, 2, 3, 4, code.pin(), code.zone(), Optional.empty(),
                new byte[16]);

        Answer unknown = enroll(fixture.inviteProof(stranger, csr.body()), csr.body());
        assertRefused(unknown, 401, "unknown invite");
        assertEquals("Homeward-Invite, Homeward-Key", unknown.header("www-authenticate"));

        String forged = fixture.inviteProof(code, EnrollmentFixture.csr(LAPTOP).body());
        assertRefused(enroll(forged, csr.body()), 401, "proof is wrong");

        assertRefused(enroll(null, csr.body()), 401, "no Authorization header");

        fixture.clock.advance(Duration.ofHours(2));
        assertRefused(enroll(fixture.inviteProof(code, csr.body()), csr.body()), 403, "expired at");
        assertNothingEnrolled();
    }

    @Test
    void fiveWrongProofsCancelTheInvite() throws Exception {
        InviteCode code = fixture.invite("alice", Optional.empty());
        Csr csr = EnrollmentFixture.csr(LAPTOP);
        String wrong = fixture.inviteProof(code, "something else".getBytes());
        for (int i = 1; i <= Invite.MAX_FAILURES; i++) {
            Answer answer = enroll(wrong, csr.body());
            assertRefused(answer, 401, i < Invite.MAX_FAILURES ? (Invite.MAX_FAILURES - i) + " more tries"
                    : "the invite is cancelled now");
        }
        assertRefused(enroll(fixture.inviteProof(code, csr.body()), csr.body()), 403, "cancelled after 5 wrong proofs");
        assertNothingEnrolled();
    }

    @Test
    void anInviteForAHostEnrollsOnlyThatHostOfThatUser() throws Exception {
        InviteCode code = fixture.invite("alice", Optional.of("laptop"));
        Csr desktop = EnrollmentFixture.csr("CN=desktop.alice.members.example");
        assertRefused(enroll(fixture.inviteProof(code, desktop.body()), desktop.body()), 403,
                "this invite is for laptop.alice.members.example.");
        Csr bobs = EnrollmentFixture.csr("CN=laptop.bob.members.example");
        assertRefused(enroll(fixture.inviteProof(code, bobs.body()), bobs.body()), 403, "a host of alice.members.example.");
        assertNothingEnrolled();

        Csr laptop = EnrollmentFixture.csr(LAPTOP);
        assertEquals(200, enroll(fixture.inviteProof(code, laptop.body()), laptop.body()).status());
    }

    @Test
    void aSkewedClockIsRefusedWithoutCountingAgainstTheInvite() throws Exception {
        InviteCode code = fixture.invite("alice", Optional.empty());
        Csr csr = EnrollmentFixture.csr(LAPTOP);
        fixture.clock.advance(Duration.ofSeconds(-301));
        String early = fixture.inviteProof(code, csr.body());
        fixture.clock.advance(Duration.ofSeconds(301));
        assertRefused(enroll(early, csr.body()), 401, "set this machine's clock");
        assertEquals(0, fixture.server.machines().list(Optional.of("alice")).get(0).invites().get(0).failures());
        assertNothingEnrolled();
    }

    @Test
    void anEnrolledHostIsNotEnrolledAgainWithAnInviteButWithTheMasterKey() throws Exception {
        Csr first = EnrollmentFixture.csr(LAPTOP);
        InviteCode code = fixture.invite("alice", Optional.empty());
        assertEquals(200, enroll(fixture.inviteProof(code, first.body()), first.body()).status());

        InviteCode second = fixture.invite("alice", Optional.empty());
        Csr again = EnrollmentFixture.csr(LAPTOP);
        assertRefused(enroll(fixture.inviteProof(second, again.body()), again.body()), 403, "revoke it first");
        assertEquals(1, fixture.server.machines().list(Optional.of("alice")).get(0).invites().size(), "not used up");

        TsigKey master = fixture.accounts.masterKey("alice");
        Answer byKey = enroll(fixture.keyProof(master.name(), master.secret(), again.body()), again.body());
        assertEquals(200, byKey.status(), byKey.text());
        assertEquals(again.keys().getPublic(), EnrollmentFixture.certificate(byKey).getPublicKey());
    }

    @Test
    void theMasterKeyEnrollsOnlyItsOwnZoneAndAHostKeyEnrollsNothing() throws Exception {
        TsigKey master = fixture.accounts.masterKey("alice");
        Csr bobs = EnrollmentFixture.csr("CN=laptop.bob.members.example");
        assertRefused(enroll(fixture.keyProof(master.name(), master.secret(), bobs.body()), bobs.body()), 403,
                "this key is for hosts of alice.members.example.");
        Csr csr = EnrollmentFixture.csr(LAPTOP);
        assertRefused(enroll(fixture.keyProof(master.name(), new byte[32], csr.body()), csr.body()), 401,
                "a wrong password?");
        assertNothingEnrolled();

        assertEquals(200, enroll(fixture.keyProof(master.name(), master.secret(), csr.body()), csr.body()).status());
        TsigKey hostKey = fixture.accounts.hosts("alice").get(0).key();
        Csr other = EnrollmentFixture.csr("CN=desktop.alice.members.example");
        assertRefused(enroll(fixture.keyProof(hostKey.name(), hostKey.secret(), other.body()), other.body()), 403,
                "a host key cannot enroll other hosts");
        assertEquals(1, fixture.ca.issuedCount());
    }

    @Test
    void aRefusedRequestKeepsTheInviteAndAFailedKeyStoreRevokesTheCertificate() throws Exception {
        InviteCode code = fixture.invite("alice", Optional.empty());
        Csr csr = EnrollmentFixture.csr(LAPTOP);
        fixture.ca.refuseWith = "the key is RSA of 1024 bits; use EC P-256";
        assertRefused(enroll(fixture.inviteProof(code, csr.body()), csr.body()), 400, "use EC P-256");
        assertEquals(1, fixture.server.machines().list(Optional.of("alice")).get(0).invites().size(), "still pending");

        fixture.ca.refuseWith = null;
        fixture.accounts.failEnroll = true;
        assertRefused(enroll(fixture.inviteProof(code, csr.body()), csr.body()), 503, "nothing was enrolled");
        assertTrue(fixture.ca.certificates("alice.members.example.").get(0).revoked().isPresent());
        assertEquals(1, fixture.server.machines().list(Optional.of("alice")).get(0).invites().size(), "still pending");

        fixture.accounts.failEnroll = false;
        assertEquals(200, enroll(fixture.inviteProof(code, csr.body()), csr.body()).status());
    }

    @Test
    void malformedRequestsAreRefusedWithAReason() throws Exception {
        InviteCode code = fixture.invite("alice", Optional.empty());
        byte[] notBase64 = "%%%".getBytes();
        assertRefused(enroll(fixture.inviteProof(code, notBase64), notBase64), 400, "not base64");
        byte[] notCsr = java.util.Base64.getEncoder().encode("hello".getBytes());
        assertRefused(enroll(fixture.inviteProof(code, notCsr), notCsr), 400, "not a PKCS#10");
        Csr noHost = EnrollmentFixture.csr("CN=laptop");
        assertRefused(enroll(fixture.inviteProof(code, noHost.body()), noHost.body()), 400, "CN=host.zone");
        assertRefused(enroll("Basic dXNlcjpwYXNz", noHost.body()), 401, "unknown authorization scheme");
        assertNothingEnrolled();
    }

    @Test
    void tooManyFailuresFromOneAddressAreAnsweredWith429ForAMinute() throws Exception {
        Csr csr = EnrollmentFixture.csr(LAPTOP);
        TsigKey master = fixture.accounts.masterKey("alice");
        String wrong = fixture.keyProof(master.name(), new byte[32], csr.body());
        for (int i = 0; i < AuthFailures.LIMIT; i++) {
            assertEquals(401, enroll(wrong, csr.body()).status());
        }
        String right = fixture.keyProof(master.name(), master.secret(), csr.body());
        assertRefused(enroll(right, csr.body()), 429, "too many failed attempts");
        assertTrue(fixture.log.has(LogLevel.INFO, "refused /.well-known/est/simpleenroll from 127.0.0.1 with 401"));
        assertTrue(fixture.log.count(LogLevel.INFO, "with 401") == 1, "one line per kind and minute: " + fixture.log);

        fixture.clock.advance(AuthFailures.WINDOW);
        String later = fixture.keyProof(master.name(), master.secret(), csr.body());
        assertEquals(200, enroll(later, csr.body()).status());
    }
}
