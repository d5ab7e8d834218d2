package io.homeward.rendezvous.transport.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import io.homeward.kit.dns.Fingerprints;

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
        return Fingerprints.of(leaf());
    }

    /** Key managers presenting this identity, for any server-side {@code SSLContext} of the rendezvous. */
    KeyManager[] keyManagers() throws GeneralSecurityException {
        char[] transientPassword = new char[0];
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, transientPassword, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, transientPassword);
            return keys.getKeyManagers();
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot build an in-memory key store", e);
        }
    }

    /** A server context offering this identity. */
    SSLContext serverContext(SecureRandom random) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers(), null, random);
        return context;
    }
}
