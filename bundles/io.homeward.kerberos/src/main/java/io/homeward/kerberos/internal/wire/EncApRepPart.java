package io.homeward.kerberos.internal.wire;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import org.bouncycastle.asn1.ASN1Primitive;

/**
 * EncAPRepPart ::= [APPLICATION 27] (RFC 4120 §5.5.2): the client's ctime and cusec echoed, and the service's
 * optional subkey and sequence number.
 */
public record EncApRepPart(Instant ctime, int cusec, Optional<EncryptionKey> subkey, OptionalLong seqNumber)
        implements DerEncodable {
    public static final int APPLICATION_TAG = 27;

    public EncApRepPart {
        ctime = KerberosTime.truncate(ctime);
        Der.checkMicroseconds(cusec);
    }

    public static EncApRepPart decode(byte[] der) throws KerberosFormatException {
        Fields fields = Fields.of(Der.application(Der.parse(der, "EncAPRepPart"), APPLICATION_TAG, "EncAPRepPart"),
                3, "EncAPRepPart");
        return new EncApRepPart(fields.time(0, "ctime"), fields.microseconds(1, "cusec"),
                fields.optional(2, "subkey", EncryptionKey::fromAsn1),
                fields.has(3) ? OptionalLong.of(fields.uint32(3, "seq-number")) : OptionalLong.empty());
    }

    @Override
    public ASN1Primitive toAsn1() {
        return Der.application(APPLICATION_TAG, Der.sequence(Der.field(0, KerberosTime.toAsn1(ctime)),
                Der.field(1, Der.integer(cusec)), Der.field(2, subkey.map(EncryptionKey::toAsn1).orElse(null)),
                Der.field(3, seqNumber.isPresent() ? Der.integer(seqNumber.getAsLong()) : null)));
    }
}
