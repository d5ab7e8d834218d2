package io.homeward.rendezvous.enroll.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

import io.homeward.api.dns.DnsTransport;
import io.homeward.api.rendezvous.DnsListenerStatus;
import io.homeward.api.rendezvous.ListenerState;
import io.homeward.api.rendezvous.RendezvousTls;
import io.homeward.kit.enroll.InviteCode;
import io.homeward.kit.net.Endpoints;

/**
 * Where a joining machine finds this rendezvous, as an invite code carries it (docs/enrollment.md, "Invite codes"):
 * the configured advertised addresses and ports, or else what the listeners are bound to; the enrollment port; and
 * the pin of the TLS certificate every TLS service presents.
 */
final class RendezvousCoordinates {
    private final List<InetAddress> advertised;
    private final int dnsPort;
    private final int tlsPort;
    private final int stunPort;
    private final DnsListenerStatus dns;
    private final IntSupplier configuredStunPort;
    private final InetSocketAddress est;
    private final RendezvousTls tls;

    /**
     * @param advertised         the configured addresses; empty for the listeners' bind address
     * @param dnsPort            the advertised plain DNS port; 0 for the DNS listener's
     * @param tlsPort            the advertised DNS-over-TLS port; 0 for the listener's
     * @param stunPort           the advertised STUN port; 0 for {@code configuredStunPort}
     * @param configuredStunPort the STUN server's configured port
     * @param est                where the enrollment server listens
     */
    RendezvousCoordinates(List<InetAddress> advertised, int dnsPort, int tlsPort, int stunPort, DnsListenerStatus dns,
            IntSupplier configuredStunPort, InetSocketAddress est, RendezvousTls tls) {
        this.advertised = List.copyOf(advertised);
        this.dnsPort = dnsPort;
        this.tlsPort = tlsPort;
        this.stunPort = stunPort;
        this.dns = dns;
        this.configuredStunPort = configuredStunPort;
        this.est = est;
        this.tls = tls;
    }

    /**
     * The addresses an invite names.
     *
     * @throws IllegalStateException when there are none to name: the listeners are bound to every interface and no
     *                               address is configured
     */
    List<InetAddress> addresses() {
        if (!advertised.isEmpty()) {
            return advertised;
        }
        InetAddress bound = listener(DnsTransport.UDP).map(InetSocketAddress::getAddress).orElse(est.getAddress());
        if (bound.isAnyLocalAddress()) {
            bound = est.getAddress();
        }
        if (bound.isAnyLocalAddress()) {
            throw new IllegalStateException("the rendezvous listens on every interface, so invites cannot name its"
                    + " address: set advertisedAddresses of " + EnrollmentServerComponent.PID
                    + " to the addresses agents reach it at");
        }
        return List.of(bound);
    }

    /** Why invites may not reach other machines, if they may not. */
    Optional<String> warning() {
        try {
            List<InetAddress> addresses = addresses();
            if (advertised.isEmpty() && addresses.stream().allMatch(InetAddress::isLoopbackAddress)) {
                return Optional.of("invites name " + addresses.get(0).getHostAddress() + ", which only this machine"
                        + " reaches: set advertisedAddresses of " + EnrollmentServerComponent.PID
                        + " to the rendezvous' public addresses");
            }
            return Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.of(e.getMessage());
        }
    }

    InviteCode code(Invite invite, String zone) {
        return new InviteCode(addresses(), port(dnsPort, DnsTransport.UDP), port(tlsPort, DnsTransport.TLS),
                est.getPort(), advertisedStunPort(),
                HexFormat.ofDelimiter(":").parseHex(tls.fingerprint()), zone, invite.host(), invite.secret());
    }

    /** The port an invite names for the transport; 0 when there is none to name. */
    int advertisedPort(DnsTransport transport) {
        int configured = transport == DnsTransport.TLS ? tlsPort : dnsPort;
        return configured != 0 ? configured : listener(transport).map(InetSocketAddress::getPort).orElse(0);
    }

    int advertisedStunPort() {
        return stunPort != 0 ? stunPort : configuredStunPort.getAsInt();
    }

    /** Where the enrollment server listens. */
    InetSocketAddress est() {
        return est;
    }

    private int port(int configured, DnsTransport transport) {
        if (configured != 0) {
            return configured;
        }
        return listener(transport).map(InetSocketAddress::getPort).orElseThrow(() -> new IllegalStateException(
                "the DNS listeners have no " + transport.text() + " port to advertise"));
    }

    /** Where the DNS listener of the transport is bound, empty when none runs. */
    Optional<InetSocketAddress> listener(DnsTransport transport) {
        return dns.listeners().stream().filter(l -> l.transport() == transport).map(ListenerState::address)
                .findFirst().flatMap(text -> Endpoints.parse("the " + transport.text() + " listener", text));
    }
}
