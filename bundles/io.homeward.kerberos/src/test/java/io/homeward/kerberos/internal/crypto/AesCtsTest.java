package io.homeward.kerberos.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AesCtsTest {
    /** RFC 3962 Appendix B: the AES-128 key "chicken teriyaki", a zero IV. */
    private static final SecretKey CHICKEN_TERIYAKI =
            new SecretKeySpec("chicken teriyaki".getBytes(StandardCharsets.US_ASCII), "AES");
    private static final String SOUP = "I would like the General Gau's Chicken, please, and wonton soup.";

    /** RFC 3962 Appendix B: the first octets of the sentence and their ciphertext. */
    @ParameterizedTest(name = "{0} octets")
    @CsvSource({
        "17, c6353568f2bf8cb4d8a580362da7ff7f97",
        "31, fc00783e0efdb2c1d445d4c8eff7ed2297687268d6ecccc0c07b25e25ecfe5",
        "32, 39312523a78662d5be7fcbcc98ebf5a897687268d6ecccc0c07b25e25ecfe584",
        "47, 97687268d6ecccc0c07b25e25ecfe584b3fffd940c16a18c1b5549d2f838029e39312523a78662d5be7fcbcc98ebf5",
        "48, 97687268d6ecccc0c07b25e25ecfe5849dad8bbb96c4cdc03bc103e1a194bbd839312523a78662d5be7fcbcc98ebf5a8",
        "64, 97687268d6ecccc0c07b25e25ecfe58439312523a78662d5be7fcbcc98ebf5a84807efe836ee89a526730dbc2f7bc840"
                + "9dad8bbb96c4cdc03bc103e1a194bbd8",
    })
    void encryptsAndDecryptsRfc3962AppendixB(int length, String ciphertext) {
        byte[] plaintext = Arrays.copyOf(SOUP.getBytes(StandardCharsets.US_ASCII), length);
        byte[] encrypted = new byte[length];
        AesCts.encrypt(CHICKEN_TERIYAKI, plaintext, encrypted, length);
        assertEquals(ciphertext, HexFormat.of().formatHex(encrypted));

        byte[] decrypted = new byte[length];
        AesCts.decrypt(CHICKEN_TERIYAKI, HexFormat.of().parseHex(ciphertext), decrypted, length);
        assertArrayEquals(plaintext, decrypted);
    }

    @Test
    void aSingleBlockIsPlainAes() {
        byte[] block = Arrays.copyOf(SOUP.getBytes(StandardCharsets.US_ASCII), 16);
        byte[] encrypted = new byte[16];
        AesCts.encrypt(CHICKEN_TERIYAKI, block, encrypted, 16);
        // The first block of the 32-octet vector's CBC chain, which CTS moves to the end.
        assertEquals("97687268d6ecccc0c07b25e25ecfe584", HexFormat.of().formatHex(encrypted));
    }

    @Test
    void roundTripsEveryLengthFromOneToFiveBlocksWithAnAes256Key() {
        Random random = new Random(3962);
        byte[] key = new byte[32];
        random.nextBytes(key);
        SecretKey aes256 = new SecretKeySpec(key, "AES");
        for (int length = 16; length <= 80; length++) {
            byte[] plaintext = new byte[length];
            random.nextBytes(plaintext);
            byte[] encrypted = new byte[length];
            AesCts.encrypt(aes256, plaintext, encrypted, length);
            byte[] decrypted = new byte[length];
            AesCts.decrypt(aes256, encrypted, decrypted, length);
            assertArrayEquals(plaintext, decrypted, "length " + length);
        }
    }

    @Test
    void refusesLessThanABlock() {
        assertThrows(IllegalArgumentException.class, () -> AesCts.encrypt(CHICKEN_TERIYAKI, new byte[15], new byte[15], 15));
    }
}
