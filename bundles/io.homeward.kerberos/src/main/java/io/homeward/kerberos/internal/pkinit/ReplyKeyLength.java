package io.homeward.kerberos.internal.pkinit;

import io.homeward.kerberos.internal.crypto.EncryptionType;

/** The octets PKINIT derives for a reply key: random-to-key's input (RFC 3961 §3), 32 for both AES-256 types. */
final class ReplyKeyLength {
    private ReplyKeyLength() {
    }

    static int of(EncryptionType type) {
        return switch (type) {
            case AES256_CTS_HMAC_SHA1_96, AES256_CTS_HMAC_SHA384_192 -> 32;
        };
    }
}
