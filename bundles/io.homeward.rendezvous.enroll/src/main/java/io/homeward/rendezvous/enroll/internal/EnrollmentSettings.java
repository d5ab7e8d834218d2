package io.homeward.rendezvous.enroll.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The enrollment server's configuration, checked.
 *
 * @param bind       where it listens; port 0 picks a free one
 * @param limits     what one client may make it hold
 * @param advertised the addresses invites name; empty for the listeners' bind address
 * @param dnsPort    the plain DNS port invites name; 0 for the DNS listener's
 * @param tlsPort    the DNS-over-TLS port invites name; 0 for the listener's
 * @param stunPort   the STUN port invites name; 0 for the STUN server's configured port
 */
record EnrollmentSettings(InetSocketAddress bind, HttpLimits limits, List<InetAddress> advertised, int dnsPort,
        int tlsPort, int stunPort) {

    EnrollmentSettings {
        advertised = List.copyOf(advertised);
    }
}
