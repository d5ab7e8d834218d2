package io.homeward.kit.text;

import io.homeward.api.identity.Eui64;

/** The dashed text form of a modified EUI-64, {@code 02-1B-63-FF-FE-84-5A-0C} (RFC 4291 Appendix A). */
public final class Eui64Text {

    private Eui64Text() {
    }

    /** Parses the dashed form; the exception says why a value is refused. */
    public static Eui64 parse(String text) {
        String[] parts = text.split("-", -1);
        if (parts.length != 8) {
            throw new IllegalArgumentException("an EUI-64 is eight dash-separated hex octets: " + text);
        }
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            if (parts[i].length() != 2) {
                throw new IllegalArgumentException("an EUI-64 octet has two hex digits: " + text);
            }
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return Eui64.of(b);
    }
}
