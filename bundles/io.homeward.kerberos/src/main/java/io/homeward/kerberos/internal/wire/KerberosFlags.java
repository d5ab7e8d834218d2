package io.homeward.kerberos.internal.wire;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;

/**
 * KerberosFlags (RFC 4120 §5.2.8): KDCOptions, TicketFlags and APOptions, a BIT STRING of 32 bits, bit 0 first.
 * Bit numbers are in {@link KdcOptions}, {@link TicketFlags} and {@link ApOptions}. Read leniently as RFC 4120
 * asks: fewer bits are zero-filled, bits past 31 are ignored; written as exactly 32 bits.
 */
public record KerberosFlags(int bits) implements DerEncodable {
    public static final KerberosFlags NONE = new KerberosFlags(0);
    private static final int WIDTH = 32;

    /** The flags with the given bit numbers set. */
    public static KerberosFlags of(int... set) {
        KerberosFlags flags = NONE;
        for (int bit : set) {
            flags = flags.with(bit);
        }
        return flags;
    }

    public boolean has(int bit) {
        return (bits & mask(bit)) != 0;
    }

    public KerberosFlags with(int bit) {
        return new KerberosFlags(bits | mask(bit));
    }

    public KerberosFlags without(int bit) {
        return new KerberosFlags(bits & ~mask(bit));
    }

    private static int mask(int bit) {
        if (bit < 0 || bit >= WIDTH) {
            throw new IllegalArgumentException("Kerberos flags are bits 0 to 31, not " + bit);
        }
        return 1 << (WIDTH - 1 - bit);
    }

    public static KerberosFlags decode(byte[] der) throws KerberosFormatException {
        return fromAsn1(Der.parse(der, "KerberosFlags"));
    }

    public static KerberosFlags fromAsn1(ASN1Primitive value) throws KerberosFormatException {
        ASN1BitString bitString = Der.bitString(value, "KerberosFlags");
        byte[] octets = bitString.getBytes();
        int bits = 0;
        for (int i = 0; i < Integer.BYTES; i++) {
            bits = bits << 8 | (i < octets.length ? octets[i] & 0xff : 0);
        }
        return new KerberosFlags(bits);
    }

    @Override
    public ASN1Primitive toAsn1() {
        return new DERBitString(new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8),
            (byte) bits}, 0);
    }
}
