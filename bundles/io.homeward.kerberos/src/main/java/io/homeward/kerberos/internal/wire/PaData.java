package io.homeward.kerberos.internal.wire;

import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Primitive;

/**
 * PA-DATA (RFC 4120 §5.2.7): a pre-authentication type and its value. The types this KDC meets are below; the
 * value's own encoding is the type's business (for example {@link EtypeInfo2Entry} for PA-ETYPE-INFO2).
 */
public record PaData(int type, byte[] value) implements DerEncodable {
    public static final int PA_TGS_REQ = 1;
    public static final int PA_ENC_TIMESTAMP = 2;
    public static final int PA_ETYPE_INFO2 = 19;
    public static final int PA_PK_AS_REQ = 16;
    public static final int PA_PK_AS_REP = 17;
    public static final int PA_FX_FAST = 136;
    public static final int PA_ENCRYPTED_CHALLENGE = 138;
    public static final int PA_REQ_ENC_PA_REP = 149;
    public static final int PA_AS_FRESHNESS = 150;

    public PaData {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public static PaData decode(byte[] der) throws KerberosFormatException {
        return fromAsn1(Der.parse(der, "PA-DATA"));
    }

    public static PaData fromAsn1(ASN1Primitive value) throws KerberosFormatException {
        Fields fields = Fields.of(value, 1, 2, "PA-DATA");
        return new PaData(fields.int32(1, "padata-type"), fields.octets(2, "padata-value"));
    }

    /** METHOD-DATA (RFC 4120 §5.9.1), for example a KRB-ERROR's e-data: a SEQUENCE OF PA-DATA. */
    public static List<PaData> decodeMethodData(byte[] der) throws KerberosFormatException {
        return Der.sequenceOf(Der.parse(der, "METHOD-DATA"), PaData::fromAsn1, "METHOD-DATA");
    }

    public static byte[] encodeMethodData(List<PaData> methodData) {
        return Der.encode(Der.sequenceOf(methodData));
    }

    /** The first element of {@code padata} of {@code type}, if any. */
    public static Optional<PaData> find(List<PaData> padata, int type) {
        return padata.stream().filter(element -> element.type == type).findFirst();
    }

    @Override
    public ASN1Primitive toAsn1() {
        return Der.sequence(Der.field(1, Der.integer(type)), Der.field(2, Der.octets(value)));
    }
}
