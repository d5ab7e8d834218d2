package io.homeward.portmap.internal;

import java.net.Inet4Address;
import java.util.List;

/** This host's IPv4 addresses, behind a seam so the diagnosis can be tested with any network. */
@FunctionalInterface
interface LocalAddresses {
    List<Inet4Address> ipv4();
}
