package io.homeward.registrar.internal;

import java.net.Inet4Address;
import java.util.Optional;

/** This host's primary IPv4 address: what it publishes when no gateway maps a port for it. */
interface LocalIpv4 {
    Optional<Inet4Address> primary();
}
