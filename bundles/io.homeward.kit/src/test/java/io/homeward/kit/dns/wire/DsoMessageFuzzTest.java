package io.homeward.kit.dns.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes a DNS-over-TLS peer sends as a DSO message (RFC 8490 §5.4): {@link DsoMessage#parse} gives a message or
 * throws IllegalArgumentException, and so do the typed readings of each TLV; a parsed message writes back to a
 * message that parses equal.
 */
class DsoMessageFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void aMessageParsesOrIsRefused(byte[] wire) {
        DsoMessage message;
        try {
            message = DsoMessage.parse(wire);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertEquals(message, DsoMessage.parse(message.toWire()));
        for (DsoMessage.Tlv tlv : message.tlvs()) {
            readTypedValues(tlv);
        }
    }

    private static void readTypedValues(DsoMessage.Tlv tlv) {
        try {
            switch (tlv.type()) {
                case DsoMessage.KEEPALIVE -> assertEquals(tlv,
                        DsoMessage.Tlv.keepalive(tlv.inactivityTimeoutMillis(), tlv.keepaliveIntervalMillis()));
                case DsoMessage.RETRY_DELAY -> assertEquals(tlv, DsoMessage.Tlv.retryDelay(tlv.retryDelayMillis()));
                case DsoMessage.UNSUBSCRIBE -> assertEquals(tlv, DsoMessage.Tlv.unsubscribe(tlv.subscriptionId()));
                default -> tlv.toString();
            }
        } catch (IllegalArgumentException refused) {
            // a TLV of the type with the wrong length: refused, as documented
        }
    }
}
