package io.homeward.rendezvous.transport.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The server's TLS certificate chain (leaf first) and private key.
 */
record TlsIdentity(List<X509Certificate> chain, PrivateKey key) {

    TlsIdentity {
        chain = List.copyOf(chain);
    }

    X509Certificate leaf() {
        return chain.get(0);
    }

    /** SHA-256 of the leaf certificate, upper-case hex bytes joined by colons, as agents pin it. */
    String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(leaf().getEncoded());
            StringBuilder text = new StringBuilder(digest.length * 3);
            for (byte b : digest) {
                if (text.length() > 0) {
                    text.append(':');
                }
                text.append(String.format(Locale.ROOT, "%02X", b));
            }
            return text.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot fingerprint the TLS certificate", e);
        }
    }

    /** A server context offering this identity. */
    SSLContext serverContext(SecureRandom random) throws GeneralSecurityException {
        char[] transientPassword = new char[0];
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, transientPassword, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, transientPassword);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, random);
            return context;
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot build an in-memory key store", e);
        }
    }
}
