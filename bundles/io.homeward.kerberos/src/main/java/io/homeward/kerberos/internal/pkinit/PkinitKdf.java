package io.homeward.kerberos.internal.pkinit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * The key derivation functions of RFC 8636 §5-6: SP 800-56A's concatenation KDF, {@code H(counter ‖ Z ‖ OtherInfo)}
 * with a 32-bit big-endian counter from 1, where OtherInfo is {@code SEQUENCE { algorithmID AlgorithmIdentifier
 * (the KDF, no parameters), partyUInfo [0] OCTET STRING (the client's KRB5PrincipalName), partyVInfo [1] OCTET STRING
 * (the KDC's), suppPubInfo [2] OCTET STRING (PkinitSuppPubInfo ::= SEQUENCE { enctype [0] Int32, as-REQ [1] OCTET
 * STRING, pk-as-rep [2] OCTET STRING }) }}. Listed in the order the KDC prefers them when the client does not say.
 */
public enum PkinitKdf {
    SHA256("2", "SHA-256"),
    SHA512("3", "SHA-512"),
    SHA1("1", "SHA-1");

    private final ASN1ObjectIdentifier id;
    private final String digest;

    PkinitKdf(String branch, String digest) {
        this.id = PkinitOids.KDF.branch(branch);
        this.digest = digest;
    }

    public ASN1ObjectIdentifier id() {
        return id;
    }

    static Optional<PkinitKdf> of(ASN1ObjectIdentifier id) {
        return Arrays.stream(values()).filter(kdf -> kdf.id.equals(id)).findFirst();
    }

    /** The first KDF of the client's list (its order of preference) that this host implements. */
    static Optional<PkinitKdf> firstSupported(List<ASN1ObjectIdentifier> offered) {
        return offered.stream().map(PkinitKdf::of).flatMap(Optional::stream).findFirst();
    }

    /**
     * @param asReq the AS-REQ as sent
     * @param paPkAsRep the PA-PK-AS-REP's encoding (the padata-value)
     */
    byte[] derive(byte[] secret, Krb5PrincipalName client, Krb5PrincipalName kdc, int enctype, byte[] asReq,
            byte[] paPkAsRep, int length) {
        byte[] suppPubInfo = Der.encode(new DERSequence(new ASN1Encodable[] {
            Der.explicit(0, new ASN1Integer(enctype)), Der.explicit(1, new DEROctetString(asReq)),
            Der.explicit(2, new DEROctetString(paPkAsRep)),
        }));
        byte[] otherInfo = Der.encode(new DERSequence(new ASN1Encodable[] {
            new AlgorithmIdentifier(id), Der.explicit(0, new DEROctetString(client.encoded())),
            Der.explicit(1, new DEROctetString(kdc.encoded())), Der.explicit(2, new DEROctetString(suppPubInfo)),
        }));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        for (int counter = 1; output.size() < length; counter++) {
            MessageDigest hash = hash();
            hash.update(ByteBuffer.allocate(Integer.BYTES).putInt(counter).array());
            hash.update(secret);
            output.writeBytes(hash.digest(otherInfo));
        }
        return Arrays.copyOf(output.toByteArray(), length);
    }

    private MessageDigest hash() {
        try {
            return MessageDigest.getInstance(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + digest, e);
        }
    }
}
