package io.homeward.kerberos.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Aes256CtsHmacSha1ProfileTest {
    /**
     * RFC 3962 Appendix B, the 256-bit string-to-key vectors: their last step, DK(PBKDF2 output, "kerberos"), is the
     * key derivation every key usage goes through.
     */
    @ParameterizedTest(name = "DK({0}, \"kerberos\")")
    @CsvSource({
        "cdedb5281bb2f801565a1122b25635150ad1f7a04bb9f3a333ecc0e2e1f70837,"
                + " fe697b52bc0d3ce14432ba036a92e65bbb52280990a2fa27883998d72af30161",
        "01dbee7f4a9e243e988b62c73cda935da05378b93244ec8f48a99e61ad799d86,"
                + " a2e16d16b36069c135d5e9d2e25f896102685618b95914b467c67622225824ff",
        "5c08eb61fdf71e4e4ec3cf6ba1f5512ba7e52ddbc5e5142f708a31e2e62b1e13,"
                + " 55a6ac740ad17b4846941051e1e8b0a7548d93b0ab30a8bc3ff16280382b8c2a",
        "d1daa78615f287e6a1c8b120d7062a493f98d203e6be49a6adf4fa574b6e64ee,"
                + " 97a4e786be20d81a382d5ebc96d5909cabcdadc87ca48f574504159f16c36e31",
        "139c30c0966bc32ba55fdbf212530ac9c5ec59f1a452f5cc9ad940fea0598ed1,"
                + " 89adee3608db8bc71f1bfbfe459486b05618b70cbae22092534e56c553ba4b34",
        "9ccad6d468770cd51b10e6a68721be611a8b4d282601db3b36be9246915ec82a,"
                + " d78c5c9cb872a8c9dad4697f0bb5b2d21496c82beb2caeda2112fceea057401b",
        "6b9cf26d45455a43a5b8bb276a403b39e7fe37a0c41e02c281ff3069e1e94f52,"
                + " 4b6d9839f84406df1f09cc166db4b83c571848b784a3d6bdc346589a3e393f9e",
    })
    void derivesRfc3962AppendixBKeys(String pbkdf2Output, String key) {
        byte[] derived = Aes256CtsHmacSha1Profile.dk(HexFormat.of().parseHex(pbkdf2Output),
                "kerberos".getBytes(StandardCharsets.US_ASCII));
        assertEquals(key, HexFormat.of().formatHex(derived));
    }
}
