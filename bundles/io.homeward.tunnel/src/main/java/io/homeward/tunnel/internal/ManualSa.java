package io.homeward.tunnel.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import io.homeward.api.sa.SaSpec;

/**
 * An SA pair keyed by hand, as {@code ip xfrm state} or strongSwan's manual keying takes it: the SPIs (hex with
 * 0x, or decimal), the suite, the key material as hex (key then salt), optionally the peer's endpoint, and whether
 * the SAs use Extended Sequence Numbers ({@code ip xfrm state ... flag esn}); the peer itself is named separately (a
 * ULA, or a host name the directory resolves). Parsing failures name the setting.
 */
record ManualSa(int inboundSpi, int outboundSpi, String suite, byte[] inboundKey, byte[] outboundKey,
        InetSocketAddress endpoint, boolean esn) {

    static ManualSa parse(String inboundSpi, String outboundSpi, String suite, String inboundKey, String outboundKey,
            String endpoint, boolean esn) {
        return new ManualSa(spi("inboundSpi", inboundSpi), spi("outboundSpi", outboundSpi), suite.trim(),
                key("inboundKey", inboundKey), key("outboundKey", outboundKey), endpoint(endpoint), esn);
    }

    /** The spec for the peer with this ULA. */
    SaSpec forPeer(Inet6Address ula) {
        return new SaSpec(ula, inboundSpi, outboundSpi, suite, inboundKey, outboundKey, endpoint, esn);
    }

    /** The peer's ULA if the text is an IPv6 address; empty for a host name. */
    static Optional<Inet6Address> ula(String text) {
        String t = text.trim();
        if (!t.contains(":")) {
            return Optional.empty();
        }
        try {
            if (InetAddress.getByName(t) instanceof Inet6Address v6) {
                return Optional.of(v6);
            }
        } catch (UnknownHostException e) {
            // Reported below.
        }
        throw new IllegalArgumentException("peer must be a ULA (an IPv6 address) or a host name, got '" + text + "'");
    }

    private static int spi(String key, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            long value = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            if (value < 0 || value > 0xFFFF_FFFFL) {
                throw new NumberFormatException();
            }
            return (int) value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a 32-bit SPI such as 0xc0ffee01, got '" + text + "'");
        }
    }

    private static byte[] key(String key, String text) {
        try {
            String hex = text.trim().toLowerCase(Locale.ROOT).replace(":", "");
            return HexFormat.of().parseHex(hex.startsWith("0x") ? hex.substring(2) : hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " must be hex (the key followed by the 4-byte salt)");
        }
    }

    private static InetSocketAddress endpoint(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        int colon = t.lastIndexOf(':');
        try {
            String host = t.substring(0, colon).replace("[", "").replace("]", "");
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(host), Integer.parseInt(t.substring(colon + 1)));
            return address;
        } catch (RuntimeException | UnknownHostException e) {
            throw new IllegalArgumentException("endpoint must be address:port or empty, got '" + text + "'");
        }
    }
}
