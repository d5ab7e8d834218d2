package io.homeward.ike.internal.crypto;

import java.util.Arrays;

/**
 * KEYMAT for one Child SA with an AEAD cipher (RFC 7296 §2.17): first the key material of the SA carrying what the
 * initiator of the creating exchange sends, then that of the other direction; each is the cipher key followed by
 * the 4-octet salt (RFC 4106 §8.1, RFC 7634 §4), with no integrity key.
 */
public record ChildSaKeys(byte[] initiatorToResponder, byte[] responderToInitiator) {

    public ChildSaKeys {
        initiatorToResponder = initiatorToResponder.clone();
        responderToInitiator = responderToInitiator.clone();
    }

    /** KEYMAT = prf+(SK_d, Ni | Nr): the first Child SA, or CREATE_CHILD_SA without a KE payload. */
    public static ChildSaKeys derive(Prf prf, byte[] skD, byte[] ni, byte[] nr, int keyMaterialLength) {
        return split(prf.plus(skD, Bytes.concat(ni, nr), 2 * keyMaterialLength), keyMaterialLength);
    }

    /** KEYMAT = prf+(SK_d, g^ir (new) | Ni | Nr): CREATE_CHILD_SA with a new key exchange. */
    public static ChildSaKeys derive(Prf prf, byte[] skD, byte[] sharedSecret, byte[] ni, byte[] nr,
            int keyMaterialLength) {
        return split(prf.plus(skD, Bytes.concat(sharedSecret, ni, nr), 2 * keyMaterialLength), keyMaterialLength);
    }

    private static ChildSaKeys split(byte[] keymat, int length) {
        return new ChildSaKeys(Arrays.copyOfRange(keymat, 0, length), Arrays.copyOfRange(keymat, length, 2 * length));
    }

    /** The key material for packets this side receives, given whether it initiated the creating exchange. */
    public byte[] inbound(boolean initiatedExchange) {
        return initiatedExchange ? responderToInitiator() : initiatorToResponder();
    }

    /** The key material for packets this side sends. */
    public byte[] outbound(boolean initiatedExchange) {
        return initiatedExchange ? initiatorToResponder() : responderToInitiator();
    }

    @Override
    public byte[] initiatorToResponder() {
        return initiatorToResponder.clone();
    }

    @Override
    public byte[] responderToInitiator() {
        return responderToInitiator.clone();
    }

    /** Keys never appear in logs. */
    @Override
    public String toString() {
        return "ChildSaKeys[key material octets=" + initiatorToResponder.length + "]";
    }
}
