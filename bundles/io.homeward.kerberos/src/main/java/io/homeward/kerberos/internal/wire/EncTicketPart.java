package io.homeward.kerberos.internal.wire;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Primitive;

/**
 * EncTicketPart ::= [APPLICATION 3] (RFC 4120 §5.3): what only the KDC and the service read — flags, session key,
 * client, times, addresses and authorization data. Times are whole seconds (KerberosTime).
 */
public record EncTicketPart(KerberosFlags flags, EncryptionKey key, String crealm, PrincipalName cname,
        TransitedEncoding transited, Instant authtime, Optional<Instant> starttime, Instant endtime,
        Optional<Instant> renewTill, List<HostAddress> caddr, List<AuthorizationData> authorizationData)
        implements DerEncodable {
    public static final int APPLICATION_TAG = 3;

    public EncTicketPart {
        Der.checkString(crealm, "a realm");
        authtime = KerberosTime.truncate(authtime);
        starttime = starttime.map(KerberosTime::truncate);
        endtime = KerberosTime.truncate(endtime);
        renewTill = renewTill.map(KerberosTime::truncate);
        caddr = List.copyOf(caddr);
        authorizationData = List.copyOf(authorizationData);
    }

    public static EncTicketPart decode(byte[] der) throws KerberosFormatException {
        Fields fields = Fields.of(Der.application(Der.parse(der, "EncTicketPart"), APPLICATION_TAG, "EncTicketPart"),
                10, "EncTicketPart");
        return new EncTicketPart(fields.required(0, "flags", KerberosFlags::fromAsn1),
                fields.required(1, "key", EncryptionKey::fromAsn1), fields.string(2, "crealm"),
                fields.required(3, "cname", PrincipalName::fromAsn1),
                fields.required(4, "transited", TransitedEncoding::fromAsn1), fields.time(5, "authtime"),
                fields.optionalTime(6, "starttime"), fields.time(7, "endtime"), fields.optionalTime(8, "renew-till"),
                fields.list(9, "caddr", HostAddress::fromAsn1),
                fields.list(10, "authorization-data", AuthorizationData::fromAsn1));
    }

    @Override
    public ASN1Primitive toAsn1() {
        return Der.application(APPLICATION_TAG, Der.sequence(Der.field(0, flags.toAsn1()),
                Der.field(1, key.toAsn1()), Der.field(2, Der.string(crealm)), Der.field(3, cname.toAsn1()),
                Der.field(4, transited.toAsn1()), Der.field(5, KerberosTime.toAsn1(authtime)),
                Der.field(6, starttime.map(KerberosTime::toAsn1).orElse(null)),
                Der.field(7, KerberosTime.toAsn1(endtime)),
                Der.field(8, renewTill.map(KerberosTime::toAsn1).orElse(null)),
                Der.field(9, Der.optionalSequenceOf(caddr)),
                Der.field(10, Der.optionalSequenceOf(authorizationData))));
    }
}
