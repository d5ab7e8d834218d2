package io.homeward.api.identity;

import java.net.Inet6Address;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who this host is on the overlay. Constant while the runtime runs, except the host name,
 * which an operator may change.
 */
@ProviderType
public interface HostIdentity {

    /** The modified EUI-64 used as the interface identifier of the ULA. */
    Eui64 eui64();

    /** Where the EUI-64 came from: an interface name, or {@code random} when no MAC was usable. */
    String eui64Source();

    /** {@code fd} + 7 random octets + the EUI-64 (RFC 4193 §3.1, RFC 4291 Appendix A). */
    Inet6Address ula();

    /** The ULA in RFC 5952 canonical text. */
    String ulaText();

    /** The host's label in its user zone, a valid DNS label. */
    String hostName();

    /** {@code AutoTunnel-XX-XX-XX-XX-XX-XX-XX-XX}. */
    default String autoTunnelLabel() {
        return eui64().autoTunnelLabel();
    }
}
