package io.homeward.rendezvous.ca.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.api.ca.CertificateRequestException;

class CertificationRequestCheckTest {
    private static final String SUBJECT = "CN=" + TestCa.NAME;

    @TempDir
    Path data;
    private CertificateAuthorityComponent ca;
    private KeyPair keys;

    @BeforeEach
    void start() throws Exception {
        ca = new TestCa(data).start();
        keys = Requests.p256();
    }

    @Test
    void p256Ed25519AndRsa2048RequestsAreAccepted() throws Exception {
        for (KeyPair pair : new KeyPair[] {keys, Requests.ed25519(), Requests.rsa(2048)}) {
            assertEquals(pair.getPublic(), ca.issue(TestCa.ZONE, TestCa.HOST,
                    Requests.request(pair, SUBJECT, Requests.dns(TestCa.NAME))).certificate().getPublicKey());
        }
        assertEquals(3, ca.certificates(TestCa.ZONE).size());
    }

    @Test
    void namesAreComparedWithoutRegardToCase() throws Exception {
        ca.issue("Alice.Members.Example.", "Laptop", Requests.request(keys, "CN=LAPTOP.alice.members.EXAMPLE",
                Requests.dns("laptop.ALICE.members.example")));

        assertEquals("laptop", ca.certificates(TestCa.ZONE).get(0).host());
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() throws Exception {
        refused("signature does not verify", Requests.request(keys, Requests.p256(), SUBJECT));
    }

    @Test
    void anotherHostOrZoneIsRefused() throws Exception {
        refused("names 'desktop.alice.members.example'", Requests.request(keys, "CN=desktop.alice.members.example"));
        refused("names 'laptop.bob.members.example'", Requests.request(keys, "CN=laptop.bob.members.example"));
        refused("names 'laptop.alice.members.example.'", Requests.request(keys, "CN=laptop.alice.members.example."));
        refused("DNS name 'laptop.bob.members.example'",
                Requests.request(keys, SUBJECT, Requests.dns("laptop.bob.members.example")));
        refused("may hold only CN", Requests.request(keys, SUBJECT + ",O=Homeward"));
        refused("may hold only CN", Requests.request(keys, "O=Homeward"));
        refused("must be CN=", Requests.request(keys, "", Requests.dns(TestCa.NAME)));
    }

    @Test
    void extraAlternativeNamesAreRefused() throws Exception {
        refused("other than a DNS name",
                Requests.request(keys, SUBJECT, Requests.dns(TestCa.NAME), Requests.ip("192.0.2.1")));
        refused("DNS name 'www.example.com'",
                Requests.request(keys, SUBJECT, Requests.dns(TestCa.NAME), Requests.dns("www.example.com")));
    }

    @Test
    void weakOrUnknownKeysAreRefused() throws Exception {
        refused("RSA key has 1024 bits", Requests.request(Requests.rsa(1024), SUBJECT));
        refused("not on the curve P-256", Requests.request(Requests.p384(), SUBJECT));
    }

    @Test
    void malformedRequestsAreRefusedInOneLine() throws Exception {
        byte[] large = new byte[20 * 1024];
        new Random(1).nextBytes(large);
        refused("more than the 16 KiB", large);
        byte[] random = new byte[300];
        new Random(2).nextBytes(random);
        refused("not a PKCS#10 request", random);
        refused("empty", new byte[0]);
        refused("empty", null);
        byte[] request = Requests.request(keys, SUBJECT);
        refused("not a PKCS#10 request", Arrays.copyOf(request, request.length - 10));
    }

    @Test
    void badNamesFromTheCallerAreRefused() throws Exception {
        byte[] request = Requests.request(keys, SUBJECT);
        assertThrows(CertificateRequestException.class, () -> ca.issue("alice.other.example.", TestCa.HOST, request));
        assertThrows(CertificateRequestException.class, () -> ca.issue("members.example.", TestCa.HOST, request));
        assertThrows(CertificateRequestException.class, () -> ca.issue(TestCa.ZONE, "lap top", request));
        assertTrue(ca.certificates(TestCa.ZONE).isEmpty());
    }

    private void refused(String reason, byte[] request) {
        CertificateRequestException e = assertThrows(CertificateRequestException.class,
                () -> ca.issue(TestCa.ZONE, TestCa.HOST, request));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(ca.certificates(TestCa.ZONE).isEmpty());
        assertTrue(Files.exists(data.resolve(CrlFile.NAME)));
        assertTrue(ca.crl().getRevokedCertificates() == null);
        assertFalse(issuedFileHoldsCertificates());
    }

    private boolean issuedFileHoldsCertificates() {
        try {
            return Files.readAllLines(data.resolve(IssuedFile.NAME)).stream()
                    .anyMatch(line -> line.split("\t").length == 4);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
