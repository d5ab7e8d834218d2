package io.homeward.watcher.internal;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.X509TrustManager;

import org.osgi.service.log.Logger;

/**
 * Trusts exactly the pinned server certificate. The rendezvous server's certificate is
 * self-signed, so there is no CA to check; the SHA-256 pin is the trust anchor. Without a pin any
 * certificate is accepted and its fingerprint logged so an operator can pin it.
 */
final class PinningTrustManager implements X509TrustManager {
    private final String pin;
    private final Logger log;

    PinningTrustManager(String pin, Logger log) {
        this.pin = pin;
        this.log = log;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        String seen = Fingerprints.of(chain[0]);
        if (pin.isEmpty()) {
            log.warn("Accepting the rendezvous server's TLS certificate unchecked (tlsFingerprint is empty); "
                    + "pin it by setting tlsFingerprint={}", seen);
        } else if (!pin.equals(seen)) {
            throw new FingerprintMismatchException(seen, pin);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the watcher never accepts TLS clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
