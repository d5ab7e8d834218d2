package io.homeward.rendezvous.enroll.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.homeward.api.dns.DnsTransport;
import io.homeward.api.enroll.InvitePreflight;
import io.homeward.api.enroll.PreflightCheck;
import io.homeward.kit.net.Endpoints;

/**
 * Checks, before an invite is made, that a machine elsewhere reaches the rendezvous where the invite sends it
 * (docs/enrollment.md, "Invite codes"): the addresses the code names, the DNS listeners and the enrollment server.
 * An address only this machine reaches fails; so do listeners on loopback while the code names another address.
 */
final class InvitePreflights {
    static final String ADDRESSES = "Invite addresses";
    static final String DNS = "DNS listeners";
    static final String EST = "Enrollment server";

    private final RendezvousCoordinates coordinates;
    private final Supplier<List<InetAddress>> candidates;

    /** @param candidates this host's addresses other machines may reach ({@link LocalAddresses}) */
    InvitePreflights(RendezvousCoordinates coordinates, Supplier<List<InetAddress>> candidates) {
        this.coordinates = coordinates;
        this.candidates = candidates;
    }

    InvitePreflight check() {
        List<PreflightCheck> checks = new ArrayList<>();
        List<InetAddress> addresses;
        try {
            addresses = coordinates.addresses();
            String text = addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", "));
            boolean local = addresses.stream().allMatch(InetAddress::isLoopbackAddress);
            checks.add(new PreflightCheck(ADDRESSES, local ? text + ", which only this machine reaches" : text, !local));
        } catch (IllegalStateException e) {
            addresses = List.of();
            checks.add(new PreflightCheck(ADDRESSES, "none: " + e.getMessage(), false));
        }
        checks.add(listener(DNS, coordinates.listener(DnsTransport.UDP)));
        checks.add(listener(EST, Optional.of(coordinates.est())));
        return new InvitePreflight(addresses, coordinates.advertisedPort(DnsTransport.UDP),
                coordinates.advertisedPort(DnsTransport.TLS), coordinates.est().getPort(),
                coordinates.advertisedStunPort(), checks, candidates.get());
    }

    private static PreflightCheck listener(String subject, Optional<InetSocketAddress> bound) {
        if (bound.isEmpty()) {
            return new PreflightCheck(subject, "not running", false);
        }
        InetSocketAddress address = bound.get();
        if (address.getAddress().isAnyLocalAddress()) {
            return new PreflightCheck(subject, "every interface, port " + address.getPort(), true);
        }
        if (address.getAddress().isLoopbackAddress()) {
            return new PreflightCheck(subject, Endpoints.text(address) + ", which only this machine reaches", false);
        }
        return new PreflightCheck(subject, Endpoints.text(address), true);
    }
}
