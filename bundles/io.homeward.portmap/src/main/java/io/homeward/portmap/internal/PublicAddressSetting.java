package io.homeward.portmap.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The operator's public address, checked. A value that is not a dotted IPv4 address is a {@link #problem()}: then no
 * endpoint is given at all until it is fixed, rather than a guess.
 *
 * @param address the configured address, empty when none is set
 * @param problem what is wrong with the configured text
 */
record PublicAddressSetting(Optional<Inet4Address> address, Optional<String> problem) {

    static PublicAddressSetting parse(String text) {
        String value = text == null ? "" : text.trim();
        if (value.isEmpty()) {
            return new PublicAddressSetting(Optional.empty(), Optional.empty());
        }
        try {
            if (value.chars().allMatch(c -> c == '.' || Character.isDigit(c))
                    && InetAddress.getByName(value) instanceof Inet4Address v4) {
                return new PublicAddressSetting(Optional.of(v4), Optional.empty());
            }
        } catch (UnknownHostException e) {
            // Reported below like any other text that is not a dotted IPv4 address.
        }
        return new PublicAddressSetting(Optional.empty(),
                Optional.of("publicAddress must be an IPv4 address such as 203.0.113.7, got '" + text + "'"));
    }
}
