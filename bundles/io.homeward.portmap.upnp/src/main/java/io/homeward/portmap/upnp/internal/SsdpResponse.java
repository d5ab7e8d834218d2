package io.homeward.portmap.upnp.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Reads the LOCATION of an Internet gateway from an SSDP M-SEARCH answer (UDA 1.1 §1.3.3). */
final class SsdpResponse {
    private SsdpResponse() {
    }

    /** The root description URL, or empty when the datagram is not a 200 answer from a gateway. */
    static Optional<URI> gatewayLocation(String datagram) {
        String[] lines = datagram.split("\r?\n");
        if (lines.length == 0 || !lines[0].toUpperCase(Locale.ROOT).matches("HTTP/1\\.[01] 200( .*)?")) {
            return Optional.empty();
        }
        String location = null;
        String searchTarget = "";
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toUpperCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            if (name.equals("LOCATION")) {
                location = value;
            } else if (name.equals("ST")) {
                searchTarget = value;
            }
        }
        if (location == null || !isGatewayTarget(searchTarget)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(location);
            return "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null ? Optional.of(uri)
                    : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean isGatewayTarget(String st) {
        return st.startsWith("urn:schemas-upnp-org:device:InternetGatewayDevice:")
                || st.startsWith(WanService.IP_PREFIX) || st.startsWith(WanService.PPP_PREFIX);
    }
}
