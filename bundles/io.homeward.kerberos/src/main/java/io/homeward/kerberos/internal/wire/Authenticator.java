package io.homeward.kerberos.internal.wire;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.bouncycastle.asn1.ASN1Primitive;

/**
 * Authenticator ::= [APPLICATION 2] (RFC 4120 §5.5.1): the client, an optional checksum (over the TGS-REQ body, or
 * the GSS-API {@link GssChecksum}), the client's time, an optional subkey and sequence number, and authorization
 * data.
 */
public record Authenticator(String crealm, PrincipalName cname, Optional<Checksum> cksum, int cusec, Instant ctime,
        Optional<EncryptionKey> subkey, OptionalLong seqNumber, List<AuthorizationData> authorizationData)
        implements DerEncodable {
    public static final int APPLICATION_TAG = 2;
    private static final int AUTHENTICATOR_VNO = 5;

    public Authenticator {
        Der.checkString(crealm, "a realm");
        Der.checkMicroseconds(cusec);
        ctime = KerberosTime.truncate(ctime);
        authorizationData = List.copyOf(authorizationData);
    }

    public static Authenticator decode(byte[] der) throws KerberosFormatException {
        Fields fields = Fields.of(Der.application(Der.parse(der, "Authenticator"), APPLICATION_TAG, "Authenticator"),
                8, "Authenticator");
        fields.version(0, "authenticator-vno");
        return new Authenticator(fields.string(1, "crealm"), fields.required(2, "cname", PrincipalName::fromAsn1),
                fields.optional(3, "cksum", Checksum::fromAsn1), fields.microseconds(4, "cusec"),
                fields.time(5, "ctime"), fields.optional(6, "subkey", EncryptionKey::fromAsn1),
                fields.has(7) ? OptionalLong.of(fields.uint32(7, "seq-number")) : OptionalLong.empty(),
                fields.list(8, "authorization-data", AuthorizationData::fromAsn1));
    }

    @Override
    public ASN1Primitive toAsn1() {
        return Der.application(APPLICATION_TAG, Der.sequence(Der.field(0, Der.integer(AUTHENTICATOR_VNO)),
                Der.field(1, Der.string(crealm)), Der.field(2, cname.toAsn1()),
                Der.field(3, cksum.map(Checksum::toAsn1).orElse(null)), Der.field(4, Der.integer(cusec)),
                Der.field(5, KerberosTime.toAsn1(ctime)), Der.field(6, subkey.map(EncryptionKey::toAsn1).orElse(null)),
                Der.field(7, seqNumber.isPresent() ? Der.integer(seqNumber.getAsLong()) : null),
                Der.field(8, Der.optionalSequenceOf(authorizationData))));
    }
}
