package io.homeward.signin.internal;

/** Finds a service of the rendezvous for a zone; a seam over DNS lookups. */
interface ServerFinder {

    /** The address of SRV {@code <service>.<zone>}, such as {@code _dns-update-tls._tcp}, asked of {@code dnsServer}. */
    HostPort find(String service, String zone, HostPort dnsServer) throws SignInException;
}
