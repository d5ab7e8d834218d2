package io.homeward.api.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * A modified EUI-64 interface identifier (RFC 4291 Appendix A): eight bytes, immutable.
 */
public final class Eui64 {
    private static final int UNIVERSAL_LOCAL_BIT = 0x02;
    private static final int GROUP_BIT = 0x01;

    private final byte[] bytes;

    private Eui64(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The modified EUI-64 of a 48-bit MAC: FF-FE inserted after the OUI, universal/local bit inverted. */
    public static Eui64 fromMac(byte[] mac) {
        if (mac == null || mac.length != 6) {
            throw new IllegalArgumentException("a MAC address has 6 bytes, got " + (mac == null ? "none" : mac.length));
        }
        byte[] b = new byte[8];
        b[0] = (byte) (mac[0] ^ UNIVERSAL_LOCAL_BIT);
        b[1] = mac[1];
        b[2] = mac[2];
        b[3] = (byte) 0xFF;
        b[4] = (byte) 0xFE;
        b[5] = mac[3];
        b[6] = mac[4];
        b[7] = mac[5];
        return new Eui64(b);
    }

    /**
     * A random identifier for a host with no usable MAC. In the modified form a cleared
     * universal/local bit means "locally assigned" (RFC 4291 Appendix A), and the group bit is cleared.
     */
    public static Eui64 random(Random random) {
        byte[] b = new byte[8];
        random.nextBytes(b);
        b[0] = (byte) (b[0] & ~(UNIVERSAL_LOCAL_BIT | GROUP_BIT));
        return new Eui64(b);
    }

    /** Eight raw bytes, for example from a stored identity. */
    public static Eui64 of(byte[] bytes) {
        if (bytes == null || bytes.length != 8) {
            throw new IllegalArgumentException("an EUI-64 has 8 bytes");
        }
        return new Eui64(bytes.clone());
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    /** True when the identifier claims universal scope, i.e. it came from a globally unique MAC. */
    public boolean isUniversal() {
        return (bytes[0] & UNIVERSAL_LOCAL_BIT) != 0;
    }

    /** The BTMM tunnel endpoint label, {@code AutoTunnel-02-1B-63-FF-FE-84-5A-0C}. */
    public String autoTunnelLabel() {
        return "AutoTunnel-" + this;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(23);
        for (int i = 0; i < 8; i++) {
            if (i > 0) {
                s.append('-');
            }
            s.append(String.format(Locale.ROOT, "%02X", bytes[i] & 0xFF));
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Eui64 && Arrays.equals(bytes, ((Eui64) o).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
