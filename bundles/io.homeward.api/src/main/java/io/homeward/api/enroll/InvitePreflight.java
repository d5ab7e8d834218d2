package io.homeward.api.enroll;

import java.net.InetAddress;
import java.util.List;

/**
 * Whether an invite made now leads a machine elsewhere to the rendezvous: the addresses and ports it would carry,
 * the checks of the listeners behind them (an address only this machine reaches fails; listeners bound to every
 * interface with no advertised address make no invite at all), and the addresses of this host's network interfaces
 * the rendezvous could listen on instead.
 *
 * @param addresses  the addresses an invite would name; empty when it could name none
 * @param dnsPort    the plain DNS port it would name, 0 when there is none to name
 * @param tlsPort    the DNS-over-TLS port, 0 when there is none
 * @param estPort    the enrollment (EST over HTTPS) port
 * @param stunPort   the STUN port
 * @param checks     what was checked and found
 * @param candidates this host's addresses other machines may reach (no loopback, link-local or tunnel address), IPv4
 *                   first
 * @since 1.0
 */
public record InvitePreflight(List<InetAddress> addresses, int dnsPort, int tlsPort, int estPort, int stunPort,
        List<PreflightCheck> checks, List<InetAddress> candidates) {

    public InvitePreflight {
        addresses = List.copyOf(addresses);
        checks = List.copyOf(checks);
        candidates = List.copyOf(candidates);
    }

    /** Whether every check passed: an invite made now reaches a machine elsewhere. */
    public boolean ready() {
        return checks.stream().allMatch(PreflightCheck::ok);
    }
}
