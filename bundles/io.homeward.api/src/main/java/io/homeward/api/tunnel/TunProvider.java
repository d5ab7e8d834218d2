package io.homeward.api.tunnel;

import java.io.IOException;
import java.net.Inet6Address;

import org.osgi.annotation.versioning.ProviderType;

/** Creates TUN interfaces and routes into them; needs CAP_NET_ADMIN on Linux. */
@ProviderType
public interface TunProvider {

    /**
     * Opens (creating if needed) the interface, gives it the address as a /128 and the MTU.
     *
     * @throws IOException whose message names the missing privilege or the failing step
     */
    TunDevice open(String name, Inet6Address address, int mtu) throws IOException;

    /** Routes a peer's ULA/128 into the device. */
    void addRoute(TunDevice device, Inet6Address peer) throws IOException;

    void removeRoute(TunDevice device, Inet6Address peer) throws IOException;
}
