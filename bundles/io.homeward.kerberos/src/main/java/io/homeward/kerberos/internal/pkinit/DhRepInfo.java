package io.homeward.kerberos.internal.pkinit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;

/**
 * The Diffie-Hellman reply, {@code PA-PK-AS-REP ::= CHOICE { dhInfo [0] DHRepInfo, ... }} (RFC 4556 §3.2.3), the
 * padata-value of type 17: {@code DHRepInfo ::= SEQUENCE { dhSignedData [0] IMPLICIT OCTET STRING, serverDHNonce [1]
 * DHNonce OPTIONAL, ..., kdf [2] KDFAlgorithmId OPTIONAL }} (kdf RFC 8636 §4). The encKeyPack alternative (RSA key
 * transport) is neither sent nor read.
 */
public record DhRepInfo(byte[] dhSignedData, Optional<byte[]> serverDhNonce, Optional<ASN1ObjectIdentifier> kdf) {
    /** The padata-type (RFC 4556 §3.2.3). */
    public static final int PADATA_TYPE = 17;
    static final int MAX_LENGTH = 64 * 1024;

    /** The PA-PK-AS-REP encoding, which the RFC 8636 KDF also hashes. */
    byte[] encodedPaPkAsRep() {
        List<ASN1Encodable> fields = new ArrayList<>(List.of(new DERTaggedObject(false, 0,
                new DEROctetString(dhSignedData))));
        serverDhNonce.ifPresent(nonce -> fields.add(Der.explicit(1, new DEROctetString(nonce))));
        kdf.ifPresent(id -> fields.add(Der.explicit(2, AuthPack.kdfAlgorithmId(id))));
        return Der.encode(Der.explicit(0, new DERSequence(fields.toArray(ASN1Encodable[]::new))));
    }

    static DhRepInfo decodePaPkAsRep(byte[] encoded) throws MalformedPkinitException {
        ASN1Primitive choice = Der.read(encoded, MAX_LENGTH, "PA-PK-AS-REP");
        if (!(choice instanceof ASN1TaggedObject tagged) || tagged.getTagClass() != BERTags.CONTEXT_SPECIFIC
                || tagged.getTagNo() != 0 || !tagged.isExplicit()) {
            throw new MalformedPkinitException("PA-PK-AS-REP is not the dhInfo [0] alternative");
        }
        Der.Fields fields = Der.fields(tagged.getExplicitBaseObject(), "DHRepInfo");
        Optional<ASN1ObjectIdentifier> kdf = Optional.empty();
        if (fields.has(2)) {
            kdf = Optional.of(AuthPack.kdfId(fields.explicit(2)));
        }
        return new DhRepInfo(fields.implicitOctets(0), fields.optionalOctets(1), kdf);
    }
}
