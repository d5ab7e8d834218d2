package io.homeward.rendezvous.transport.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsIdentityFilesTest {
    @TempDir
    Path dir;

    @Test
    void theSelfSignedIdentityIsWrittenAsBouncyCastleWroteItAndReadsBack() throws Exception {
        TlsIdentity identity = SelfSignedCertificate.create("rv.test", Clock.systemUTC(), new SecureRandom());
        Path certificate = dir.resolve("server.crt");
        Path key = dir.resolve("server.key");

        TlsIdentityFiles.write(identity, certificate, key);

        assertEquals(bouncyCastle(new JcaPKCS8Generator(identity.key(), null)), Files.readString(key));
        assertEquals(bouncyCastle(identity.chain().get(0)), Files.readString(certificate));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        TlsIdentity read = TlsIdentityFiles.read(certificate, key);
        assertEquals(identity.chain(), read.chain());
        assertArrayEquals(identity.key().getEncoded(), read.key().getEncoded());
    }

    /** The forms OpenSSL writes: RFC 5915 with its named curve, and RFC 8017 PKCS#1. */
    @Test
    void anOperatorsTraditionalEcAndRsaKeysAreRead() throws Exception {
        Path chain = Files.writeString(dir.resolve("operator.crt"), bouncyCastle(
                SelfSignedCertificate.create("rv.test", Clock.systemUTC(), new SecureRandom()).chain().get(0)));
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        ECPrivateKey ecKey = (ECPrivateKey) ec.generateKeyPair().getPrivate();
        RSAPrivateKey rsaKey = (RSAPrivateKey) KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();

        ECPrivateKey ecRead = (ECPrivateKey) TlsIdentityFiles.read(chain, traditional(ecKey, "EC")).key();
        RSAPrivateKey rsaRead = (RSAPrivateKey) TlsIdentityFiles.read(chain, traditional(rsaKey, "RSA")).key();

        assertEquals(ecKey.getS(), ecRead.getS());
        assertEquals(ecKey.getParams().getOrder(), ecRead.getParams().getOrder());
        assertArrayEquals(rsaKey.getEncoded(), rsaRead.getEncoded());
    }

    @Test
    void aFileWithoutAKeyOrACertificateSaysSo() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "nothing here\n");
        Path chain = Files.writeString(dir.resolve("server.crt"), bouncyCastle(
                SelfSignedCertificate.create("rv.test", Clock.systemUTC(), new SecureRandom()).chain().get(0)));

        assertEquals("the TLS certificate file " + empty + " holds no PEM CERTIFICATE block",
                assertThrows(IOException.class, () -> TlsIdentityFiles.read(empty, empty)).getMessage());
        assertEquals("the TLS key file " + empty + " holds no unencrypted PEM private key"
                + " (PRIVATE KEY, EC PRIVATE KEY or RSA PRIVATE KEY)",
                assertThrows(IOException.class, () -> TlsIdentityFiles.read(chain, empty)).getMessage());
    }

    private Path traditional(PrivateKey key, String algorithm) throws IOException {
        String text = bouncyCastle(key);
        assertTrue(text.startsWith("-----BEGIN " + algorithm + " PRIVATE KEY-----"), text);
        return Files.writeString(dir.resolve(algorithm + ".key"), text);
    }

    private static String bouncyCastle(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(object);
        }
        return text.toString();
    }
}
