package io.homeward.watcher.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.crypto.spec.SecretKeySpec;

import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

import io.homeward.api.auth.TsigKey;
import io.homeward.kit.dns.TsigSigner;

/** The user's key of the byte-by-byte examples (alice, hmac-sha256, secret 0x10..0x2F). */
public final class TestKeys {
    public static final String ZONE = "alice.btmm.example.";
    static final TsigKey KEY = new TsigKey(ZONE, "hmac-sha256.", secret());
    public static final Clock FIXED = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    private TestKeys() {
    }

    static byte[] secret() {
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (0x10 + i);
        }
        return secret;
    }

    public static TsigSigner signer(Clock clock) {
        return new TsigSigner(KEY, clock);
    }

    /** The server's side of the same key. */
    static TSIG serverTsig(Clock clock) {
        return new TSIG(TSIG.HMAC_SHA256, Name.fromConstantString(ZONE), new SecretKeySpec(secret(), "HmacSHA256"),
                clock);
    }

    static TsigKey wrongKey() {
        return new TsigKey(ZONE, "hmac-sha256.", new byte[32]);
    }
}
