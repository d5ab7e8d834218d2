package io.homeward.rendezvous.enroll.internal;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.X509TrustManager;

import io.homeward.api.ca.CertificateAuthority;

/**
 * Accepts a TLS client certificate signed by the account CA, so a host can prove which one it is
 * ({@code simplereenroll}, {@code hostkey}). Only the signature is checked here; expiry, revocation and whether it
 * names the host the request is about are the application's to judge, so a refusal can say which it was.
 */
final class AccountCaTrust implements X509TrustManager {
    private final CertificateAuthority ca;

    AccountCaTrust(CertificateAuthority ca) {
        this.ca = ca;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("no client certificate");
        }
        try {
            chain[0].verify(ca.certificate().getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new CertificateException("the client certificate is not from the account CA", e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager is for a server's clients only");
    }

    /** The CA's certificate, which tells clients (RFC 8446 §4.2.4) which certificate to present. */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[] {ca.certificate()};
    }
}
