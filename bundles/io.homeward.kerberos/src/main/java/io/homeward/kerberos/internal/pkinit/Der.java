package io.homeward.kerberos.internal.pkinit;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERTaggedObject;

/**
 * Bounded DER reading for the PKINIT structures: one object of at most a given size, nothing after it, and every
 * Bouncy Castle complaint turned into {@link MalformedPkinitException}. The RFC 4556 module uses EXPLICIT tags, so
 * a SEQUENCE's fields are {@code [n]} context tags read with {@link #fields}.
 */
final class Der {
    /** Nesting of the structures read here; far below what a stack overflow needs. */
    private static final int MAX_DEPTH = 32;

    private Der() {
    }

    static ASN1Primitive read(byte[] bytes, int maxLength, String what) throws MalformedPkinitException {
        if (bytes.length > maxLength) {
            throw new MalformedPkinitException(what + " of " + bytes.length + " octets, at most " + maxLength);
        }
        try (ASN1InputStream in = new ASN1InputStream(bytes)) {
            ASN1Primitive object = in.readObject();
            if (object == null || in.available() > 0) {
                throw new MalformedPkinitException(what + " is not exactly one DER object");
            }
            depth(object, 0, what);
            return object;
        } catch (IOException | RuntimeException e) {
            throw new MalformedPkinitException(what + " is not DER: " + e.getMessage());
        }
    }

    static ASN1Sequence sequence(ASN1Encodable object, String what) throws MalformedPkinitException {
        if (!(object instanceof ASN1Sequence sequence)) {
            throw new MalformedPkinitException(what + " is not a SEQUENCE");
        }
        return sequence;
    }

    /**
     * The context-tagged fields of a SEQUENCE by tag number, in increasing order and each at most once; tags this
     * host does not know are kept for the caller to ignore (the structures are extensible, "...").
     */
    static Fields fields(ASN1Encodable object, String what) throws MalformedPkinitException {
        Map<Integer, ASN1TaggedObject> fields = new HashMap<>();
        int last = -1;
        for (ASN1Encodable element : sequence(object, what)) {
            if (!(element instanceof ASN1TaggedObject tagged) || tagged.getTagClass() != BERTags.CONTEXT_SPECIFIC
                    || tagged.getTagNo() <= last) {
                throw new MalformedPkinitException(what + " has a field that is not the next context tag");
            }
            last = tagged.getTagNo();
            fields.put(last, tagged);
        }
        return new Fields(fields, what);
    }

    static byte[] encode(ASN1Encodable object) {
        try {
            return object.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory failed", e);
        }
    }

    static DERTaggedObject explicit(int tag, ASN1Encodable value) {
        return new DERTaggedObject(true, tag, value);
    }

    private static void depth(ASN1Primitive object, int depth, String what) throws MalformedPkinitException {
        if (depth > MAX_DEPTH) {
            throw new MalformedPkinitException(what + " nests deeper than " + MAX_DEPTH);
        }
        if (object instanceof ASN1Sequence sequence) {
            for (ASN1Encodable element : sequence) {
                depth(element.toASN1Primitive(), depth + 1, what);
            }
        } else if (object instanceof ASN1TaggedObject tagged && tagged.isExplicit()) {
            depth(tagged.getBaseObject().toASN1Primitive(), depth + 1, what);
        }
    }

    /** The fields of one SEQUENCE. */
    static final class Fields {
        private final Map<Integer, ASN1TaggedObject> fields;
        private final String what;

        private Fields(Map<Integer, ASN1TaggedObject> fields, String what) {
            this.fields = fields;
            this.what = what;
        }

        boolean has(int tag) {
            return fields.containsKey(tag);
        }

        /** The value of an EXPLICIT field. */
        ASN1Primitive explicit(int tag) throws MalformedPkinitException {
            ASN1TaggedObject field = tagged(tag);
            if (!field.isExplicit()) {
                throw new MalformedPkinitException(what + " field [" + tag + "] is not EXPLICIT");
            }
            return field.getExplicitBaseObject().toASN1Primitive();
        }

        /** The octets of an {@code [n] IMPLICIT OCTET STRING} field. */
        byte[] implicitOctets(int tag) throws MalformedPkinitException {
            try {
                return ASN1OctetString.getInstance(tagged(tag), false).getOctets();
            } catch (RuntimeException e) {
                throw new MalformedPkinitException(what + " field [" + tag + "] is not an OCTET STRING");
            }
        }

        byte[] octets(int tag) throws MalformedPkinitException {
            if (!(explicit(tag) instanceof ASN1OctetString octets)) {
                throw new MalformedPkinitException(what + " field [" + tag + "] is not an OCTET STRING");
            }
            return octets.getOctets();
        }

        Optional<byte[]> optionalOctets(int tag) throws MalformedPkinitException {
            return has(tag) ? Optional.of(octets(tag)) : Optional.empty();
        }

        /** An INTEGER field in {@code [min, max]}. */
        long integer(int tag, long min, long max) throws MalformedPkinitException {
            if (!(explicit(tag) instanceof ASN1Integer integer)) {
                throw new MalformedPkinitException(what + " field [" + tag + "] is not an INTEGER");
            }
            BigInteger value = integer.getValue();
            if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
                throw new MalformedPkinitException(what + " field [" + tag + "] is " + value + ", not in ["
                        + min + ", " + max + "]");
            }
            return value.longValueExact();
        }

        /** The elements of a {@code SEQUENCE OF} field, at most {@code max} of them. */
        List<ASN1Primitive> sequenceOf(int tag, int max) throws MalformedPkinitException {
            ASN1Sequence sequence = sequence(explicit(tag), what + " field [" + tag + "]");
            if (sequence.size() > max) {
                throw new MalformedPkinitException(what + " field [" + tag + "] has " + sequence.size()
                        + " elements, at most " + max);
            }
            List<ASN1Primitive> elements = new ArrayList<>();
            for (ASN1Encodable element : sequence) {
                elements.add(element.toASN1Primitive());
            }
            return elements;
        }

        private ASN1TaggedObject tagged(int tag) throws MalformedPkinitException {
            ASN1TaggedObject field = fields.get(tag);
            if (field == null) {
                throw new MalformedPkinitException(what + " lacks field [" + tag + "]");
            }
            return field;
        }
    }
}
