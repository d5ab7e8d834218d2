package io.homeward.kit.pem;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Unencrypted private keys as PEM holds them: PKCS#8 {@code PRIVATE KEY} (RFC 5958 §2, RFC 7468 §10) of any
 * algorithm the runtime knows, and the older single-algorithm forms OpenSSL writes, {@code EC PRIVATE KEY}
 * (RFC 5915 §3, with its named curve) and {@code RSA PRIVATE KEY} (RFC 8017 §A.1.2), which are wrapped into PKCS#8.
 */
public final class PrivateKeys {
    public static final String EC_PRIVATE_KEY = "EC PRIVATE KEY";
    public static final String RSA_PRIVATE_KEY = "RSA PRIVATE KEY";

    /** The algorithm identifiers' object identifiers (DER contents, hex) and the runtime's names for them. */
    private static final Map<String, String> ALGORITHMS = Map.of(
            "2a8648ce3d0201", "EC", // RFC 5480 §2.1.1
            "2a864886f70d010101", "RSA", // RFC 8017 §A.1
            "2a864886f70d01010a", "RSASSA-PSS", // RFC 8017 §A.2.3
            "2b6570", "Ed25519", // RFC 8410 §3
            "2b6571", "Ed448",
            "2b656e", "X25519",
            "2b656f", "X448");
    private static final byte[] VERSION_0 = {Der.INTEGER, 1, 0};
    private static final byte[] EC_PUBLIC_KEY = {Der.OBJECT_IDENTIFIER, 7, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d,
        2, 1};
    private static final byte[] RSA_ENCRYPTION = {Der.OBJECT_IDENTIFIER, 9, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 1, 1, 1};
    private static final byte[] NULL = {Der.NULL, 0};

    private PrivateKeys() {
    }

    /** The key of a PKCS#8 PrivateKeyInfo, by the algorithm its identifier names. */
    public static PrivateKey pkcs8(byte[] der) throws IOException {
        Der info = Der.of(der).expect(Der.SEQUENCE);
        Der version = info.first().expect(Der.INTEGER);
        Der algorithm = info.after(version).orElseThrow(() -> new IOException("PKCS#8 without an algorithm"))
                .expect(Der.SEQUENCE);
        String oid = HexFormat.of().formatHex(algorithm.first().expect(Der.OBJECT_IDENTIFIER).contents());
        String name = ALGORITHMS.get(oid);
        if (name == null) {
            throw new IOException("a PKCS#8 key of an unknown algorithm (object identifier " + oid + ")");
        }
        try {
            return KeyFactory.getInstance(name).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IOException("not a valid " + name + " private key: " + e.getMessage(), e);
        }
    }

    /**
     * The key of the first private-key block ({@value Pem#PRIVATE_KEY}, {@value #EC_PRIVATE_KEY} or
     * {@value #RSA_PRIVATE_KEY}); empty when there is none.
     */
    public static Optional<PrivateKey> first(List<PemBlock> blocks) throws IOException {
        for (PemBlock block : blocks) {
            switch (block.label()) {
                case Pem.PRIVATE_KEY:
                    return Optional.of(pkcs8(block.der()));
                case EC_PRIVATE_KEY:
                    return Optional.of(wrapped(ecAlgorithm(block.der()), block.der()));
                case RSA_PRIVATE_KEY:
                    return Optional.of(wrapped(Der.encode(Der.SEQUENCE, RSA_ENCRYPTION, NULL), block.der()));
                default:
                    break;
            }
        }
        return Optional.empty();
    }

    /** RFC 5915 §3: {@code ECPrivateKey ::= SEQUENCE { version 1, privateKey, [0] parameters, [1] publicKey }}. */
    private static byte[] ecAlgorithm(byte[] der) throws IOException {
        Der key = Der.of(der).expect(Der.SEQUENCE);
        Der version = key.first().expect(Der.INTEGER);
        Der secret = key.after(version).orElseThrow(() -> new IOException("an EC PRIVATE KEY without its key"))
                .expect(Der.OCTET_STRING);
        Optional<Der> parameters = key.after(secret);
        if (parameters.isEmpty() || parameters.get().tag() != Der.CONTEXT_0) {
            throw new IOException("an EC PRIVATE KEY without its curve; only named curves are read");
        }
        byte[] curve = parameters.get().contents();
        Der.of(curve).expect(Der.OBJECT_IDENTIFIER);
        return Der.encode(Der.SEQUENCE, EC_PUBLIC_KEY, curve);
    }

    private static PrivateKey wrapped(byte[] algorithm, byte[] key) throws IOException {
        byte[] info = Der.encode(Der.SEQUENCE, VERSION_0, algorithm, Der.encode(Der.OCTET_STRING, key));
        try {
            return pkcs8(info);
        } finally {
            Arrays.fill(info, (byte) 0);
        }
    }
}
