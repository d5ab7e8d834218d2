package io.homeward.ike.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SignatureException;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import io.homeward.ike.internal.wire.AuthPayload;
import io.homeward.ike.internal.wire.NotifyPayload;
import io.homeward.ike.internal.wire.NotifyType;

/** AUTH with the host's ECDSA P-256 key: RFC 7427 method 14 and RFC 4754 method 9. */
class SignatureAuthTest {
    private static final byte[] OCTETS = "RealMessage1 | NonceRData | MACedIDForI".getBytes(StandardCharsets.US_ASCII);
    private final KeyPair host = p256();
    private final KeyPair other = p256();

    @Test
    void digitalSignatureCarriesTheAlgorithmIdentifierOfEcdsaWithSha256() throws GeneralSecurityException {
        AuthPayload auth = SignatureAuth.sign(host.getPrivate(), OCTETS, true);

        assertEquals(AuthPayload.DIGITAL_SIGNATURE, auth.method());
        assertEquals(12, auth.data()[0]);
        assertEquals("300a06082a8648ce3d040302", HexFormat.of().formatHex(Arrays.copyOfRange(auth.data(), 1, 13)));
        assertEquals(0x30, auth.data()[13], "a DER ECDSA-Sig-Value follows");
        assertTrue(SignatureAuth.verify(host.getPublic(), OCTETS, auth));
        assertFalse(SignatureAuth.verify(other.getPublic(), OCTETS, auth));
        assertFalse(SignatureAuth.verify(host.getPublic(), Arrays.copyOf(OCTETS, OCTETS.length - 1), auth));
    }

    @Test
    void ecdsaP256MethodCarriesRAndSOfFixedWidth() throws GeneralSecurityException {
        AuthPayload auth = SignatureAuth.sign(host.getPrivate(), OCTETS, false);

        assertEquals(AuthPayload.ECDSA_SHA256_P256, auth.method());
        assertEquals(64, auth.data().length);
        assertTrue(SignatureAuth.verify(host.getPublic(), OCTETS, auth));
        assertFalse(SignatureAuth.verify(other.getPublic(), OCTETS, auth));
    }

    @Test
    void aMalformedSignatureDoesNotVerify() throws GeneralSecurityException {
        byte[] data = SignatureAuth.sign(host.getPrivate(), OCTETS, true).data();
        byte[] garbled = Arrays.copyOf(data, 20);

        assertFalse(SignatureAuth.verify(host.getPublic(), OCTETS, new AuthPayload(AuthPayload.DIGITAL_SIGNATURE, garbled)));
        assertFalse(SignatureAuth.verify(host.getPublic(), OCTETS, new AuthPayload(AuthPayload.ECDSA_SHA256_P256,
                new byte[10])));
    }

    @Test
    void otherMethodsAndAlgorithmsAreNamedInTheRefusal() throws GeneralSecurityException {
        byte[] rsaPss = HexFormat.of().parseHex("0d" + "300b06092a864886f70d01010a" + "00");
        byte[] signature = SignatureAuth.sign(host.getPrivate(), OCTETS, true).data();

        SignatureException psk = assertThrows(SignatureException.class,
                () -> SignatureAuth.verify(host.getPublic(), OCTETS, new AuthPayload(2, signature)));
        SignatureException rsa = assertThrows(SignatureException.class, () -> SignatureAuth.verify(host.getPublic(),
                OCTETS, new AuthPayload(AuthPayload.DIGITAL_SIGNATURE, rsaPss)));
        SignatureException truncated = assertThrows(SignatureException.class, () -> SignatureAuth.verify(
                host.getPublic(), OCTETS, new AuthPayload(AuthPayload.DIGITAL_SIGNATURE, new byte[] {40, 1, 2})));

        assertTrue(psk.getMessage().startsWith("AUTH method 2 "), psk.getMessage());
        assertTrue(rsa.getMessage().contains("300b06092a864886f70d01010a"), rsa.getMessage());
        assertTrue(truncated.getMessage().contains("AlgorithmIdentifier of 40"), truncated.getMessage());
    }

    @Test
    void theHashAlgorithmsNotifyAnnouncesSha2() {
        NotifyPayload notify = SignatureAuth.hashAlgorithmsNotify();

        assertTrue(notify.is(NotifyType.SIGNATURE_HASH_ALGORITHMS));
        assertArrayEquals(new byte[] {0, 2, 0, 3, 0, 4}, notify.data());
    }

    private static KeyPair p256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
