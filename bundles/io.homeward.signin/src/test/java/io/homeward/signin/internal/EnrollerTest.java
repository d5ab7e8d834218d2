package io.homeward.signin.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeward.kit.enroll.EnrollmentAuthorization.Scheme;
import io.homeward.kit.enroll.InviteCode;

/** The agent's EST exchanges against a fake rendezvous over real TLS, with real certificates. */
class EnrollerTest {
    private static final String ZONE = "alice.members.test.";
    private static final byte[] MASTER = "0123456789abcdef0123456789abcdef".getBytes();
    private static final byte[] INVITE = "invite-secret-16".getBytes();

    private final Enroller enroller = new Enroller(Clock.systemUTC(), Duration.ofSeconds(5));
    private FakeEstServer est;

    @BeforeEach
    void start() throws Exception {
        est = new FakeEstServer(Clock.systemUTC(), Map.of(ZONE, MASTER));
        est.invite(InviteCode.idOf(INVITE), INVITE);
    }

    @AfterEach
    void stop() {
        est.close();
    }

    private Enroller.Enrolled enrollWithKey() throws SignInException {
        return enroller.enroll(est.address(), est.fingerprint(), ZONE, "laptop",
                new Enroller.Proof(Scheme.KEY, ZONE, MASTER));
    }

    @Test
    void theUsersKeyEnrollsAHostWithAChainToTheAccountCaAndItsOwnKey() throws Exception {
        Enroller.Enrolled enrolled = enrollWithKey();

        IssuedCertificate certificate = enrolled.certificate();
        assertEquals("CN=laptop.alice.members.test", certificate.leaf().getSubjectX500Principal().getName());
        assertEquals(est.ca.certificate(), certificate.ca());
        assertEquals("EC", certificate.privateKey().getAlgorithm());
        assertEquals("laptop.alice.members.test.", enrolled.hostKey().name());
        assertArrayEquals(FakeEstServer.hostKey("laptop.alice.members.test").secret(), enrolled.hostKey().secret());
        assertTrue(certificate.renewalDue().isAfter(certificate.notBefore()));
        assertTrue(certificate.renewalDue().isBefore(certificate.notAfter()));
    }

    @Test
    void anInviteEnrollsOnceAndTheServersLineSaysWhyNotTheSecondTime() throws Exception {
        Enroller.Proof proof = new Enroller.Proof(Scheme.INVITE, InviteCode.idOf(INVITE), INVITE);
        enroller.enroll(est.address(), est.fingerprint(), ZONE, "desktop", proof);

        SignInException e = assertThrows(SignInException.class,
                () -> enroller.enroll(est.address(), est.fingerprint(), ZONE, "desktop", proof));

        assertTrue(e.getMessage().startsWith("this invite was already used; ask for a new one (HTTP 403"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aForgedProofIsRefusedWithTheServersLine() {
        Enroller.Proof forged = new Enroller.Proof(Scheme.INVITE, InviteCode.idOf(INVITE), "wrong-secret-16b".getBytes());

        SignInException e = assertThrows(SignInException.class,
                () -> enroller.enroll(est.address(), est.fingerprint(), ZONE, "desktop", forged));

        assertTrue(e.getMessage().startsWith("the proof does not verify (HTTP 401"), e.getMessage());
        assertTrue(est.issued.isEmpty());
    }

    @Test
    void aWrongPinStopsBeforeAnyRequestIsSent() {
        String wrongPin = "AB:".repeat(31) + "AB";

        SignInException e = assertThrows(SignInException.class, () -> enroller.enroll(est.address(), wrongPin, ZONE,
                "laptop", new Enroller.Proof(Scheme.KEY, ZONE, MASTER)));

        assertTrue(e.getMessage().contains(est.fingerprint()), e.getMessage());
        assertTrue(e.getMessage().contains(wrongPin), e.getMessage());
        assertTrue(est.issued.isEmpty());
    }

    @Test
    void garbageAndOversizedAnswersAreOneLineErrors() {
        est.mode = FakeEstServer.Mode.GARBAGE;
        SignInException garbage = assertThrows(SignInException.class, this::enrollWithKey);
        assertTrue(garbage.getMessage().contains("not a certificate"), garbage.getMessage());

        est.mode = FakeEstServer.Mode.HUGE;
        SignInException huge = assertThrows(SignInException.class, this::enrollWithKey);
        assertTrue(huge.getMessage().contains("more than 64 KiB"), huge.getMessage());
    }

    @Test
    void aServerThatIsDownSaysSoInItsOwnWords() {
        est.mode = FakeEstServer.Mode.DOWN;

        SignInException e = assertThrows(SignInException.class, this::enrollWithKey);

        assertTrue(e.getMessage().startsWith("the rendezvous is restarting, try again soon (HTTP 503"),
                e.getMessage());
    }

    @Test
    void anUnreachableServerIsNamed() throws Exception {
        HostPort gone = est.address();
        est.close();

        SignInException e = assertThrows(SignInException.class, () -> enroller.enroll(gone, est.fingerprint(), ZONE,
                "laptop", new Enroller.Proof(Scheme.KEY, ZONE, MASTER)));

        assertTrue(e.getMessage().contains(gone.toString()), e.getMessage());
    }

    @Test
    void renewalUsesTheCurrentCertificateAndANewKey() throws Exception {
        IssuedCertificate first = enrollWithKey().certificate();

        IssuedCertificate renewed = enroller.renew(est.address(), est.fingerprint(), ZONE, "laptop", first);

        assertEquals(1, est.reenrolled.get());
        assertNotEquals(first.serial(), renewed.serial());
        assertFalse(first.leaf().getPublicKey().equals(renewed.leaf().getPublicKey()));
        assertEquals(first.ca(), renewed.ca());
    }

    @Test
    void theCrlIsCheckedAgainstTheAccountCaAndListsRevokedSerials() throws Exception {
        IssuedCertificate certificate = enrollWithKey().certificate();
        est.ca.revoke(certificate.serial());

        var crl = enroller.crl(est.address(), est.fingerprint(), certificate.ca());

        assertTrue(crl.isRevoked(certificate.leaf()));
        SignInException e = assertThrows(SignInException.class,
                () -> enroller.crl(est.address(), est.fingerprint(), certificate.leaf()));
        assertTrue(e.getMessage().contains("not signed by the account CA"), e.getMessage());
    }
}
