package io.homeward.crypto.aesgcm.internal;

import java.security.GeneralSecurityException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.homeward.api.crypto.PacketAead;

/**
 * AES-GCM for one direction of one SA (RFC 4106 §4): nonce = 4-byte salt || 8-byte explicit IV,
 * 16-byte ICV. Keeps one Cipher and key; each packet costs only an init.
 */
final class AesGcmPacketAead implements PacketAead {
    static final int ICV_BITS = 128;
    private static final int SALT = 4;

    private final Cipher cipher;
    private final SecretKeySpec key;
    /** salt || IV; the salt part is fixed, the IV part is rewritten per packet. */
    private final byte[] nonce = new byte[SALT + 8];

    AesGcmPacketAead(byte[] keyMaterial) throws GeneralSecurityException {
        int keyLength = keyMaterial.length - SALT;
        this.key = new SecretKeySpec(keyMaterial, 0, keyLength, "AES");
        System.arraycopy(keyMaterial, keyLength, nonce, 0, SALT);
        this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
    }

    @Override
    public int seal(long iv, byte[] aad, int aadLength, byte[] in, int inOffset, int length, byte[] out, int outOffset)
            throws GeneralSecurityException {
        start(Cipher.ENCRYPT_MODE, iv, aad, aadLength);
        return cipher.doFinal(in, inOffset, length, out, outOffset);
    }

    @Override
    public int open(long iv, byte[] aad, int aadLength, byte[] in, int inOffset, int length, byte[] out, int outOffset)
            throws GeneralSecurityException {
        if (length < ICV_BITS / 8) {
            throw new AEADBadTagException("a packet of " + length + " octets cannot hold the 16-octet ICV");
        }
        start(Cipher.DECRYPT_MODE, iv, aad, aadLength);
        return cipher.doFinal(in, inOffset, length, out, outOffset);
    }

    private void start(int mode, long iv, byte[] aad, int aadLength) throws GeneralSecurityException {
        for (int i = 0; i < 8; i++) {
            nonce[SALT + i] = (byte) (iv >>> (56 - 8 * i));
        }
        cipher.init(mode, key, new GCMParameterSpec(ICV_BITS, nonce));
        cipher.updateAAD(aad, 0, aadLength);
    }
}
