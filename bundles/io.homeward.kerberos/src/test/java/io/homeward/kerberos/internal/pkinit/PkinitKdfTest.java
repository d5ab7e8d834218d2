package io.homeward.kerberos.internal.pkinit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The AES test vectors of RFC 8636 §8 (all-zero 256-octet Z, lha@SU.SE and krbtgt/SU.SE@SU.SE as NT-PRINCIPAL); its
 * third vector is for DES3, whose random-to-key this host does not have.
 */
class PkinitKdfTest {
    private static final byte[] SECRET = new byte[256];
    private static final Krb5PrincipalName CLIENT = new Krb5PrincipalName(Krb5PrincipalName.NT_PRINCIPAL,
            List.of("lha"), "SU.SE");
    private static final Krb5PrincipalName KDC = new Krb5PrincipalName(Krb5PrincipalName.NT_PRINCIPAL,
            List.of("krbtgt", "SU.SE"), "SU.SE");

    @Test
    void sha1WithAes256() {
        assertEquals("e6ab38c9413e035bb079201ed0b6b73d8d49a814a737c04ee6649614206f73ad",
                derive(PkinitKdf.SHA1, 18, 32));
    }

    @Test
    void sha256WithAes256() {
        assertEquals("77ef4e48c420ae3fec75109d7981697eed5d295c90c62564f7bfd101fa9bc1d5",
                derive(PkinitKdf.SHA256, 18, 32));
    }

    private static String derive(PkinitKdf kdf, int enctype, int length) {
        byte[] asReq = new byte[10];
        Arrays.fill(asReq, (byte) 0xaa);
        byte[] pkAsRep = new byte[9];
        Arrays.fill(pkAsRep, (byte) 0xbb);
        return HexFormat.of().formatHex(kdf.derive(SECRET, CLIENT, KDC, enctype, asReq, pkAsRep, length));
    }
}
