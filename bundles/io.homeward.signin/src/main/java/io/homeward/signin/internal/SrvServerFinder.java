package io.homeward.signin.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;

import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

import io.homeward.kit.dns.ServiceNotOfferedException;
import io.homeward.kit.dns.SrvLookup;
import io.homeward.kit.dns.UdpQuery;

/** Looks up SRV {@code <service>.<zone>} (RFC 2782) and its target's address, on the caller's thread. */
final class SrvServerFinder implements ServerFinder {
    /** The DNS-over-TLS update service. */
    static final String SERVICE = "_dns-update-tls._tcp";
    /** The enrollment service (docs/enrollment.md, "Enrollment over EST"). */
    static final String EST = "_est._tcp";

    private final UdpQuery udp;

    SrvServerFinder(Duration timeout) {
        this.udp = new UdpQuery(timeout, 1);
    }

    @Override
    public HostPort find(String service, String zone, HostPort dnsServer) throws SignInException {
        Name owner;
        try {
            owner = Name.fromString(service + "." + zone, Name.root);
        } catch (TextParseException e) {
            throw new SignInException("'" + zone + "' is not a valid zone name");
        }
        try {
            InetSocketAddress found = SrvLookup.blocking(udp::exchange, dnsServer.socketAddress(), new SecureRandom())
                    .locateNow(owner);
            return new HostPort(found.getAddress().getHostAddress(), found.getPort());
        } catch (ServiceNotOfferedException e) {
            throw new SignInException(e.getMessage() + "; set the server address explicitly");
        } catch (IOException e) {
            throw new SignInException("cannot find the rendezvous with the DNS server " + dnsServer + ": "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInException("interrupted while looking up " + owner);
        }
    }
}
