package io.homeward.ike.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.KeyAgreement;

import org.junit.jupiter.api.Test;

/** X25519 (RFC 7748, RFC 8031) and ECP-256 (RFC 5903) as the KE payload carries them. */
class KeyExchangeTest {
    private static final HexFormat HEX = HexFormat.of();
    private final SecureRandom random = new SecureRandom();

    @Test
    void bothGroupsAgreeOnASecret() throws InvalidKeyException {
        for (KeyExchangeGroup group : KeyExchangeGroup.values()) {
            KeyExchange a = group.generate(random);
            KeyExchange b = group.generate(random);

            assertEquals(group, a.group());
            assertEquals(group.publicValueLength(), a.publicValue().length);
            assertArrayEquals(a.sharedSecret(b.publicValue()), b.sharedSecret(a.publicValue()));
            assertEquals(32, a.sharedSecret(b.publicValue()).length);
        }
    }

    @Test
    void transformIdsNameTheGroups() {
        assertEquals(KeyExchangeGroup.CURVE25519, KeyExchangeGroup.of(31).orElseThrow());
        assertEquals(KeyExchangeGroup.ECP_256, KeyExchangeGroup.of(19).orElseThrow());
        assertTrue(KeyExchangeGroup.of(14).isEmpty());
    }

    @Test
    void x25519MasksTheTopBitOfTheUCoordinate() throws GeneralSecurityException {
        // RFC 7748 §5.2, second test vector: the input u-coordinate has its top bit set.
        X25519Exchange exchange = WorkedExample.x25519(
                HEX.parseHex("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d"));

        byte[] secret = exchange.sharedSecret(
                HEX.parseHex("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493"));

        assertEquals("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957", HEX.formatHex(secret));
    }

    @Test
    void x25519AgreesWithTheJdkProvider() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519");
        KeyPair jdk = generator.generateKeyPair();
        KeyExchange ours = KeyExchangeGroup.CURVE25519.generate(random);
        byte[] jdkPublic = littleEndian(((XECPublicKey) jdk.getPublic()).getU());
        KeyAgreement agreement = KeyAgreement.getInstance("X25519");
        agreement.init(jdk.getPrivate());
        byte[] u = ours.publicValue();
        byte[] bigEndian = new byte[u.length];
        for (int i = 0; i < u.length; i++) {
            bigEndian[i] = u[u.length - 1 - i];
        }
        agreement.doPhase(KeyFactory.getInstance("X25519").generatePublic(
                new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, bigEndian))), true);

        assertArrayEquals(agreement.generateSecret(), ours.sharedSecret(jdkPublic));
    }

    @Test
    void x25519RefusesSmallOrderPointsAndWrongLengths() {
        KeyExchange exchange = KeyExchangeGroup.CURVE25519.generate(random);
        byte[] one = new byte[32];
        one[0] = 1;

        assertThrows(InvalidKeyException.class, () -> exchange.sharedSecret(new byte[32]));
        assertThrows(InvalidKeyException.class, () -> exchange.sharedSecret(one));
        assertThrows(InvalidKeyException.class, () -> exchange.sharedSecret(new byte[31]));
    }

    @Test
    void ecp256IsThatOfRfc5903() throws GeneralSecurityException {
        // RFC 5903 §8.1: the initiator's private value i and the responder's public value g^r give g^ir's x.
        BigInteger i = new BigInteger("C88F01F510D9AC3F70A292DAA2316DE544E9AAB8AFE84049C62A9C57862D1433", 16);
        BigInteger gix = new BigInteger("DAD0B65394221CF9B051E1FECA5787D098DFE637FC90B9EF945D0C3772581180", 16);
        BigInteger giy = new BigInteger("5271A0461CDB8252D61F1C456FA3E59AB1F45B33ACCF5F58389E0577B8990BB3", 16);
        Ecp256Exchange initiator = new Ecp256Exchange(i);
        String gr = "D12DFB5289C8D4F81208B70270398C342296970A0BCCB74C736FC7554494BF63"
                + "56FBF3CA366CC23E8157854C13C58D6AAC23F046ADA30F8353E74F33039872AB";

        byte[] secret = initiator.sharedSecret(HEX.parseHex(gr.toLowerCase()));

        assertEquals("d6840f6b42f6edafd13116e0e12565202fef8e9ece7dce03812464d04b9442de", HEX.formatHex(secret));
        assertEquals(gix.toString(16) + giy.toString(16), HEX.formatHex(initiator.publicValue()));
    }

    @Test
    void ecp256AgreesWithTheJdkProvider() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair jdk = generator.generateKeyPair();
        ECPoint w = ((ECPublicKey) jdk.getPublic()).getW();
        KeyExchange ours = KeyExchangeGroup.ECP_256.generate(random);
        byte[] u = ours.publicValue();
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(jdk.getPrivate());
        agreement.doPhase(KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(
                new BigInteger(1, Arrays.copyOfRange(u, 0, 32)), new BigInteger(1, Arrays.copyOfRange(u, 32, 64))),
                p256())), true);

        assertArrayEquals(agreement.generateSecret(), ours.sharedSecret(HEX.parseHex(
                "%064x%064x".formatted(w.getAffineX(), w.getAffineY()))));
    }

    @Test
    void ecp256RefusesPointsOffTheCurveAndWrongLengths() {
        KeyExchange a = KeyExchangeGroup.ECP_256.generate(random);
        byte[] offCurve = KeyExchangeGroup.ECP_256.generate(random).publicValue();
        offCurve[63] ^= 1;
        byte[] beyondP = new byte[64];
        Arrays.fill(beyondP, (byte) 0xFF);
        byte[] withPrefix = new byte[65];
        withPrefix[0] = 4;

        assertThrows(InvalidKeyException.class, () -> a.sharedSecret(offCurve));
        assertThrows(InvalidKeyException.class, () -> a.sharedSecret(beyondP));
        assertThrows(InvalidKeyException.class, () -> a.sharedSecret(new byte[64]));
        assertThrows(InvalidKeyException.class, () -> a.sharedSecret(withPrefix));
    }

    private static byte[] littleEndian(BigInteger u) {
        byte[] bigEndian = u.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < out.length && i < bigEndian.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }

    private static ECParameterSpec p256() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return ((ECPublicKey) generator.generateKeyPair().getPublic()).getParams();
    }
}
