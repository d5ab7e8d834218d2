package io.homeward.signin.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.api.auth.TsigKey;
import io.homeward.testkit.MutableClock;

class CredentialsFileTest {
    @TempDir
    Path data;

    @Test
    void hostPemIsWhatBouncyCastlesPemWriterMakesOwnerOnlyAndReadsBack() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
        TestAccountCa ca = new TestAccountCa("members.test.", clock);
        IssuedCertificate issued = ca.issueWithNewKey("laptop.alice.members.test");
        CredentialsFile file = new CredentialsFile(data);

        file.write(new StoredKey("alice.members.test.", "alice", new TsigKey("laptop.alice.members.test.",
                "hmac-sha256.", new byte[32]), new HostPort("127.0.0.1", 8853), "", clock.instant(), Optional.empty(),
                Optional.of(new StoredKey.Enrollment("laptop", new HostPort("127.0.0.1", 8443), issued))));

        Path hostPem = data.resolve("host.pem");
        assertArrayEquals(bouncyCastlePem(issued), Files.readAllBytes(hostPem));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(hostPem)));
        IssuedCertificate read = file.read().orElseThrow().enrollment().orElseThrow().certificate();
        assertArrayEquals(issued.privateKey().getEncoded(), read.privateKey().getEncoded());
        assertEquals(issued.chain(), read.chain());
    }

    /** host.pem as the sign-in wrote it with Bouncy Castle: the PKCS#8 key, then the chain. */
    private static byte[] bouncyCastlePem(IssuedCertificate issued) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JcaPEMWriter pem = new JcaPEMWriter(new OutputStreamWriter(bytes, StandardCharsets.US_ASCII))) {
            pem.writeObject(new JcaPKCS8Generator(issued.privateKey(), null));
            for (X509Certificate certificate : issued.chain()) {
                pem.writeObject(certificate);
            }
        }
        return bytes.toByteArray();
    }
}
