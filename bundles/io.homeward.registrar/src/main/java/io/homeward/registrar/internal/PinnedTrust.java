package io.homeward.registrar.internal;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.X509TrustManager;

import org.osgi.service.log.Logger;

/**
 * Trusts the one server certificate whose SHA-256 fingerprint is pinned: the rendezvous certificate is
 * self-signed, so the pin is the trust anchor. Without a pin any certificate passes, with a warning that
 * names the fingerprint to pin.
 */
final class PinnedTrust implements X509TrustManager {
    private final String pin;
    private final Logger log;

    PinnedTrust(String pin, Logger log) {
        this.pin = pin;
        this.log = log;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the update server sent no certificate");
        }
        String seen = Fingerprints.of(chain[0]);
        if (pin.isEmpty()) {
            log.warn("Accepting the update server's TLS certificate unchecked (tlsFingerprint is empty); "
                    + "pin it by setting tlsFingerprint={}", seen);
        } else if (!pin.equals(seen)) {
            throw new CertificateException("the update server's certificate " + seen
                    + " does not match the pinned fingerprint " + pin);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the registrar never accepts TLS clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
