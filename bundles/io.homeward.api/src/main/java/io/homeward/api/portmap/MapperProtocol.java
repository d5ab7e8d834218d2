package io.homeward.api.portmap;

/**
 * The protocol a {@link PortMapper} speaks. {@link #text()} (and {@link #toString()}) is the name operators see.
 *
 * @since 3.0
 */
public enum MapperProtocol {
    /** Port Control Protocol (RFC 6887). */
    PCP("pcp"),
    /** NAT Port Mapping Protocol (RFC 6886). */
    NAT_PMP("nat-pmp"),
    /** UPnP Internet Gateway Device (WANIPConnection / WANPPPConnection). */
    UPNP_IGD("upnp-igd");

    private final String text;

    MapperProtocol(String text) {
        this.text = text;
    }

    /** The operator-facing name, for example {@code nat-pmp}. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
