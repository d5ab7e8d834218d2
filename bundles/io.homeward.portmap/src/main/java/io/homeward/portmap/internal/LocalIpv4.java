package io.homeward.portmap.internal;

import java.net.Inet4Address;
import java.util.Optional;

/** This host's primary IPv4 address: its public endpoint when nothing better is known. */
@FunctionalInterface
interface LocalIpv4 {
    Optional<Inet4Address> primary();
}
