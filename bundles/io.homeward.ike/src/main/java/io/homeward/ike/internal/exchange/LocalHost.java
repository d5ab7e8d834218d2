package io.homeward.ike.internal.exchange;

import java.net.Inet6Address;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * This host as IKE shows it: its FQDN (ID_FQDN, docs/enrollment.md), its ULA (the traffic selector), its certificate
 * chain from enrollment (leaf first, the account CA last) and the certificate's private key.
 */
public record LocalHost(String fqdn, Inet6Address ula, List<X509Certificate> chain, PrivateKey privateKey) {

    public LocalHost {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("IKE needs the host certificate chain");
        }
    }

    /** The certificates sent in CERT payloads: the chain without the trust anchor the peer holds itself. */
    public List<X509Certificate> sentChain() {
        return chain.size() == 1 ? chain : chain.subList(0, chain.size() - 1);
    }
}
