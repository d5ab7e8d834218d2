package io.homeward.ike.internal.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

import io.homeward.ike.internal.wire.AuthPayload;
import io.homeward.ike.internal.wire.NotifyPayload;
import io.homeward.ike.internal.wire.NotifyType;

/**
 * AUTH payloads signed with the host's ECDSA P-256 key: method 14, Digital Signature (RFC 7427 §3), whose data is the
 * length of the AlgorithmIdentifier, the DER AlgorithmIdentifier of ecdsa-with-SHA256 and the DER signature; and
 * method 9 (RFC 4754 §7), the fixed-width r ‖ s, which strongSwan uses when either side did not announce
 * SIGNATURE_HASH_ALGORITHMS. Verification of method 14 also accepts ECDSA with SHA-384 and SHA-512 (RFC 7427
 * Appendix A.3), the hashes {@link #hashAlgorithmsNotify()} announces. The arithmetic is {@link Ecdsa}'s.
 */
public final class SignatureAuth {
    /** RFC 7427 Appendix A.3.1: ecdsa-with-SHA256, no parameters. */
    static final byte[] ECDSA_WITH_SHA256 = HexFormat.of().parseHex("300a06082a8648ce3d040302");
    private static final Map<String, Supplier<Digest>> METHOD_14_HASHES = Map.of(
            "300a06082a8648ce3d040302", SHA256Digest::new,
            "300a06082a8648ce3d040303", SHA384Digest::new,
            "300a06082a8648ce3d040304", SHA512Digest::new);
    /** RFC 7427 §4 hash algorithm identifiers: SHA2-256, SHA2-384, SHA2-512. */
    private static final int[] HASHES = {2, 3, 4};

    private SignatureAuth() {
    }

    /** The N(SIGNATURE_HASH_ALGORITHMS) of IKE_SA_INIT (RFC 7427 §4). */
    public static NotifyPayload hashAlgorithmsNotify() {
        ByteBuffer data = ByteBuffer.allocate(2 * HASHES.length);
        for (int hash : HASHES) {
            data.putShort((short) hash);
        }
        return NotifyPayload.of(NotifyType.SIGNATURE_HASH_ALGORITHMS, data.array());
    }

    /** Signs with method 14 when the peer announced SHA2-256 (RFC 7427 §4), else with method 9. */
    public static AuthPayload sign(PrivateKey key, byte[] octets, boolean digitalSignature)
            throws GeneralSecurityException {
        if (!digitalSignature) {
            return new AuthPayload(AuthPayload.ECDSA_SHA256_P256,
                    Ecdsa.sign(key, new SHA256Digest(), octets, PlainDSAEncoding.INSTANCE));
        }
        byte[] signature = Ecdsa.sign(key, new SHA256Digest(), octets, StandardDSAEncoding.INSTANCE);
        ByteBuffer data = ByteBuffer.allocate(1 + ECDSA_WITH_SHA256.length + signature.length);
        data.put((byte) ECDSA_WITH_SHA256.length).put(ECDSA_WITH_SHA256).put(signature);
        return new AuthPayload(AuthPayload.DIGITAL_SIGNATURE, data.array());
    }

    /**
     * Whether the AUTH payload is the key's signature of the octets.
     *
     * @throws SignatureException naming what is unsupported or malformed: a method other than 9 and 14, or an
     *                            AlgorithmIdentifier other than ECDSA with SHA-2
     */
    public static boolean verify(PublicKey key, byte[] octets, AuthPayload auth) throws GeneralSecurityException {
        byte[] data = auth.data();
        if (auth.method() == AuthPayload.ECDSA_SHA256_P256) {
            return Ecdsa.verify(key, new SHA256Digest(), octets, data, 0, PlainDSAEncoding.INSTANCE);
        }
        if (auth.method() != AuthPayload.DIGITAL_SIGNATURE) {
            throw new SignatureException("AUTH method " + auth.method() + " is not a signature method offered here"
                    + " (9 ECDSA P-256, 14 digital signature)");
        }
        int length = data.length == 0 ? 0 : data[0] & 0xFF;
        if (1 + length >= data.length) {
            throw new SignatureException("AUTH data of " + data.length + " octets cannot hold an AlgorithmIdentifier of "
                    + length + " and a signature");
        }
        String identifier = HexFormat.of().formatHex(Arrays.copyOfRange(data, 1, 1 + length));
        Supplier<Digest> hash = METHOD_14_HASHES.get(identifier);
        if (hash == null) {
            throw new SignatureException("AUTH signature algorithm " + identifier + " is not ECDSA with SHA-2");
        }
        return Ecdsa.verify(key, hash.get(), octets, data, 1 + length, StandardDSAEncoding.INSTANCE);
    }
}

