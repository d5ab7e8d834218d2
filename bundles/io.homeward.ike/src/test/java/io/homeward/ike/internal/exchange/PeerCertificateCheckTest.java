package io.homeward.ike.internal.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

import io.homeward.ike.internal.exchange.PeerCertificateCheck.Rule;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.TestRevocations;

/** The rules a peer's certificate must pass in IKE_AUTH (docs/enrollment.md, "Host certificates"). */
class PeerCertificateCheckTest {
    private static final String FQDN = "laptop.alice.members.example";
    private static final String ZONE_URI = "dns:alice.members.example";

    private final MutableClock clock = new MutableClock();
    private final Instant now = clock.instant();
    private final TestPki pki = new TestPki("Homeward account CA for members.example", now);
    private final TestRevocations revocations = new TestRevocations();
    private final PeerCertificateCheck check = new PeerCertificateCheck(pki.ca, "alice.members.example.", revocations,
            clock);
    private final KeyPair keys = TestPki.p256();

    @Test
    void aHostOfTheSameUserFromTheAccountCaIsAccepted() throws CertificateRefusedException {
        X509Certificate host = pki.host(keys, "laptop", "alice", now);

        assertSame(host, check.check(List.of(host, pki.ca), FQDN));
        assertSame(host, check.check(List.of(host), "LAPTOP.alice.members.example."));
    }

    @Test
    void ipsecIkeAloneOrClientAuthAloneIsEnough() throws CertificateRefusedException {
        check.check(List.of(pki.issue(keys, FQDN, ZONE_URI, now, now.plus(Duration.ofDays(1)),
                KeyPurposeId.id_kp_ipsecIKE)), FQDN);
        check.check(List.of(pki.issue(keys, FQDN, ZONE_URI, now, now.plus(Duration.ofDays(1)),
                KeyPurposeId.id_kp_clientAuth)), FQDN);
    }

    @Test
    void noCertificate() {
        assertRefused(Rule.NO_CERTIFICATE, List.of(), FQDN);
    }

    @Test
    void anotherCa() {
        TestPki other = new TestPki("Homeward account CA for members.example", now);
        CertificateRefusedException refusal = assertRefused(Rule.OTHER_CA,
                List.of(other.host(keys, "laptop", "alice", now)), FQDN);
        assertTrue(refusal.getMessage().contains("signature does not verify"), refusal.getMessage());
    }

    @Test
    void anotherCaName() {
        TestPki other = new TestPki("Someone else's CA", now);
        assertRefused(Rule.OTHER_CA, List.of(other.host(keys, "laptop", "alice", now)), FQDN);
    }

    @Test
    void selfSigned() {
        CertificateRefusedException refusal = assertRefused(Rule.OTHER_CA,
                List.of(TestPki.selfSigned(keys, FQDN, ZONE_URI, now)), FQDN);
        assertTrue(refusal.getMessage().contains("issued by itself"), refusal.getMessage());
    }

    @Test
    void expiredAndNotYetValid() {
        assertRefused(Rule.VALIDITY, List.of(pki.issue(keys, FQDN, ZONE_URI, now.minus(Duration.ofDays(31)),
                now.minusSeconds(1), TestPki.HOST_PURPOSES)), FQDN);
        assertRefused(Rule.VALIDITY, List.of(pki.issue(keys, FQDN, ZONE_URI, now.plusSeconds(60),
                now.plus(Duration.ofDays(30)), TestPki.HOST_PURPOSES)), FQDN);
    }

    @Test
    void validityFollowsTheClock() {
        X509Certificate host = pki.host(keys, "laptop", "alice", now);
        clock.advance(Duration.ofDays(31));

        assertRefused(Rule.VALIDITY, List.of(host), FQDN);
    }

    @Test
    void withoutAnIkePurpose() {
        assertRefused(Rule.KEY_USAGE, List.of(pki.issue(keys, FQDN, ZONE_URI, now, now.plus(Duration.ofDays(1)),
                KeyPurposeId.id_kp_codeSigning)), FQDN);
    }

    @Test
    void revoked() {
        X509Certificate host = pki.host(keys, "laptop", "alice", now);
        revocations.revoke(host);

        assertRefused(Rule.REVOKED, List.of(host), FQDN);
    }

    @Test
    void aCertificateAcceptedBeforeIsCheckedAgainAtEveryUse() throws CertificateRefusedException {
        X509Certificate host = pki.host(keys, "laptop", "alice", now);
        check.check(List.of(host), FQDN);

        assertRefused(Rule.IDENTITY, List.of(host), "home.alice.members.example");
        revocations.revoke(host);
        assertRefused(Rule.REVOKED, List.of(host), FQDN);
        X509Certificate renewed = pki.host(keys, "laptop", "alice", now);
        check.check(List.of(renewed), FQDN);
        clock.advance(Duration.ofDays(31));
        assertRefused(Rule.VALIDITY, List.of(renewed), FQDN);
    }

    @Test
    void aSignatureThatDoesNotVerifyIsRefusedEveryTime() {
        TestPki other = new TestPki("Homeward account CA for members.example", now);
        X509Certificate forged = other.host(keys, "laptop", "alice", now);

        assertRefused(Rule.OTHER_CA, List.of(forged), FQDN);
        assertRefused(Rule.OTHER_CA, List.of(forged), FQDN);
    }

    @Test
    void anIdTheCertificateDoesNotName() {
        X509Certificate host = pki.host(keys, "laptop", "alice", now);

        assertRefused(Rule.IDENTITY, List.of(host), "home.alice.members.example");
    }

    @Test
    void aHostOfAnotherUser() {
        X509Certificate bob = pki.host(keys, "laptop", "bob", now);

        assertRefused(Rule.ZONE, List.of(bob), "laptop.bob.members.example");
    }

    private CertificateRefusedException assertRefused(Rule rule, List<X509Certificate> chain, String id) {
        CertificateRefusedException refusal = assertThrows(CertificateRefusedException.class,
                () -> check.check(chain, id));
        assertEquals(rule, refusal.rule());
        assertTrue(refusal.getMessage().startsWith(rule.name() + " (" + rule.description() + "): "),
                refusal.getMessage());
        return refusal;
    }
}
