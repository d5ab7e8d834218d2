package io.homeward.kerberos.internal.wire;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.bouncycastle.asn1.ASN1Primitive;

/**
 * KRB-ERROR ::= [APPLICATION 30] (RFC 4120 §5.9.1): the error code ({@link ErrorCodes}), the server's time, the
 * client's time and name when known, the server, a one-line e-text and e-data — METHOD-DATA for
 * KDC_ERR_PREAUTH_REQUIRED (RFC 4120 §5.2.7), see {@link #methodData()}.
 */
public record KrbError(Optional<Instant> ctime, OptionalInt cusec, Instant stime, int susec, int errorCode,
        Optional<String> crealm, Optional<PrincipalName> cname, String realm, PrincipalName sname,
        Optional<String> eText, Optional<byte[]> eData) implements KerberosMessage {

    public KrbError {
        ctime = ctime.map(KerberosTime::truncate);
        cusec.ifPresent(Der::checkMicroseconds);
        stime = KerberosTime.truncate(stime);
        Der.checkMicroseconds(susec);
        crealm.ifPresent(name -> Der.checkString(name, "a realm"));
        Der.checkString(realm, "a realm");
        eText.ifPresent(text -> Der.checkString(text, "e-text"));
        eData = eData.map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> eData() {
        return eData.map(byte[]::clone);
    }

    @Override
    public int messageType() {
        return KRB_ERROR;
    }

    /** The e-data read as METHOD-DATA; empty when there is no e-data. */
    public List<PaData> methodData() throws KerberosFormatException {
        return eData.isPresent() ? PaData.decodeMethodData(eData.get()) : List.of();
    }

    public static KrbError decode(byte[] der) throws KerberosFormatException {
        Fields fields = Fields.of(Der.application(Der.parse(der, "KRB-ERROR"), KRB_ERROR, "KRB-ERROR"), 12,
                "KRB-ERROR");
        fields.version(0, "pvno");
        fields.messageType(1, KRB_ERROR);
        return new KrbError(fields.optionalTime(2, "ctime"),
                fields.has(3) ? OptionalInt.of(fields.microseconds(3, "cusec")) : OptionalInt.empty(),
                fields.time(4, "stime"), fields.microseconds(5, "susec"), fields.int32(6, "error-code"),
                fields.optional(7, "crealm", name -> Der.string(name, "crealm")),
                fields.optional(8, "cname", PrincipalName::fromAsn1), fields.string(9, "realm"),
                fields.required(10, "sname", PrincipalName::fromAsn1),
                fields.optional(11, "e-text", text -> Der.string(text, "e-text")),
                fields.optional(12, "e-data", data -> Der.octets(data, "e-data")));
    }

    @Override
    public ASN1Primitive toAsn1() {
        return Der.application(KRB_ERROR, Der.sequence(Der.field(0, Der.integer(PVNO)),
                Der.field(1, Der.integer(KRB_ERROR)), Der.field(2, ctime.map(KerberosTime::toAsn1).orElse(null)),
                Der.field(3, cusec.isPresent() ? Der.integer(cusec.getAsInt()) : null),
                Der.field(4, KerberosTime.toAsn1(stime)), Der.field(5, Der.integer(susec)),
                Der.field(6, Der.integer(errorCode)), Der.field(7, crealm.map(Der::string).orElse(null)),
                Der.field(8, cname.map(PrincipalName::toAsn1).orElse(null)), Der.field(9, Der.string(realm)),
                Der.field(10, sname.toAsn1()), Der.field(11, eText.map(Der::string).orElse(null)),
                Der.field(12, eData.map(Der::octets).orElse(null))));
    }
}
