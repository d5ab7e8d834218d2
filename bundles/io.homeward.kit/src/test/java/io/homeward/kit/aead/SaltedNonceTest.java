package io.homeward.kit.aead;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class SaltedNonceTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void isTheSaltFromTheEndOfTheKeyMaterialThenTheBigEndianIv() {
        SaltedNonce nonce = new SaltedNonce(HEX.parseHex("000102030405060708090a0b0c0d0e0f" + "a0a1a2a3"));
        assertEquals("a0a1a2a3" + "0000000000000001", HEX.formatHex(nonce.withIv(1)));
        assertEquals("a0a1a2a3" + "0102030405060708", HEX.formatHex(nonce.withIv(0x0102030405060708L)));
        assertEquals("a0a1a2a3" + "ffffffffffffffff", HEX.formatHex(nonce.withIv(-1)));
    }
}
