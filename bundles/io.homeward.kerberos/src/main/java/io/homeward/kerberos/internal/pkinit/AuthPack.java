package io.homeward.kerberos.internal.pkinit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * {@code AuthPack} (RFC 4556 §3.2.1; supportedKDFs RFC 8636 §4), the content the client signs: the PKAuthenticator,
 * its (EC)DH public value (absent: RSA key transport, which this host does not offer), the CMS algorithms it takes,
 * its DH nonce and the KDFs it supports ({@code KDFAlgorithmId ::= SEQUENCE { kdf-id [0] OBJECT IDENTIFIER }}).
 */
public record AuthPack(PkAuthenticator pkAuthenticator, Optional<SubjectPublicKeyInfo> clientPublicValue,
        List<AlgorithmIdentifier> supportedCmsTypes, Optional<byte[]> clientDhNonce,
        List<ASN1ObjectIdentifier> supportedKdfs) {
    static final int MAX_LENGTH = 16 * 1024;
    private static final int MAX_LIST = 32;
    private static final int MAX_NONCE_LENGTH = 64;

    public AuthPack {
        supportedCmsTypes = List.copyOf(supportedCmsTypes);
        supportedKdfs = List.copyOf(supportedKdfs);
    }

    byte[] encoded() {
        List<ASN1Encodable> fields = new ArrayList<>(List.of(Der.explicit(0, pkAuthenticator.toAsn1())));
        clientPublicValue.ifPresent(value -> fields.add(Der.explicit(1, value)));
        if (!supportedCmsTypes.isEmpty()) {
            fields.add(Der.explicit(2, new DERSequence(supportedCmsTypes.toArray(ASN1Encodable[]::new))));
        }
        clientDhNonce.ifPresent(nonce -> fields.add(Der.explicit(3, new DEROctetString(nonce))));
        if (!supportedKdfs.isEmpty()) {
            List<ASN1Encodable> kdfs = new ArrayList<>();
            supportedKdfs.forEach(kdf -> kdfs.add(kdfAlgorithmId(kdf)));
            fields.add(Der.explicit(4, new DERSequence(kdfs.toArray(ASN1Encodable[]::new))));
        }
        return Der.encode(new DERSequence(fields.toArray(ASN1Encodable[]::new)));
    }

    static AuthPack decode(byte[] encoded) throws MalformedPkinitException {
        Der.Fields fields = Der.fields(Der.read(encoded, MAX_LENGTH, "AuthPack"), "AuthPack");
        PkAuthenticator authenticator = PkAuthenticator.decode(fields.explicit(0));
        Optional<SubjectPublicKeyInfo> publicValue = Optional.empty();
        if (fields.has(1)) {
            try {
                publicValue = Optional.of(SubjectPublicKeyInfo.getInstance(fields.explicit(1)));
            } catch (RuntimeException e) {
                throw new MalformedPkinitException("clientPublicValue is not a SubjectPublicKeyInfo");
            }
        }
        List<AlgorithmIdentifier> cmsTypes = new ArrayList<>();
        if (fields.has(2)) {
            for (ASN1Primitive type : fields.sequenceOf(2, MAX_LIST)) {
                cmsTypes.add(algorithmIdentifier(type));
            }
        }
        Optional<byte[]> nonce = fields.optionalOctets(3);
        if (nonce.isPresent() && nonce.get().length > MAX_NONCE_LENGTH) {
            throw new MalformedPkinitException("clientDHNonce longer than " + MAX_NONCE_LENGTH + " octets");
        }
        List<ASN1ObjectIdentifier> kdfs = new ArrayList<>();
        if (fields.has(4)) {
            for (ASN1Primitive kdf : fields.sequenceOf(4, MAX_LIST)) {
                kdfs.add(kdfId(kdf));
            }
        }
        return new AuthPack(authenticator, publicValue, cmsTypes, nonce, kdfs);
    }

    static ASN1Primitive kdfAlgorithmId(ASN1ObjectIdentifier kdf) {
        return new DERSequence(Der.explicit(0, kdf));
    }

    static ASN1ObjectIdentifier kdfId(ASN1Primitive kdfAlgorithmId) throws MalformedPkinitException {
        if (!(Der.fields(kdfAlgorithmId, "KDFAlgorithmId").explicit(0) instanceof ASN1ObjectIdentifier id)) {
            throw new MalformedPkinitException("kdf-id is not an OBJECT IDENTIFIER");
        }
        return id;
    }

    private static AlgorithmIdentifier algorithmIdentifier(ASN1Primitive object) throws MalformedPkinitException {
        try {
            return AlgorithmIdentifier.getInstance(object);
        } catch (RuntimeException e) {
            throw new MalformedPkinitException("supportedCMSTypes holds something else than an AlgorithmIdentifier");
        }
    }
}
