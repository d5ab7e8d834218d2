package io.homeward.kerberos.internal.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralString;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERGeneralString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;

/**
 * DER in and out on Bouncy Castle's ASN.1, with the bounds and types of RFC 4120 §5.2: Int32, UInt32,
 * Microseconds, KerberosString (GeneralString of IA5 characters), OCTET STRING, SEQUENCE OF. Every refusal is a
 * {@link KerberosFormatException}; Bouncy Castle's own exceptions never leave.
 */
final class Der {
    /** The most a KDC accepts in one message (RFC 4120 §7.2.2 leaves the limit to the KDC). */
    static final int MAX_MESSAGE_LENGTH = 65_536;
    /** The most elements of one SEQUENCE OF (padata, etypes, addresses, tickets, authorization data, mechanisms). */
    static final int MAX_SEQUENCE_OF = 64;
    /** The most characters of one KerberosString. */
    static final int MAX_STRING_LENGTH = 1024;

    private static final long INT32_MIN = Integer.MIN_VALUE;
    private static final long UINT32_MAX = 0xffff_ffffL;
    private static final int MAX_MICROSECONDS = 999_999;

    private Der() {
    }

    /** The one DER element that {@code bytes} are, checked by {@link TlvScan} first. */
    static ASN1Primitive parse(byte[] bytes, String what) throws KerberosFormatException {
        if (bytes.length > MAX_MESSAGE_LENGTH) {
            throw new KerberosFormatException(ErrorCodes.KRB_ERR_FIELD_TOOLONG,
                    what + " of " + bytes.length + " octets, more than " + MAX_MESSAGE_LENGTH);
        }
        TlvScan.check(bytes, what);
        try {
            return ASN1Primitive.fromByteArray(bytes);
        } catch (IOException | RuntimeException e) {
            throw new KerberosFormatException(what + ": not DER (" + e.getMessage() + ")");
        }
    }

    static byte[] encode(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of the APPLICATION tag on {@code value}, or -1 when it has none. */
    static int applicationTag(ASN1Primitive value) {
        return value instanceof ASN1TaggedObject tagged && tagged.getTagClass() == BERTags.APPLICATION
                ? tagged.getTagNo() : -1;
    }

    /** Checks Microseconds (RFC 4120 §5.2.4) for the records' constructors. */
    static int checkMicroseconds(int micros) {
        if (micros < 0 || micros > MAX_MICROSECONDS) {
            throw new IllegalArgumentException("Microseconds are 0 to 999999, not " + micros);
        }
        return micros;
    }

    /** The contents of {@code [APPLICATION tag]}, which must be explicit. */
    static ASN1Primitive application(ASN1Encodable value, int tag, String what) throws KerberosFormatException {
        if (!(value instanceof ASN1TaggedObject tagged) || tagged.getTagClass() != BERTags.APPLICATION
                || tagged.getTagNo() != tag) {
            throw new KerberosFormatException(ErrorCodes.KRB_AP_ERR_MSG_TYPE, what + ": not [APPLICATION " + tag + "]");
        }
        return explicitContents(tagged, what);
    }

    static ASN1Primitive explicitContents(ASN1TaggedObject tagged, String what) throws KerberosFormatException {
        try {
            if (!tagged.isExplicit()) {
                throw new KerberosFormatException(what + ": tag [" + tagged.getTagNo() + "] is not explicit");
            }
            return tagged.getExplicitBaseObject().toASN1Primitive();
        } catch (IllegalStateException e) {
            throw new KerberosFormatException(what + ": tag [" + tagged.getTagNo() + "] holds no single value");
        }
    }

    static ASN1Sequence sequence(ASN1Encodable value, String what) throws KerberosFormatException {
        if (value instanceof ASN1Sequence sequence) {
            return sequence;
        }
        throw new KerberosFormatException(what + ": not a SEQUENCE");
    }

    /** A SEQUENCE OF with at most {@link #MAX_SEQUENCE_OF} elements, each read by {@code reader}. */
    static <T> List<T> sequenceOf(ASN1Encodable value, Reader<T> reader, String what) throws KerberosFormatException {
        ASN1Sequence sequence = sequence(value, what);
        if (sequence.size() > MAX_SEQUENCE_OF) {
            throw new KerberosFormatException(
                    what + ": " + sequence.size() + " elements, more than " + MAX_SEQUENCE_OF);
        }
        List<T> elements = new ArrayList<>(sequence.size());
        for (int i = 0; i < sequence.size(); i++) {
            try {
                elements.add(reader.read(sequence.getObjectAt(i).toASN1Primitive()));
            } catch (KerberosFormatException e) {
                throw e.within(what + " element " + i);
            }
        }
        return List.copyOf(elements);
    }

    static BigInteger integer(ASN1Primitive value, String what) throws KerberosFormatException {
        if (value instanceof ASN1Integer integer) {
            return integer.getValue();
        }
        throw new KerberosFormatException(what + ": not an INTEGER");
    }

    /** Int32 (RFC 4120 §5.2.4). */
    static int int32(ASN1Primitive value, String what) throws KerberosFormatException {
        BigInteger integer = integer(value, what);
        if (integer.bitLength() > 31) {
            throw new KerberosFormatException(what + ": " + integer + " is not an Int32");
        }
        return integer.intValue();
    }

    /**
     * UInt32 (RFC 4120 §5.2.4). Encoders that write nonces, sequence numbers and key versions as Int32 send
     * negative values; those are kept as read, so that they encode as they came.
     */
    static long uint32(ASN1Primitive value, String what) throws KerberosFormatException {
        BigInteger integer = integer(value, what);
        if (integer.bitLength() > 32 || integer.longValue() < INT32_MIN) {
            throw new KerberosFormatException(what + ": " + integer + " is neither a UInt32 nor an Int32");
        }
        return integer.longValue();
    }

    /** Microseconds (RFC 4120 §5.2.4): 0 to 999999. */
    static int microseconds(ASN1Primitive value, String what) throws KerberosFormatException {
        int micros = int32(value, what);
        if (micros < 0 || micros > MAX_MICROSECONDS) {
            throw new KerberosFormatException(what + ": " + micros + " microseconds");
        }
        return micros;
    }

    static byte[] octets(ASN1Primitive value, String what) throws KerberosFormatException {
        if (value instanceof ASN1OctetString octets) {
            return octets.getOctets();
        }
        throw new KerberosFormatException(what + ": not an OCTET STRING");
    }

    /** KerberosString (RFC 4120 §5.2.1): a GeneralString of IA5 characters. */
    static String string(ASN1Primitive value, String what) throws KerberosFormatException {
        if (!(value instanceof ASN1GeneralString general)) {
            throw new KerberosFormatException(what + ": not a GeneralString");
        }
        byte[] octets = general.getOctets();
        if (octets.length > MAX_STRING_LENGTH) {
            throw new KerberosFormatException(ErrorCodes.KRB_ERR_FIELD_TOOLONG,
                    what + ": " + octets.length + " characters, more than " + MAX_STRING_LENGTH);
        }
        char[] characters = new char[octets.length];
        for (int i = 0; i < octets.length; i++) {
            if (octets[i] < 0) {
                throw new KerberosFormatException(what + ": a character outside IA5");
            }
            characters[i] = (char) octets[i];
        }
        return new String(characters);
    }

    static ASN1ObjectIdentifier oid(ASN1Primitive value, String what) throws KerberosFormatException {
        if (value instanceof ASN1ObjectIdentifier oid) {
            return oid;
        }
        throw new KerberosFormatException(what + ": not an OBJECT IDENTIFIER");
    }

    static ASN1BitString bitString(ASN1Primitive value, String what) throws KerberosFormatException {
        if (value instanceof ASN1BitString bits) {
            return bits;
        }
        throw new KerberosFormatException(what + ": not a BIT STRING");
    }

    /** Checks that {@code string} is a KerberosString, for the records' constructors. */
    static String checkString(String string, String what) {
        if (string.length() > MAX_STRING_LENGTH || !string.chars().allMatch(c -> c < 0x80)) {
            throw new IllegalArgumentException(what + " is no KerberosString of IA5 characters: " + string);
        }
        return string;
    }

    static DERSequence sequence(ASN1Encodable... fields) {
        ASN1EncodableVector vector = new ASN1EncodableVector(fields.length);
        for (ASN1Encodable field : fields) {
            if (field != null) {
                vector.add(field);
            }
        }
        return new DERSequence(vector);
    }

    static DERSequence sequenceOf(List<? extends DerEncodable> elements) {
        ASN1EncodableVector vector = new ASN1EncodableVector(elements.size());
        for (DerEncodable element : elements) {
            vector.add(element.toAsn1());
        }
        return new DERSequence(vector);
    }

    /** {@code [tag]} EXPLICIT around {@code value}, or nothing when the value is absent ({@code null}). */
    static DERTaggedObject field(int tag, ASN1Encodable value) {
        return value == null ? null : new DERTaggedObject(true, tag, value);
    }

    /** An OPTIONAL SEQUENCE OF: absent when empty. */
    static DERSequence optionalSequenceOf(List<? extends DerEncodable> elements) {
        return elements.isEmpty() ? null : sequenceOf(elements);
    }

    static ASN1Primitive application(int tag, ASN1Encodable value) {
        return new DERTaggedObject(true, BERTags.APPLICATION, tag, value);
    }

    static ASN1Integer integer(long value) {
        return new ASN1Integer(value);
    }

    static DEROctetString octets(byte[] value) {
        return new DEROctetString(value);
    }

    static DERGeneralString string(String value) {
        return new DERGeneralString(value);
    }

    /** Reads one value of a type. */
    @FunctionalInterface
    interface Reader<T> {
        T read(ASN1Primitive value) throws KerberosFormatException;
    }
}
