package io.homeward.ike.internal.exchange;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import io.homeward.ike.internal.wire.CertPayload;

/** X.509 certificates in CERT payloads, encoding 4, DER (RFC 7296 §3.6). */
final class CertificatePayloads {
    private CertificatePayloads() {
    }

    static List<CertPayload> encode(List<X509Certificate> chain) {
        List<CertPayload> payloads = new ArrayList<>(chain.size());
        for (X509Certificate certificate : chain) {
            try {
                payloads.add(new CertPayload(CertPayload.X509_SIGNATURE, certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("the host certificate cannot be encoded: " + e.getMessage(), e);
            }
        }
        return payloads;
    }

    /** The X.509 certificates, in order; other encodings are passed over. */
    static List<X509Certificate> decode(List<CertPayload> payloads) throws CertificateRefusedException {
        List<X509Certificate> chain = new ArrayList<>(payloads.size());
        for (CertPayload payload : payloads) {
            if (payload.encoding() != CertPayload.X509_SIGNATURE) {
                continue;
            }
            try {
                chain.add((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(payload.data())));
            } catch (CertificateException e) {
                throw new CertificateRefusedException(PeerCertificateCheck.Rule.NO_CERTIFICATE,
                        "unreadable X.509 certificate: " + e.getMessage());
            }
        }
        return chain;
    }
}
