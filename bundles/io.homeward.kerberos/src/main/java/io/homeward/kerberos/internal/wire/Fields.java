package io.homeward.kerberos.internal.wire;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;

/**
 * The fields of a SEQUENCE whose components are all {@code [n]} EXPLICIT (RFC 4120 §5.2, and the SPNEGO and PKINIT
 * types built the same way), in ascending tag order, none unknown. Each read names its field, so that a refusal
 * says where it happened.
 */
final class Fields {
    private final ASN1Primitive[] byTag;
    private final String what;

    private Fields(ASN1Primitive[] byTag, String what) {
        this.byTag = byTag;
        this.what = what;
    }

    /** The fields of {@code value}, a SEQUENCE with tags from 0 to {@code maxTag}. */
    static Fields of(ASN1Encodable value, int maxTag, String what) throws KerberosFormatException {
        return of(value, 0, maxTag, what);
    }

    /** The fields of {@code value}, a SEQUENCE with tags from {@code minTag} to {@code maxTag}. */
    static Fields of(ASN1Encodable value, int minTag, int maxTag, String what) throws KerberosFormatException {
        ASN1Sequence sequence = Der.sequence(value, what);
        ASN1Primitive[] byTag = new ASN1Primitive[maxTag + 1];
        int last = -1;
        for (ASN1Encodable element : sequence) {
            if (!(element instanceof ASN1TaggedObject tagged) || tagged.getTagClass() != BERTags.CONTEXT_SPECIFIC) {
                throw new KerberosFormatException(what + ": a component without its context tag");
            }
            int tag = tagged.getTagNo();
            if (tag < minTag || tag > maxTag) {
                throw new KerberosFormatException(what + ": unknown field [" + tag + "]");
            }
            if (tag <= last) {
                throw new KerberosFormatException(what + ": field [" + tag + "] out of order or repeated");
            }
            byTag[tag] = Der.explicitContents(tagged, what);
            last = tag;
        }
        return new Fields(byTag, what);
    }

    boolean has(int tag) {
        return byTag[tag] != null;
    }

    <T> T required(int tag, String name, Der.Reader<T> reader) throws KerberosFormatException {
        if (byTag[tag] == null) {
            throw new KerberosFormatException(what + ": no " + name + " [" + tag + "]");
        }
        try {
            return reader.read(byTag[tag]);
        } catch (KerberosFormatException e) {
            throw e.within(what + " " + name);
        }
    }

    <T> Optional<T> optional(int tag, String name, Der.Reader<T> reader) throws KerberosFormatException {
        return has(tag) ? Optional.of(required(tag, name, reader)) : Optional.empty();
    }

    /** An OPTIONAL SEQUENCE OF: empty when absent. */
    <T> List<T> list(int tag, String name, Der.Reader<T> reader) throws KerberosFormatException {
        return has(tag) ? required(tag, name, value -> Der.sequenceOf(value, reader, name)) : List.of();
    }

    int int32(int tag, String name) throws KerberosFormatException {
        return required(tag, name, value -> Der.int32(value, name));
    }

    long uint32(int tag, String name) throws KerberosFormatException {
        return required(tag, name, value -> Der.uint32(value, name));
    }

    int microseconds(int tag, String name) throws KerberosFormatException {
        return required(tag, name, value -> Der.microseconds(value, name));
    }

    byte[] octets(int tag, String name) throws KerberosFormatException {
        return required(tag, name, value -> Der.octets(value, name));
    }

    String string(int tag, String name) throws KerberosFormatException {
        return required(tag, name, value -> Der.string(value, name));
    }

    Instant time(int tag, String name) throws KerberosFormatException {
        return required(tag, name, value -> KerberosTime.fromAsn1(value, name));
    }

    Optional<Instant> optionalTime(int tag, String name) throws KerberosFormatException {
        return optional(tag, name, value -> KerberosTime.fromAsn1(value, name));
    }

    /** The protocol version field, which is 5 (RFC 4120 §5.4.1); another is KRB_AP_ERR_BADVERSION. */
    void version(int tag, String name) throws KerberosFormatException {
        int pvno = int32(tag, name);
        if (pvno != KerberosMessage.PVNO) {
            throw new KerberosFormatException(ErrorCodes.KRB_AP_ERR_BADVERSION, what + ": protocol version " + pvno);
        }
    }

    /** The msg-type field, which must agree with the application tag; another is KRB_AP_ERR_MSG_TYPE. */
    void messageType(int tag, int expected) throws KerberosFormatException {
        int type = int32(tag, "msg-type");
        if (type != expected) {
            throw new KerberosFormatException(ErrorCodes.KRB_AP_ERR_MSG_TYPE,
                    what + ": msg-type " + type + " in [APPLICATION " + expected + "]");
        }
    }
}
