package io.homeward.kerberos.internal.wire;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Primitive;

/**
 * EncASRepPart ::= [APPLICATION 25] and EncTGSRepPart ::= [APPLICATION 26] EncKDCRepPart (RFC 4120 §5.4.2), with
 * RFC 6806 §11's encrypted-pa-data [12]. Decoding takes either tag for either exchange (RFC 4120 §5.4.2 notes that
 * implementations send EncTGSRepPart in AS replies, and MIT's KDC does); {@link #applicationTag()} says which came.
 */
public record EncKdcRepPart(int applicationTag, EncryptionKey key, List<LastReq> lastReq, long nonce,
        Optional<Instant> keyExpiration, KerberosFlags flags, Instant authtime, Optional<Instant> starttime,
        Instant endtime, Optional<Instant> renewTill, String srealm, PrincipalName sname, List<HostAddress> caddr,
        List<PaData> encryptedPaData) implements DerEncodable {
    public static final int ENC_AS_REP_PART = 25;
    public static final int ENC_TGS_REP_PART = 26;

    public EncKdcRepPart {
        if (applicationTag != ENC_AS_REP_PART && applicationTag != ENC_TGS_REP_PART) {
            throw new IllegalArgumentException("EncKDCRepPart is [APPLICATION 25] or [26], not " + applicationTag);
        }
        lastReq = List.copyOf(lastReq);
        keyExpiration = keyExpiration.map(KerberosTime::truncate);
        authtime = KerberosTime.truncate(authtime);
        starttime = starttime.map(KerberosTime::truncate);
        endtime = KerberosTime.truncate(endtime);
        renewTill = renewTill.map(KerberosTime::truncate);
        Der.checkString(srealm, "a realm");
        caddr = List.copyOf(caddr);
        encryptedPaData = List.copyOf(encryptedPaData);
    }

    public static EncKdcRepPart decode(byte[] der) throws KerberosFormatException {
        ASN1Primitive value = Der.parse(der, "EncKDCRepPart");
        int tag = Der.applicationTag(value);
        if (tag != ENC_AS_REP_PART && tag != ENC_TGS_REP_PART) {
            throw new KerberosFormatException(ErrorCodes.KRB_AP_ERR_MSG_TYPE,
                    "EncKDCRepPart: not [APPLICATION 25] or [APPLICATION 26]");
        }
        Fields fields = Fields.of(Der.application(value, tag, "EncKDCRepPart"), 12, "EncKDCRepPart");
        return new EncKdcRepPart(tag, fields.required(0, "key", EncryptionKey::fromAsn1),
                fields.required(1, "last-req", list -> Der.sequenceOf(list, LastReq::fromAsn1, "LastReq")),
                fields.uint32(2, "nonce"), fields.optionalTime(3, "key-expiration"),
                fields.required(4, "flags", KerberosFlags::fromAsn1), fields.time(5, "authtime"),
                fields.optionalTime(6, "starttime"), fields.time(7, "endtime"), fields.optionalTime(8, "renew-till"),
                fields.string(9, "srealm"), fields.required(10, "sname", PrincipalName::fromAsn1),
                fields.list(11, "caddr", HostAddress::fromAsn1),
                fields.list(12, "encrypted-pa-data", PaData::fromAsn1));
    }

    @Override
    public ASN1Primitive toAsn1() {
        return Der.application(applicationTag, Der.sequence(Der.field(0, key.toAsn1()),
                Der.field(1, Der.sequenceOf(lastReq)), Der.field(2, Der.integer(nonce)),
                Der.field(3, keyExpiration.map(KerberosTime::toAsn1).orElse(null)), Der.field(4, flags.toAsn1()),
                Der.field(5, KerberosTime.toAsn1(authtime)),
                Der.field(6, starttime.map(KerberosTime::toAsn1).orElse(null)),
                Der.field(7, KerberosTime.toAsn1(endtime)),
                Der.field(8, renewTill.map(KerberosTime::toAsn1).orElse(null)), Der.field(9, Der.string(srealm)),
                Der.field(10, sname.toAsn1()), Der.field(11, Der.optionalSequenceOf(caddr)),
                Der.field(12, Der.optionalSequenceOf(encryptedPaData))));
    }
}
