package io.homeward.rendezvous.ca.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.LogLevel;

import io.homeward.api.ca.HostCertificate;
import io.homeward.kit.dns.Fingerprints;

class CaStoreTest {
    @TempDir
    Path data;

    @Test
    void theKeyIsOwnerOnlyAndTheCertificatePublic() throws Exception {
        new TestCa(data).start();

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("ca.key"))));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("ca.crt"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        assertTrue(Files.readString(data.resolve("ca.key")).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(Files.readString(data.resolve(CrlFile.NAME)).startsWith("-----BEGIN X509 CRL-----\n"));
    }

    @Test
    void aRestartKeepsTheCaTheCertificatesAndTheRevocations() throws Exception {
        TestCa test = new TestCa(data);
        CertificateAuthorityComponent ca = test.start();
        HostCertificate revoked = issue(ca, TestCa.HOST);
        HostCertificate kept = issue(ca, "desktop");
        ca.revoke(TestCa.ZONE, TestCa.HOST);
        byte[] key = Files.readAllBytes(data.resolve("ca.key"));
        ca.deactivate();

        test.clock.advance(Duration.ofHours(1));
        CertificateAuthorityComponent again = test.start();

        assertArrayEquals(key, Files.readAllBytes(data.resolve("ca.key")));
        assertEquals(Fingerprints.of(ca.certificate()), Fingerprints.of(again.certificate()));
        assertEquals(List.of(revoked.serial(), kept.serial()),
                again.certificates(TestCa.ZONE).stream().map(HostCertificate::serial).toList());
        assertEquals(test.clock.instant().minus(Duration.ofHours(1)),
                again.find(revoked.serial()).orElseThrow().revoked().orElseThrow());
        assertEquals(RevocationLists.number(ca.crl()), RevocationLists.number(again.crl()), "the CRL is still current");
        assertTrue(again.crl().isRevoked(revoked.certificate()));
        HostCertificate later = issue(again, "phone");
        assertTrue(again.find(later.serial()).isPresent());
    }

    @Test
    void aDamagedStoreIsLeftAloneAndIssuingIsRefusedUntilItIsRepaired() throws Exception {
        TestCa test = new TestCa(data);
        CertificateAuthorityComponent ca = test.start();
        HostCertificate revoked = issue(ca, TestCa.HOST);
        ca.revoke(TestCa.ZONE, TestCa.HOST);
        ca.deactivate();
        Path store = data.resolve(IssuedFile.NAME);
        byte[] good = Files.readAllBytes(store);
        Files.writeString(store, "this line is not a certificate\n", StandardOpenOption.APPEND);
        byte[] damaged = Files.readAllBytes(store);

        CertificateAuthorityComponent again = test.start();

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> issue(again, "desktop"));
        assertTrue(refused.getMessage().contains("cannot issue certificates: " + store + " line 4 is damaged"),
                refused.getMessage());
        assertThrows(IllegalStateException.class, () -> again.revoke(TestCa.ZONE, "desktop"));
        test.scheduler.advance(Duration.ofDays(2));
        assertArrayEquals(damaged, Files.readAllBytes(store));
        assertTrue(again.crl().isRevoked(revoked.certificate()), "the last CRL is still served");
        assertTrue(test.log.has(LogLevel.ERROR, "left as it is"));
        assertTrue(again.report().contains("NOT ISSUING"), again.report());

        Files.write(store, good);
        issue(again, "desktop");
        assertEquals(2, again.certificates(TestCa.ZONE).size());
    }

    @Test
    void aDamagedKeyStopsTheCaAndIsNotReplaced() throws Exception {
        TestCa test = new TestCa(data);
        test.start().deactivate();
        Path key = data.resolve("ca.key");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

        IOException e = assertThrows(IOException.class, test::start);

        assertTrue(e.getMessage().contains("the CA key " + key + " is damaged"), e.getMessage());
        assertTrue(test.log.has(LogLevel.ERROR, "The account CA cannot start: the CA key"), test.log.toString());
        assertEquals("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", Files.readString(key));
    }

    @Test
    void aKeyWithoutItsCertificateIsNotReplaced() throws Exception {
        TestCa test = new TestCa(data);
        test.start().deactivate();
        Files.delete(data.resolve("ca.crt"));

        IOException e = assertThrows(IOException.class, test::start);

        assertTrue(e.getMessage().contains("restore it from a backup"), e.getMessage());
    }

    @Test
    void theCommandShowsTheCaAndItsCertificates() throws Exception {
        TestCa test = new TestCa(data);
        CertificateAuthorityComponent ca = test.start();
        HostCertificate issued = issue(ca, TestCa.HOST);
        ca.revoke(TestCa.ZONE, TestCa.HOST);

        String report = new CaCommand(ca).ca();

        assertTrue(report.contains("Account CA: CN=Homeward account CA for members.example"), report);
        assertTrue(report.contains(Fingerprints.of(ca.certificate())), report);
        assertTrue(report.contains("host certificates valid 30 days"), report);
        assertTrue(report.contains("CRL number 2"), report);
        assertTrue(report.contains("1 revoked"), report);
        assertTrue(report.contains(issued.serial().toString(16)), report);
        assertTrue(report.contains(TestCa.ZONE) && report.contains(test.clock.instant().toString()), report);
    }

    @Test
    void settingsOutOfRangeFallBackToTheDefaults() throws Exception {
        TestCa test = new TestCa(data);
        CertificateAuthorityComponent ca = new CertificateAuthorityComponent(test.log.logger(), data,
                "Members.Example", TestCa.config(1, 24, "Test CA"), test.clock, new SecureRandom(), test.scheduler);

        assertEquals(Duration.ofDays(30), ca.hostLifetime());
        assertEquals(test.clock.instant().plus(Duration.ofHours(168)), ca.crl().getNextUpdate().toInstant());
        assertEquals("CN=Test CA", ca.certificate().getSubjectX500Principal().getName());
        assertTrue(test.log.has(LogLevel.ERROR, "hostLifetimeMinutes 1 is outside 2.."), test.log.toString());
        assertTrue(test.log.has(LogLevel.ERROR, "crlValidityHours 24 is outside 25.."), test.log.toString());
        assertTrue(new String(Files.readAllBytes(data.resolve(IssuedFile.NAME)), StandardCharsets.UTF_8)
                .contains("crl-number\t1\n"));
    }

    private static HostCertificate issue(CertificateAuthorityComponent ca, String host) throws Exception {
        return ca.issue(TestCa.ZONE, host, Requests.request(Requests.p256(), "CN=" + host + ".alice.members.example"));
    }
}
