package io.homeward.ike.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
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
    private static final int ECDSA_WITH_SHA256_LENGTH = 12;
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

    @Test
    void signaturesInteroperateWithTheJdkProviderBothWays() throws GeneralSecurityException {
        byte[] der = derSignature(SignatureAuth.sign(host.getPrivate(), OCTETS, true));
        byte[] plain = SignatureAuth.sign(host.getPrivate(), OCTETS, false).data();

        assertTrue(jdkVerifies("SHA256withECDSA", der), "method 14's DER signature verifies with the JDK");
        assertTrue(jdkVerifies("SHA256withECDSAinP1363Format", plain), "method 9's r | s verifies with the JDK");
        assertFalse(jdkVerifies("SHA256withECDSA", derSignature(SignatureAuth.sign(other.getPrivate(), OCTETS, true))));
        // RFC 7427 Appendix A.3: ecdsa-with-SHA256, -SHA384, -SHA512 end in 02, 03, 04.
        for (String[] hashAndOid : new String[][] {{"SHA256", "02"}, {"SHA384", "03"}, {"SHA512", "04"}}) {
            String hash = hashAndOid[0];
            byte[] identifier = HexFormat.of().parseHex("300a06082a8648ce3d0403" + hashAndOid[1]);
            byte[] signature = jdkSignature(hash + "withECDSA");
            byte[] data = new byte[1 + identifier.length + signature.length];
            data[0] = (byte) identifier.length;
            System.arraycopy(identifier, 0, data, 1, identifier.length);
            System.arraycopy(signature, 0, data, 1 + identifier.length, signature.length);

            assertTrue(SignatureAuth.verify(host.getPublic(), OCTETS, new AuthPayload(AuthPayload.DIGITAL_SIGNATURE,
                    data)), "the JDK's " + hash + "withECDSA verifies here");
            assertFalse(SignatureAuth.verify(other.getPublic(), OCTETS, new AuthPayload(AuthPayload.DIGITAL_SIGNATURE,
                    data)));
        }
        assertTrue(SignatureAuth.verify(host.getPublic(), OCTETS, new AuthPayload(AuthPayload.ECDSA_SHA256_P256,
                jdkSignature("SHA256withECDSAinP1363Format"))), "the JDK's r | s verifies here");
    }

    @Test
    void aKeyOtherThanEcIsRefused() throws GeneralSecurityException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair pair = rsa.generateKeyPair();
        AuthPayload auth = SignatureAuth.sign(host.getPrivate(), OCTETS, true);

        assertThrows(InvalidKeyException.class, () -> SignatureAuth.sign(pair.getPrivate(), OCTETS, true));
        assertThrows(InvalidKeyException.class, () -> SignatureAuth.verify(pair.getPublic(), OCTETS, auth));
    }

    /** The DER ECDSA-Sig-Value after the length and AlgorithmIdentifier of method 14's data. */
    private static byte[] derSignature(AuthPayload auth) {
        return Arrays.copyOfRange(auth.data(), 1 + ECDSA_WITH_SHA256_LENGTH, auth.data().length);
    }

    private boolean jdkVerifies(String algorithm, byte[] signature) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(host.getPublic());
        verifier.update(OCTETS);
        return verifier.verify(signature);
    }

    private byte[] jdkSignature(String algorithm) throws GeneralSecurityException {
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(host.getPrivate());
        signer.update(OCTETS);
        return signer.sign();
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
