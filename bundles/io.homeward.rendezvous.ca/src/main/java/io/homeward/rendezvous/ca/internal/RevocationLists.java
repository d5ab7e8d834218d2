package io.homeward.rendezvous.ca.internal;

import java.math.BigInteger;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

import io.homeward.api.ca.HostCertificate;

/**
 * Signs the CA's CRL (RFC 5280 §5): the revoked certificates that have not expired, a CRL number and the authority
 * key identifier (§5.2.1, §5.2.3). The entries carry no reason code: a host is revoked when it is retired and when
 * it is stolen alike, and the CA is not told which, so the reason is unspecified, which §5.3.1 says is written by
 * leaving the extension out.
 */
final class RevocationLists {

    private RevocationLists() {
    }

    static X509CRL sign(CaIdentity ca, BigInteger number, List<HostCertificate> revoked, Instant thisUpdate,
            Instant nextUpdate) {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(ca.name(), Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (HostCertificate certificate : revoked) {
            builder.addCRLEntry(certificate.serial(), Date.from(certificate.revoked().orElseThrow()),
                    (Extensions) null);
        }
        try {
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.publicKeyInfo()));
            return new JcaX509CRLConverter().getCRL(builder.build(ca.signer()));
        } catch (CertIOException | CRLException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot build the CRL: " + e.getMessage(), e);
        }
    }

    /** The CRL number of a CRL this class signed. */
    static BigInteger number(X509CRL crl) {
        byte[] extension = crl.getExtensionValue(Extension.cRLNumber.getId());
        if (extension == null) {
            throw new IllegalArgumentException("the CRL has no CRL number");
        }
        return CRLNumber.getInstance(ASN1OctetString.getInstance(extension).getOctets())
                .getCRLNumber();
    }
}
