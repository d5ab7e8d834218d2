package io.homeward.rendezvous.enroll.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.api.accounts.EnrolledHost;
import io.homeward.kit.enroll.InviteCode;
import io.homeward.rendezvous.enroll.internal.EnrollmentFixture.Csr;
import io.homeward.rendezvous.enroll.internal.EstClient.Answer;

/** cacerts, crl, simplereenroll and hostkey over real TLS, with and without a client certificate. */
class HostEndpointsTest {
    private static final String LAPTOP = "CN=laptop.alice.members.example";

    @TempDir
    Path data;

    private EnrollmentFixture fixture;
    private Csr enrolled;
    private X509Certificate certificate;

    @BeforeEach
    void enrollLaptop() throws Exception {
        fixture = new EnrollmentFixture(data);
        InviteCode code = fixture.invite("alice", Optional.empty());
        enrolled = EnrollmentFixture.csr(LAPTOP);
        Answer answer = fixture.client().post(EstRoutes.SIMPLEENROLL, fixture.inviteProof(code, enrolled.body()),
                enrolled.body());
        certificate = EnrollmentFixture.certificate(answer);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private EstClient laptop() throws Exception {
        return fixture.client(enrolled.keys(), certificate);
    }

    @Test
    void cacertsAndTheCrlNeedNoAuthentication() throws Exception {
        Answer cacerts = fixture.client().get(EstRoutes.CACERTS);
        assertEquals(200, cacerts.status());
        assertEquals(CertsOnly.CONTENT_TYPE, cacerts.header("content-type"));
        assertEquals(fixture.ca.certificate(), EnrollmentFixture.certificate(cacerts));

        fixture.server.machines().revoke("laptop");
        Answer crl = fixture.client().get(EstRoutes.CRL);
        assertEquals("application/pkix-crl", crl.header("content-type"));
        X509CRL parsed = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(crl.body()));
        assertTrue(parsed.isRevoked(certificate));
    }

    @Test
    void unknownPathsAndWrongMethodsAreRefused() throws Exception {
        assertEquals(404, fixture.client().get("/index.html").status());
        Answer wrong = fixture.client().get(EstRoutes.SIMPLEENROLL);
        assertEquals(405, wrong.status());
        assertTrue(wrong.text().contains("takes POST"), wrong.text());
        assertEquals("POST", wrong.header("allow"));
    }

    @Test
    void theHostReenrollsWithItsCertificateAndANewKey() throws Exception {
        Csr renewed = EnrollmentFixture.csr(LAPTOP);
        Answer answer = laptop().post(EstRoutes.SIMPLEREENROLL, null, renewed.body());
        assertEquals(200, answer.status(), answer.text());
        X509Certificate next = EnrollmentFixture.certificate(answer);
        assertEquals(renewed.keys().getPublic(), next.getPublicKey());
        assertNotEquals(certificate.getSerialNumber(), next.getSerialNumber());
    }

    @Test
    void reenrollNeedsTheSameHostsValidCertificate() throws Exception {
        Csr renewed = EnrollmentFixture.csr(LAPTOP);
        Answer anonymous = fixture.client().post(EstRoutes.SIMPLEREENROLL, null, renewed.body());
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.text().contains("present this host's certificate"), anonymous.text());

        Csr desktop = EnrollmentFixture.csr("CN=desktop.alice.members.example");
        Answer other = laptop().post(EstRoutes.SIMPLEREENROLL, null, desktop.body());
        assertEquals(403, other.status());
        assertTrue(other.text().contains("the request names desktop.alice.members.example"), other.text());

        fixture.clock.advance(Duration.ofDays(31));
        Answer expired = laptop().post(EstRoutes.SIMPLEREENROLL, null, renewed.body());
        assertEquals(403, expired.status());
        assertEquals(1, fixture.ca.issuedCount());
    }

    @Test
    void aRevokedCertificateIsToldSo() throws Exception {
        fixture.server.machines().revoke("laptop.alice.members.example");
        Csr renewed = EnrollmentFixture.csr(LAPTOP);
        Answer answer = laptop().post(EstRoutes.SIMPLEREENROLL, null, renewed.body());
        assertEquals(403, answer.status());
        assertTrue(answer.text().startsWith("this host's certificate was revoked at "), answer.text());
        Answer key = laptop().post(EstRoutes.HOSTKEY, null, new byte[0]);
        assertEquals(403, key.status());
        assertTrue(key.text().contains("was revoked at"), key.text());
        assertEquals(1, fixture.ca.issuedCount());
    }

    @Test
    void theHostFetchesItsOwnKey() throws Exception {
        Answer answer = laptop().post(EstRoutes.HOSTKEY, null, new byte[0]);
        assertEquals(200, answer.status(), answer.text());
        assertEquals("application/json", answer.header("content-type"));
        EnrolledHost host = fixture.accounts.hosts("alice").get(0);
        assertEquals("{\"name\":\"laptop.alice.members.example.\",\"algorithm\":\"hmac-sha256.\",\"secret\":\""
                + Base64.getEncoder().encodeToString(host.key().secret()) + "\"}", answer.text());
        assertEquals(401, fixture.client().post(EstRoutes.HOSTKEY, null, new byte[0]).status());
    }

    @Test
    void aCertificateFromAnotherCaFailsTheHandshake() throws Exception {
        TestCa other = new TestCa(fixture.clock);
        Csr csr = EnrollmentFixture.csr(LAPTOP);
        X509Certificate foreign = other.issue("alice.members.example.", "laptop",
                Base64.getDecoder().decode(csr.body())).certificate();
        EstClient client = new EstClient(fixture.server.port(), fixture.tls.certificate(),
                TestTls.keyManagers(csr.keys().getPrivate(), foreign, other.certificate()));
        assertThrows(IOException.class, () -> client.post(EstRoutes.HOSTKEY, null, new byte[0]));
    }
}
