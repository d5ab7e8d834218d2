package io.homeward.kit.dns;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.osgi.service.log.Logger;

/**
 * Trusts exactly the pinned server certificate: the rendezvous' certificate is self-signed, so the SHA-256 pin is
 * the trust anchor. With no pin it trusts any certificate and remembers what it saw, so the operator can be told
 * what to pin. One instance serves one connection.
 */
public final class PinnedTrust implements X509TrustManager {
    private final String pin;
    private volatile String seen = "";

    /** @param pin a canonical fingerprint ({@link Fingerprints#normalize}), "" to accept any certificate */
    public PinnedTrust(String pin) {
        this.pin = pin;
    }

    public String pin() {
        return pin;
    }

    /** The fingerprint of the certificate the server presented, "" before the handshake. */
    public String seen() {
        return seen;
    }

    /** True when the server presented a certificate other than the pinned one. */
    public boolean mismatched() {
        return !pin.isEmpty() && !seen.isEmpty() && !pin.equals(seen);
    }

    /** After a handshake without a pin: says at WARN which fingerprint to pin. */
    public void warnIfUnpinned(Logger log) {
        if (pin.isEmpty()) {
            log.warn("Accepting the rendezvous server's TLS certificate unchecked (tlsFingerprint is empty); "
                    + "pin it by setting tlsFingerprint={}", seen);
        }
    }

    /** Client sockets that trust only this pin. */
    public SSLSocketFactory socketFactory() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {this}, null);
        return context.getSocketFactory();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        seen = Fingerprints.of(chain[0]);
        if (mismatched()) {
            throw new CertificateException(FingerprintMismatchException.text(seen, pin));
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a rendezvous client never accepts TLS clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
