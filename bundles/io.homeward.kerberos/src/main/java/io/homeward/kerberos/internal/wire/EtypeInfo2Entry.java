package io.homeward.kerberos.internal.wire;

import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Primitive;

/**
 * ETYPE-INFO2-ENTRY (RFC 4120 §5.2.7.5): an encryption type the client may use, with its salt and string-to-key
 * parameters. PA-ETYPE-INFO2 carries a non-empty SEQUENCE OF them.
 */
public record EtypeInfo2Entry(int etype, Optional<String> salt, Optional<byte[]> s2kParams) implements DerEncodable {
    public EtypeInfo2Entry {
        salt.ifPresent(text -> Der.checkString(text, "a salt"));
        s2kParams = s2kParams.map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> s2kParams() {
        return s2kParams.map(byte[]::clone);
    }

    public static EtypeInfo2Entry decode(byte[] der) throws KerberosFormatException {
        return fromAsn1(Der.parse(der, "ETYPE-INFO2-ENTRY"));
    }

    public static EtypeInfo2Entry fromAsn1(ASN1Primitive value) throws KerberosFormatException {
        Fields fields = Fields.of(value, 2, "ETYPE-INFO2-ENTRY");
        return new EtypeInfo2Entry(fields.int32(0, "etype"),
                fields.optional(1, "salt", salt -> Der.string(salt, "salt")),
                fields.optional(2, "s2kparams", params -> Der.octets(params, "s2kparams")));
    }

    /** ETYPE-INFO2, the value of PA-ETYPE-INFO2: one or more entries. */
    public static List<EtypeInfo2Entry> decodeList(byte[] der) throws KerberosFormatException {
        List<EtypeInfo2Entry> entries =
                Der.sequenceOf(Der.parse(der, "ETYPE-INFO2"), EtypeInfo2Entry::fromAsn1, "ETYPE-INFO2");
        if (entries.isEmpty()) {
            throw new KerberosFormatException("ETYPE-INFO2 without entries");
        }
        return entries;
    }

    public static byte[] encodeList(List<EtypeInfo2Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("ETYPE-INFO2 has at least one entry");
        }
        return Der.encode(Der.sequenceOf(entries));
    }

    @Override
    public ASN1Primitive toAsn1() {
        return Der.sequence(Der.field(0, Der.integer(etype)), Der.field(1, salt.map(Der::string).orElse(null)),
                Der.field(2, s2kParams.map(Der::octets).orElse(null)));
    }
}
