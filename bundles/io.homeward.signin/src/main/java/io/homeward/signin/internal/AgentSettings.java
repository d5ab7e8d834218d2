package io.homeward.signin.internal;

import java.io.IOException;

/**
 * Points the agent's other components at the rendezvous an invite named, so a joined host needs no other setting;
 * a seam over Configuration Admin.
 */
interface AgentSettings {

    /**
     * @param dnsServer  the rendezvous' plain DNS service
     * @param tlsServer  its DNS-over-TLS service
     * @param pin        SHA-256 fingerprint of its TLS certificate
     * @param stunServer its STUN service
     * @param host       the host label the certificate and key name, which the agent must register under
     */
    void apply(HostPort dnsServer, HostPort tlsServer, String pin, HostPort stunServer, String host)
            throws IOException;
}
