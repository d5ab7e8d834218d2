package io.homeward.kit.aead;

/**
 * The 12-octet ESP AEAD nonce: a 4-octet salt, the last octets of the key material, followed by the packet's
 * 8-octet explicit IV (RFC 4106 §4 and §8.1, RFC 7634 §2 and §4). Rewritten in place for every packet.
 */
public final class SaltedNonce {
    public static final int SALT_LENGTH = 4;
    public static final int IV_LENGTH = 8;

    private final byte[] nonce = new byte[SALT_LENGTH + IV_LENGTH];

    public SaltedNonce(byte[] keyMaterial) {
        System.arraycopy(keyMaterial, keyMaterial.length - SALT_LENGTH, nonce, 0, SALT_LENGTH);
    }

    /** The nonce for this IV, big-endian; the returned array is overwritten by the next call. */
    public byte[] withIv(long iv) {
        for (int i = 0; i < IV_LENGTH; i++) {
            nonce[SALT_LENGTH + i] = (byte) (iv >>> (56 - 8 * i));
        }
        return nonce;
    }
}
