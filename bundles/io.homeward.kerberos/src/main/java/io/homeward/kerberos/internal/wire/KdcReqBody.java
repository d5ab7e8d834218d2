package io.homeward.kerberos.internal.wire;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSequence;

/**
 * KDC-REQ-BODY (RFC 4120 §5.4.1): what the client asks for — options, names, times, nonce, encryption types in
 * preference order, addresses, encrypted authorization data and additional tickets. The nonce is a UInt32 (see
 * {@link Der#uint32}). Checksums over the body are over the octets {@link KdcReq#bodyDer()} keeps.
 */
public record KdcReqBody(KerberosFlags kdcOptions, Optional<PrincipalName> cname, String realm,
        Optional<PrincipalName> sname, Optional<Instant> from, Instant till, Optional<Instant> rtime, long nonce,
        List<Integer> etypes, List<HostAddress> addresses, Optional<EncryptedData> encAuthorizationData,
        List<Ticket> additionalTickets) implements DerEncodable {

    public KdcReqBody {
        Der.checkString(realm, "a realm");
        from = from.map(KerberosTime::truncate);
        till = KerberosTime.truncate(till);
        rtime = rtime.map(KerberosTime::truncate);
        etypes = List.copyOf(etypes);
        addresses = List.copyOf(addresses);
        additionalTickets = List.copyOf(additionalTickets);
    }

    public static KdcReqBody decode(byte[] der) throws KerberosFormatException {
        return fromAsn1(Der.parse(der, "KDC-REQ-BODY"));
    }

    public static KdcReqBody fromAsn1(ASN1Primitive value) throws KerberosFormatException {
        Fields fields = Fields.of(value, 11, "KDC-REQ-BODY");
        return new KdcReqBody(fields.required(0, "kdc-options", KerberosFlags::fromAsn1),
                fields.optional(1, "cname", PrincipalName::fromAsn1), fields.string(2, "realm"),
                fields.optional(3, "sname", PrincipalName::fromAsn1), fields.optionalTime(4, "from"),
                fields.time(5, "till"), fields.optionalTime(6, "rtime"), fields.uint32(7, "nonce"),
                fields.required(8, "etype",
                        list -> Der.sequenceOf(list, etype -> Der.int32(etype, "etype"), "etype")),
                fields.list(9, "addresses", HostAddress::fromAsn1),
                fields.optional(10, "enc-authorization-data", EncryptedData::fromAsn1),
                fields.list(11, "additional-tickets", Ticket::fromAsn1));
    }

    @Override
    public ASN1Primitive toAsn1() {
        ASN1EncodableVector etypeList = new ASN1EncodableVector(etypes.size());
        etypes.forEach(etype -> etypeList.add(Der.integer(etype)));
        return Der.sequence(Der.field(0, kdcOptions.toAsn1()),
                Der.field(1, cname.map(PrincipalName::toAsn1).orElse(null)),
                Der.field(2, Der.string(realm)), Der.field(3, sname.map(PrincipalName::toAsn1).orElse(null)),
                Der.field(4, from.map(KerberosTime::toAsn1).orElse(null)), Der.field(5, KerberosTime.toAsn1(till)),
                Der.field(6, rtime.map(KerberosTime::toAsn1).orElse(null)), Der.field(7, Der.integer(nonce)),
                Der.field(8, new DERSequence(etypeList)), Der.field(9, Der.optionalSequenceOf(addresses)),
                Der.field(10, encAuthorizationData.map(EncryptedData::toAsn1).orElse(null)),
                Der.field(11, Der.optionalSequenceOf(additionalTickets)));
    }
}
