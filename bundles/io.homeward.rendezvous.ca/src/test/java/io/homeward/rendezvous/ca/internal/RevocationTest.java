package io.homeward.rendezvous.ca.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.LogLevel;

import io.homeward.api.ca.HostCertificate;
import io.homeward.api.ca.RevocationListener;

class RevocationTest {
    @TempDir
    Path data;

    @Test
    void revokingListsTheSerialsInASignedCrlAndTellsEachListenerOnce() throws Exception {
        TestCa test = new TestCa(data);
        CertificateAuthorityComponent ca = test.start();
        HostCertificate first = issue(ca, TestCa.HOST);
        HostCertificate other = issue(ca, "desktop");
        test.clock.advance(Duration.ofMinutes(1));
        HostCertificate second = issue(ca, TestCa.HOST);
        BigInteger before = RevocationLists.number(ca.crl());
        List<HostCertificate> heard = new ArrayList<>();
        List<HostCertificate> heardToo = new ArrayList<>();
        ca.addRevocationListener(certificate -> {
            throw new IllegalStateException("this listener is broken");
        });
        ca.addRevocationListener(heard::add);
        RevocationListener removed = heardToo::add;
        ca.addRevocationListener(removed);
        ca.removeRevocationListener(removed);

        List<HostCertificate> revoked = ca.revoke(TestCa.ZONE, TestCa.HOST);

        assertEquals(List.of(first.serial(), second.serial()), revoked.stream().map(HostCertificate::serial).toList());
        assertEquals(revoked, heard);
        assertTrue(heardToo.isEmpty());
        assertEquals(2, test.log.count(LogLevel.ERROR, "revocation listener"), test.log.toString());
        X509CRL crl = ca.crl();
        crl.verify(ca.certificate().getPublicKey());
        assertEquals(before.add(BigInteger.ONE), RevocationLists.number(crl));
        assertEquals(2, crl.getRevokedCertificates().size());
        assertNotNull(crl.getRevokedCertificate(first.serial()));
        assertNotNull(crl.getRevokedCertificate(second.serial()));
        assertNull(crl.getRevokedCertificate(other.serial()));
        assertEquals(test.clock.instant(), crl.getThisUpdate().toInstant());
        assertEquals(test.clock.instant().plus(Duration.ofHours(168)), crl.getNextUpdate().toInstant());
        assertTrue(crl.isRevoked(first.certificate()));
        assertEquals(test.clock.instant(), ca.find(first.serial()).orElseThrow().revoked().orElseThrow());
        assertTrue(ca.find(other.serial()).orElseThrow().revoked().isEmpty());
        assertEquals(3, ca.certificates(TestCa.ZONE).size());

        assertTrue(ca.revoke(TestCa.ZONE, TestCa.HOST).isEmpty(), "nothing left to revoke");
        assertEquals(2, heard.size());
        assertEquals(RevocationLists.number(crl), RevocationLists.number(ca.crl()));
    }

    @Test
    void pkixWithTheCrlRefusesTheRevokedCertificate() throws Exception {
        TestCa test = new TestCa(data);
        CertificateAuthorityComponent ca = test.start();
        HostCertificate kept = issue(ca, "desktop");
        HostCertificate revoked = issue(ca, TestCa.HOST);
        ca.revoke(TestCa.ZONE, TestCa.HOST);
        // The JDK treats a certificate as revoked from after its revocation date on.
        test.clock.advance(Duration.ofMinutes(1));

        validate(ca, kept.certificate(), test);
        CertPathValidatorException e = assertThrows(
                CertPathValidatorException.class, () -> validate(ca, revoked.certificate(), test));
        assertEquals(CertPathValidatorException.BasicReason.REVOKED, e.getReason());
    }

    @Test
    void theCrlIsSignedAgainEveryDay() throws Exception {
        TestCa test = new TestCa(data);
        CertificateAuthorityComponent ca = test.start();
        BigInteger first = RevocationLists.number(ca.crl());

        test.scheduler.advance(Duration.ofDays(1));

        assertEquals(first.add(BigInteger.ONE), RevocationLists.number(ca.crl()));
        assertEquals(test.clock.instant(), ca.crl().getThisUpdate().toInstant());
        test.scheduler.advance(Duration.ofDays(1));
        assertEquals(first.add(BigInteger.TWO), RevocationLists.number(ca.crl()));
    }

    @Test
    void anExpiredCertificateLeavesTheCrlAndTheStore() throws Exception {
        TestCa test = new TestCa(data, 2);
        CertificateAuthorityComponent ca = test.start();
        HostCertificate revoked = issue(ca, TestCa.HOST);
        ca.revoke(TestCa.ZONE, TestCa.HOST);
        assertNotNull(ca.crl().getRevokedCertificate(revoked.serial()));

        test.scheduler.advance(Duration.ofMinutes(3));

        assertNull(ca.crl().getRevokedCertificates());
        assertTrue(ca.find(revoked.serial()).isEmpty());
        assertTrue(ca.certificates(TestCa.ZONE).isEmpty());
        assertTrue(new IssuedFile(data.resolve(IssuedFile.NAME)).read().certificates().isEmpty());
    }

    private static void validate(CertificateAuthorityComponent ca, X509Certificate leaf, TestCa test)
            throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca.certificate(), null)));
        parameters.setDate(Date.from(test.clock.instant()));
        parameters.addCertStore(CertStore.getInstance("Collection",
                new CollectionCertStoreParameters(List.of(ca.crl()))));
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), parameters);
    }

    private static HostCertificate issue(CertificateAuthorityComponent ca, String host) throws Exception {
        String name = host + ".alice.members.example";
        return ca.issue(TestCa.ZONE, host, Requests.request(Requests.p256(), "CN=" + name));
    }
}
