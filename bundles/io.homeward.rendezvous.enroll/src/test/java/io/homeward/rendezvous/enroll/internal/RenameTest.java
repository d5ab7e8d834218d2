package io.homeward.rendezvous.enroll.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.api.accounts.EnrolledHost;
import io.homeward.api.ca.HostCertificate;
import io.homeward.kit.enroll.InviteCode;
import io.homeward.rendezvous.enroll.internal.EnrollmentFixture.Csr;
import io.homeward.rendezvous.enroll.internal.EstClient.Answer;

/** {@code /.well-known/homeward/rename} over real TLS: who may rename, to what, and what it leaves behind. */
class RenameTest {
    private static final String LAPTOP = "CN=laptop.alice.members.example";
    private static final String ZONE = "alice.members.example.";

    @TempDir
    Path data;

    private EnrollmentFixture fixture;
    private Csr enrolled;
    private X509Certificate certificate;

    @BeforeEach
    void enrollLaptop() throws Exception {
        fixture = new EnrollmentFixture(data);
        enrolled = EnrollmentFixture.csr(LAPTOP);
        certificate = enroll(enrolled);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private X509Certificate enroll(Csr csr) throws Exception {
        InviteCode code = fixture.invite("alice", Optional.empty());
        return EnrollmentFixture.certificate(fixture.client().post(EstRoutes.SIMPLEENROLL,
                fixture.inviteProof(code, csr.body()), csr.body()));
    }

    private Answer rename(String subject) throws Exception {
        return fixture.client(enrolled.keys(), certificate).post(EstRoutes.RENAME, null,
                EnrollmentFixture.csr(subject).body());
    }

    private void assertRefused(Answer answer, int status, String fragment) {
        assertEquals(status, answer.status(), answer.text());
        assertTrue(answer.text().contains(fragment), answer.text());
        assertEquals(1, answer.text().lines().count());
        assertEquals(List.of("laptop"), fixture.accounts.hosts("alice").stream().map(EnrolledHost::host).toList(),
                "the host keeps its name and key");
        assertTrue(fixture.ca.find(certificate.getSerialNumber()).orElseThrow().revoked().isEmpty());
    }

    @Test
    void theHostGetsACertificateAndAKeyForTheNewNameAndTheOldOnesGo() throws Exception {
        Csr next = EnrollmentFixture.csr("CN=studio.alice.members.example");
        Answer answer = fixture.client(enrolled.keys(), certificate).post(EstRoutes.RENAME, null, next.body());

        assertEquals(200, answer.status(), answer.text());
        assertEquals("application/json", answer.header("content-type"));
        EnrolledHost studio = fixture.accounts.hosts("alice").get(0);
        assertEquals("studio", studio.host());
        assertEquals(1, fixture.accounts.hosts("alice").size(), "the old key is deleted");
        String text = answer.text();
        assertTrue(text.startsWith("{\"name\":\"studio.alice.members.example.\",\"algorithm\":\"hmac-sha256.\","
                + "\"secret\":\"" + Base64.getEncoder().encodeToString(studio.key().secret()) + "\",\"certificate\":\""),
                text);
        String der = text.substring(text.indexOf("\"certificate\":\"") + 15, text.length() - 2);
        X509Certificate issued = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(der)));
        assertEquals(next.keys().getPublic(), issued.getPublicKey());
        assertEquals("CN=studio.alice.members.example", issued.getSubjectX500Principal().getName());
        HostCertificate old = fixture.ca.find(certificate.getSerialNumber()).orElseThrow();
        assertTrue(old.revoked().isPresent(), "the old certificate is revoked");

        Answer again = fixture.client(enrolled.keys(), certificate).post(EstRoutes.RENAME, null,
                EnrollmentFixture.csr("CN=other.alice.members.example").body());
        assertEquals(403, again.status());
        assertTrue(again.text().contains("was revoked at"), again.text());
    }

    @Test
    void badNamesAreRefusedAndTheHostKeepsItsName() throws Exception {
        assertRefused(rename(LAPTOP), 400, "already called laptop");
        assertRefused(rename("CN=autotunnel-02-00-5e.alice.members.example"), 400, "AutoTunnel-");
        assertRefused(rename("CN=bad_name.alice.members.example"), 400, "not a DNS label");
        assertRefused(rename("CN=studio.bob.members.example"), 403, "keeps its zone");
        assertEquals(1, fixture.ca.issuedCount());
    }

    @Test
    void aNameAnotherHostHoldsIsRefused() throws Exception {
        enroll(EnrollmentFixture.csr("CN=desktop.alice.members.example"));
        Answer answer = rename("CN=desktop.alice.members.example");
        assertEquals(403, answer.status(), answer.text());
        assertTrue(answer.text().contains("desktop.alice.members.example. is another host"), answer.text());
        assertEquals(List.of("desktop", "laptop"),
                fixture.accounts.hosts("alice").stream().map(EnrolledHost::host).toList());
    }

    @Test
    void aNameWhoseHostWasRevokedIsFreeAgain() throws Exception {
        enroll(EnrollmentFixture.csr("CN=desktop.alice.members.example"));
        fixture.server.machines().revoke("desktop");
        assertEquals(200, rename("CN=desktop.alice.members.example").status());
        assertEquals("desktop", fixture.accounts.hosts("alice").get(0).host());
    }

    @Test
    void withoutTheCurrentCertificateNothingIsRenamed() throws Exception {
        Answer answer = fixture.client().post(EstRoutes.RENAME, null,
                EnrollmentFixture.csr("CN=studio.alice.members.example").body());
        assertEquals(401, answer.status());
        assertEquals("laptop", fixture.accounts.hosts("alice").get(0).host());
    }

    @Test
    void aFailedKeyStoreRevokesTheNewCertificateAndKeepsTheOldName() throws Exception {
        fixture.accounts.failEnroll = true;
        Answer answer = rename("CN=studio.alice.members.example");
        assertEquals(503, answer.status());
        assertTrue(answer.text().contains("keeps its name laptop"), answer.text());
        assertTrue(fixture.ca.certificates(ZONE).stream().filter(c -> c.host().equals("studio"))
                .allMatch(c -> c.revoked().isPresent()));
        fixture.accounts.failEnroll = false;
        assertRefused(rename(LAPTOP), 400, "already called");
    }
}
