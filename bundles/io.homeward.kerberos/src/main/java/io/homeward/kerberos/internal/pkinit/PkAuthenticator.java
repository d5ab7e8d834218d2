package io.homeward.kerberos.internal.pkinit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;

/**
 * {@code PKAuthenticator} (RFC 4556 §3.2.1, freshnessToken RFC 8070 §4): the client's time, the KDC-REQ-BODY's nonce
 * and the SHA-1 checksum of that body.
 */
public record PkAuthenticator(int cusec, Instant ctime, long nonce, Optional<byte[]> paChecksum,
        Optional<byte[]> freshnessToken) {
    static final long MAX_NONCE = 4294967295L;
    private static final int MAX_CUSEC = 999999;

    ASN1Primitive toAsn1() {
        List<ASN1Encodable> fields = new ArrayList<>(List.of(Der.explicit(0, new ASN1Integer(cusec)),
                Der.explicit(1, KerberosTime.encode(ctime)), Der.explicit(2, new ASN1Integer(nonce))));
        paChecksum.ifPresent(checksum -> fields.add(Der.explicit(3, new DEROctetString(checksum))));
        freshnessToken.ifPresent(token -> fields.add(Der.explicit(4, new DEROctetString(token))));
        return new DERSequence(fields.toArray(ASN1Encodable[]::new));
    }

    static PkAuthenticator decode(ASN1Encodable object) throws MalformedPkinitException {
        Der.Fields fields = Der.fields(object, "PKAuthenticator");
        return new PkAuthenticator((int) fields.integer(0, 0, MAX_CUSEC),
                KerberosTime.decode(fields.explicit(1), "ctime"), fields.integer(2, 0, MAX_NONCE),
                fields.optionalOctets(3), fields.optionalOctets(4));
    }
}
