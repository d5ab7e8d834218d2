package io.homeward.signin.internal;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.X509TrustManager;

/**
 * Trusts exactly the pinned certificate: the rendezvous' certificate is self-signed, so the SHA-256
 * pin is the trust anchor. With no pin it trusts any certificate and remembers what it saw so the
 * operator can be told what to pin.
 */
final class PinnedTrust implements X509TrustManager {
    private final String pin;
    private volatile String seen = "";

    PinnedTrust(String pin) {
        this.pin = pin;
    }

    String pin() {
        return pin;
    }

    /** The fingerprint of the certificate the server presented, "" before the handshake. */
    String seen() {
        return seen;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        seen = Fingerprints.of(chain[0]);
        if (!pin.isEmpty() && !pin.equals(seen)) {
            throw new CertificateException("pin mismatch");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("sign-in never accepts TLS clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
