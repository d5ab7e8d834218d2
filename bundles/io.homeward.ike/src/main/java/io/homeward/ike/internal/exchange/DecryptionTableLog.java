package io.homeward.ike.internal.exchange;

import java.util.HexFormat;

import org.osgi.service.log.Logger;

import io.homeward.ike.internal.crypto.IkeSaKeys;
import io.homeward.ike.internal.proposal.Aead;

/**
 * At TRACE only, one line per keyed IKE SA holding a row of Wireshark's IKEv2 decryption table (the
 * {@code ikev2_decryption_table} UAT: initiator's SPI, responder's SPI, SK_ei, SK_er, encryption algorithm, SK_ai,
 * SK_ar, integrity algorithm; in the UAT's record syntax, octets in bare hex and names quoted), so that a capture of
 * its IKE_AUTH and later exchanges can be read. The row holds the SA's keys: it never appears at another level.
 * Wireshark 4.0 decrypts IKE with AES-GCM but not ChaCha20-Poly1305; for that the line says so instead. An AEAD has
 * no integrity keys (RFC 5282 §7.1): SK_ai and SK_ar stay empty.
 */
final class DecryptionTableLog {
    static final String PREFIX = "IKE SA keys, a row of Wireshark's ikev2_decryption_table: ";
    /** The UAT's name of "no integrity algorithm" (RFC 7296 §3.3.2 transform type 3, ID 0). */
    private static final String NO_INTEGRITY = "NONE [RFC4306]";

    private DecryptionTableLog() {
    }

    static void keyed(Logger log, Aead cipher, long initiatorSpi, long responderSpi, IkeSaKeys keys) {
        if (!log.isTraceEnabled()) {
            return;
        }
        if (cipher.transformId() != Aead.AES_GCM_16) {
            log.trace("IKE SA {}: Wireshark's ikev2_decryption_table has no row for ENCR {}", Long.toHexString(
                    initiatorSpi), cipher.transformId());
            return;
        }
        HexFormat hex = HexFormat.of();
        log.trace(PREFIX + "{},{},{},{},\"AES-GCM-{} with 16 octet ICV [RFC5282]\",,,\"{}\"",
                spi(initiatorSpi), spi(responderSpi), hex.formatHex(keys.skEi()), hex.formatHex(keys.skEr()),
                cipher.keyBits(), NO_INTEGRITY);
    }

    private static String spi(long spi) {
        return HexFormat.of().toHexDigits(spi);
    }
}
