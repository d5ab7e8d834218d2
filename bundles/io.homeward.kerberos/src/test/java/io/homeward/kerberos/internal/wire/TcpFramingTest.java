package io.homeward.kerberos.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** RFC 4120 §7.2.2: a four-octet big-endian length, its high bit reserved. */
class TcpFramingTest {

    @Test
    void framesWithABigEndianLength() throws KerberosFormatException {
        byte[] message = Samples.octets(300, 1);
        byte[] framed = TcpFraming.frame(message);
        assertArrayEquals(HexFormat.of().parseHex("0000012c"), java.util.Arrays.copyOf(framed, 4));
        assertEquals(300, TcpFraming.messageLength(framed, 0));
    }

    @Test
    void theReservedBitAndOversizedMessagesAreFieldTooLong() {
        for (String prefix : new String[] {"80000010", "ffffffff", "00010001"}) {
            KerberosFormatException refused = assertThrows(KerberosFormatException.class,
                    () -> TcpFraming.messageLength(HexFormat.of().parseHex(prefix), 0));
            assertEquals(ErrorCodes.KRB_ERR_FIELD_TOOLONG, refused.errorCode());
        }
    }

    @Test
    void emptyAndShortPrefixesAreRefused() {
        assertThrows(KerberosFormatException.class, () -> TcpFraming.messageLength(new byte[4], 0));
        assertThrows(KerberosFormatException.class, () -> TcpFraming.messageLength(new byte[5], 2));
    }

    @Test
    void theLargestAcceptedMessage() throws KerberosFormatException {
        assertEquals(TcpFraming.MAX_MESSAGE_LENGTH, TcpFraming.messageLength(HexFormat.of().parseHex("00010000"), 0));
    }
}
