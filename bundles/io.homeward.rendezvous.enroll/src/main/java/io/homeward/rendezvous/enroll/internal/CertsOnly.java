package io.homeward.rendezvous.enroll.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;

/**
 * RFC 7030 §4.1.3 and §4.2.3: certificates as a "certs-only" CMS SignedData (RFC 5751 §3.6, no signers, no content),
 * base64 as the body of an {@code application/pkcs7-mime; smime-type=certs-only} answer.
 */
final class CertsOnly {
    static final String CONTENT_TYPE = "application/pkcs7-mime; smime-type=certs-only";

    private CertsOnly() {
    }

    static HttpResponse response(List<X509Certificate> certificates) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addCertificates(new JcaCertStore(certificates));
            byte[] der = generator.generate(new CMSProcessableByteArray(new byte[0]), false).getEncoded();
            return new HttpResponse(200, CONTENT_TYPE, Map.of("Content-Transfer-Encoding", "base64"),
                    Base64.getMimeEncoder().encodeToString(der).concat("\r\n").getBytes(StandardCharsets.US_ASCII));
        } catch (CertificateEncodingException | CMSException | IOException e) {
            throw new IllegalStateException("cannot encode certificates the CA made", e);
        }
    }
}
