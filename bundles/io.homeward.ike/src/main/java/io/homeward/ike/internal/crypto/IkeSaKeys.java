package io.homeward.ike.internal.crypto;

import java.util.Arrays;

/**
 * The keys of an IKE SA with an AEAD cipher (RFC 7296 §2.14): SK_d for Child SAs, SK_ei/SK_er protecting what the
 * original initiator/responder sends (each the cipher key followed by its salt, RFC 5282 §7.1, RFC 7634 §3), and
 * SK_pi/SK_pr for AUTH. An AEAD has no integrity keys, so SK_ai and SK_ar are empty and left out.
 */
public record IkeSaKeys(Prf prf, byte[] skD, byte[] skEi, byte[] skEr, byte[] skPi, byte[] skPr) {

    public IkeSaKeys {
        skD = skD.clone();
        skEi = skEi.clone();
        skEr = skEr.clone();
        skPi = skPi.clone();
        skPr = skPr.clone();
    }

    /** SKEYSEED = prf(Ni | Nr, g^ir) for a new IKE SA (§2.14). */
    public static byte[] skeyseed(Prf prf, byte[] sharedSecret, byte[] ni, byte[] nr) {
        return prf.apply(Bytes.concat(ni, nr), sharedSecret);
    }

    /**
     * The keys of a new IKE SA.
     *
     * @param encryptionKeyLength octets of SK_ei and SK_er: the cipher key and the 4-octet salt
     */
    public static IkeSaKeys derive(Prf prf, int encryptionKeyLength, byte[] sharedSecret, byte[] ni, byte[] nr,
            long initiatorSpi, long responderSpi) {
        return split(prf, encryptionKeyLength, skeyseed(prf, sharedSecret, ni, nr), ni, nr, initiatorSpi, responderSpi);
    }

    /**
     * The keys of the IKE SA that replaces this one (§2.18): SKEYSEED = prf(SK_d (old), g^ir (new) | Ni | Nr) with
     * this SA's PRF, as the rekeying exchange belongs to it; the keys from SKEYSEED with the new SA's PRF.
     */
    public IkeSaKeys rekey(Prf newPrf, int encryptionKeyLength, byte[] sharedSecret, byte[] ni, byte[] nr,
            long initiatorSpi, long responderSpi) {
        byte[] skeyseed = prf.apply(skD, sharedSecret, ni, nr);
        return split(newPrf, encryptionKeyLength, skeyseed, ni, nr, initiatorSpi, responderSpi);
    }

    private static IkeSaKeys split(Prf prf, int encryptionKeyLength, byte[] skeyseed, byte[] ni, byte[] nr,
            long initiatorSpi, long responderSpi) {
        int k = prf.length();
        byte[] stream = prf.plus(skeyseed, Bytes.concat(ni, nr, Bytes.spi(initiatorSpi), Bytes.spi(responderSpi)),
                3 * k + 2 * encryptionKeyLength);
        int e = encryptionKeyLength;
        return new IkeSaKeys(prf, Arrays.copyOfRange(stream, 0, k), Arrays.copyOfRange(stream, k, k + e),
                Arrays.copyOfRange(stream, k + e, k + 2 * e), Arrays.copyOfRange(stream, k + 2 * e, 2 * k + 2 * e),
                Arrays.copyOfRange(stream, 2 * k + 2 * e, 3 * k + 2 * e));
    }

    @Override
    public byte[] skD() {
        return skD.clone();
    }

    @Override
    public byte[] skEi() {
        return skEi.clone();
    }

    @Override
    public byte[] skEr() {
        return skEr.clone();
    }

    @Override
    public byte[] skPi() {
        return skPi.clone();
    }

    @Override
    public byte[] skPr() {
        return skPr.clone();
    }

    /** Keys never appear in logs. */
    @Override
    public String toString() {
        return "IkeSaKeys[prf=" + prf + ", encryption key octets=" + skEi.length + "]";
    }
}
