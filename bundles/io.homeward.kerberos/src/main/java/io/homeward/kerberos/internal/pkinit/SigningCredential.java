package io.homeward.kerberos.internal.pkinit;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A key and its certificate chain, end entity first: the host's key and certificate from the account CA, which signs
 * its PKINIT requests as a client and its KDC's replies (docs/kerberos.md "PKINIT").
 */
public record SigningCredential(PrivateKey key, List<X509Certificate> chain) {
    public SigningCredential {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing credential needs its certificate");
        }
    }

    X509Certificate certificate() {
        return chain.get(0);
    }
}
