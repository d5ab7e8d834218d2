package io.homeward.kerberos.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** KerberosFlags are a BIT STRING of 32 bits, bit 0 the most significant bit of the first octet (RFC 4120 §5.2.8). */
class KerberosFlagsTest {

    @Test
    void bitOneIsTheSecondBitOfTheFirstOctet() {
        assertArrayEquals(HexFormat.of().parseHex("03050040000000"),
                KerberosFlags.of(KdcOptions.FORWARDABLE).encode());
        assertArrayEquals(HexFormat.of().parseHex("03050050800010"), KerberosFlags.of(KdcOptions.FORWARDABLE,
                KdcOptions.PROXIABLE, KdcOptions.RENEWABLE, KdcOptions.RENEWABLE_OK).encode());
        assertArrayEquals(HexFormat.of().parseHex("03050000000000"), KerberosFlags.NONE.encode());
    }

    @Test
    void shorterBitStringsAreZeroFilledAndLongerOnesCut() throws KerberosFormatException {
        KerberosFlags shortOne = KerberosFlags.decode(HexFormat.of().parseHex("03020640"));
        assertTrue(shortOne.has(1));
        assertFalse(shortOne.has(0));
        KerberosFlags longOne = KerberosFlags.decode(HexFormat.of().parseHex("0306008000000101"));
        assertEquals(KerberosFlags.of(0, 31), longOne);
        assertEquals(KerberosFlags.NONE, KerberosFlags.decode(HexFormat.of().parseHex("030100")));
    }

    @Test
    void setAndClearBits() {
        KerberosFlags flags = KerberosFlags.of(TicketFlags.INITIAL).with(TicketFlags.PRE_AUTHENT);
        assertTrue(flags.has(TicketFlags.INITIAL) && flags.has(TicketFlags.PRE_AUTHENT));
        assertFalse(flags.without(TicketFlags.INITIAL).has(TicketFlags.INITIAL));
        assertThrows(IllegalArgumentException.class, () -> flags.with(32));
    }
}
