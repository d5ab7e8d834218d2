package io.homeward.kit.pem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.List;

import org.junit.jupiter.api.Test;

class PrivateKeysTest {
    @Test
    void aPkcs8KeyReadsBackByItsAlgorithm() throws Exception {
        for (PrivateKey key : List.of(KeyPairs.p256(new SecureRandom()).getPrivate(),
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate(),
                KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate())) {
            PrivateKey read = PrivateKeys.first(Pem.blocks(Pem.encodeKey(key))).orElseThrow();

            assertEquals(key.getAlgorithm(), read.getAlgorithm());
            assertArrayEquals(key.getEncoded(), read.getEncoded());
        }
    }

    @Test
    void openSslsEcPrivateKeyIsTheSameKeyAsItsPkcs8Form() throws Exception {
        ECPrivateKey traditional = (ECPrivateKey) key("ec.pem");
        ECPrivateKey pkcs8 = (ECPrivateKey) key("ec8.pem");

        assertEquals(pkcs8.getS(), traditional.getS());
        assertEquals(pkcs8.getParams().getOrder(), traditional.getParams().getOrder());
    }

    @Test
    void openSslsRsaPrivateKeyIsTheSameKeyAsItsPkcs8Form() throws Exception {
        RSAPrivateKey traditional = (RSAPrivateKey) key("rsa.pem");
        RSAPrivateKey pkcs8 = (RSAPrivateKey) key("rsa8.pem");

        assertEquals(pkcs8.getModulus(), traditional.getModulus());
        assertEquals(pkcs8.getPrivateExponent(), traditional.getPrivateExponent());
    }

    @Test
    void noKeyBlockIsEmptyAndAnUnknownOrDamagedKeyAnError() throws Exception {
        assertTrue(PrivateKeys.first(List.of(new PemBlock("CERTIFICATE", new byte[] {0x30, 0}))).isEmpty());
        byte[] unknown = {0x30, 0x0b, 0x02, 0x01, 0x00, 0x30, 0x03, 0x06, 0x01, 0x2a, 0x04, 0x01, 0x00};
        assertTrue(assertThrows(IOException.class, () -> PrivateKeys.pkcs8(unknown)).getMessage()
                .contains("unknown algorithm"));
        assertThrows(IOException.class, () -> PrivateKeys.pkcs8(new byte[] {0x30, (byte) 0x84, 1, 2, 3, 4}));
        assertThrows(IOException.class, () -> PrivateKeys.pkcs8(new byte[] {0x30, 0x05, 0x02}));
        assertThrows(IOException.class, () -> PrivateKeys.first(
                List.of(new PemBlock(PrivateKeys.EC_PRIVATE_KEY, new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}))));
    }

    @Test
    void p256KeysAreOnTheNamedCurve() {
        ECPrivateKey key = (ECPrivateKey) KeyPairs.p256(new SecureRandom()).getPrivate();

        assertEquals(256, key.getParams().getOrder().bitLength());
    }

    private static PrivateKey key(String name) throws IOException {
        try (InputStream in = PrivateKeysTest.class.getResourceAsStream(name)) {
            return PrivateKeys.first(Pem.blocks(in.readAllBytes())).orElseThrow();
        }
    }
}
