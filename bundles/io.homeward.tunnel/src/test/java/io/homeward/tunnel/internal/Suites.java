package io.homeward.tunnel.internal;

import java.lang.annotation.Annotation;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.crypto.PacketAead;
import io.homeward.crypto.aesgcm.internal.AesGcmSuite;
import io.homeward.crypto.chacha20.internal.ChaCha20Suite;
import io.homeward.testkit.RecordingLogger;

/** The real crypto suites and a worked example of one ESP packet (RFC 4303 §2 with RFC 4106 AES-GCM). */
final class Suites {
    static final HexFormat HEX = HexFormat.of();
    static final CryptoSuite AES_GCM = new AesGcmSuite(new AesGcmSuite.Config() {
        @Override
        public int service_ranking() {
            return 200;
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return AesGcmSuite.Config.class;
        }
    }, new RecordingLogger().logger());
    static final CryptoSuite CHACHA20 = new ChaCha20Suite(new ChaCha20Suite.Config() {
        @Override
        public int service_ranking() {
            return 100;
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return ChaCha20Suite.Config.class;
        }
    }, new RecordingLogger().logger());

    /** The ICMPv6 echo request from fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c to fd77:1e08:2f6c:d913:226:bbff:fe12:3456. */
    static final byte[] INNER = HEX.parseHex("60000000000c3a40fd3c9a51e27d0b44021b63fffe845a0c"
            + "fd771e082f6cd9130226bbfffe123456800045171234000162746d6d");
    static final int EXAMPLE_SPI = 0xC0FFEE01;
    static final byte[] AES_KEY = HEX.parseHex("000102030405060708090a0b0c0d0e0f" + "a0a1a2a3");
    static final byte[] CHACHA_KEY = HEX.parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f" + "b0b1b2b3");

    private Suites() {
    }

    static PacketAead aead(CryptoSuite suite, byte[] keyMaterial) {
        try {
            return suite.newAead(keyMaterial);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] key(CryptoSuite suite, int fill) {
        byte[] key = new byte[suite == AES_GCM ? 20 : 36];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
