package io.homeward.signin.internal;

/** Finds the rendezvous' DNS-over-TLS update service for a zone; a seam over DNS lookups. */
interface ServerFinder {

    /** The address of {@code _dns-update-tls._tcp.<zone>}, asked of {@code dnsServer}. */
    HostPort find(String zone, HostPort dnsServer) throws SignInException;
}
