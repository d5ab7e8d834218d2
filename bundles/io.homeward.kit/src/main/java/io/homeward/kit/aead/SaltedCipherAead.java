package io.homeward.kit.aead;

import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import io.homeward.api.crypto.PacketAead;

/**
 * One direction of one SA on a JDK AEAD cipher whose key material is the key followed by a salt. Keeps one
 * Cipher and key; each packet costs only an init. Subclasses name the cipher and build its parameters.
 */
public abstract class SaltedCipherAead implements PacketAead {
    private final Cipher cipher;
    private final SecretKeySpec key;
    private final SaltedNonce nonce;
    private final int icvLength;

    /** The key material's length must already be checked ({@link KeyMaterial}). */
    protected SaltedCipherAead(byte[] keyMaterial, String keyAlgorithm, String transformation, int icvLength)
            throws GeneralSecurityException {
        this.key = new SecretKeySpec(keyMaterial, 0, keyMaterial.length - SaltedNonce.SALT_LENGTH, keyAlgorithm);
        this.nonce = new SaltedNonce(keyMaterial);
        this.cipher = Cipher.getInstance(transformation);
        this.icvLength = icvLength;
    }

    /** The cipher parameters for one packet's nonce. */
    protected abstract AlgorithmParameterSpec parameters(byte[] nonce);

    @Override
    public int seal(long iv, byte[] aad, int aadLength, byte[] in, int inOffset, int length, byte[] out, int outOffset)
            throws GeneralSecurityException {
        begin(Cipher.ENCRYPT_MODE, iv);
        cipher.updateAAD(aad, 0, aadLength);
        return cipher.doFinal(in, inOffset, length, out, outOffset);
    }

    @Override
    public int open(long iv, byte[] aad, int aadLength, byte[] in, int inOffset, int length, byte[] out, int outOffset)
            throws GeneralSecurityException {
        if (length < icvLength) {
            throw new AEADBadTagException("a packet of " + length + " octets cannot hold the " + icvLength + "-octet ICV");
        }
        begin(Cipher.DECRYPT_MODE, iv);
        cipher.updateAAD(aad, 0, aadLength);
        return cipher.doFinal(in, inOffset, length, out, outOffset);
    }

    /** Readies the cipher for one packet; a cipher with init rules of its own overrides this around {@link #init}. */
    protected void begin(int mode, long iv) throws GeneralSecurityException {
        init(mode, iv);
    }

    protected final void init(int mode, long iv) throws GeneralSecurityException {
        cipher.init(mode, key, parameters(nonce.withIv(iv)));
    }
}
