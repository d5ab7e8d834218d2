package io.homeward.rendezvous.dns.internal.zone;

/** SOA serial numbers are 32-bit and wrap (RFC 1982). */
public final class Serials {
    private static final long MASK = 0xFFFF_FFFFL;

    private Serials() {
    }

    public static long next(long serial) {
        return (serial + 1) & MASK;
    }

    /** True when {@code serial} is {@code other} or newer in serial number arithmetic (RFC 1982 §3.2). */
    public static boolean isAtLeast(long serial, long other) {
        long distance = (serial - other) & MASK;
        return distance < 0x8000_0000L;
    }

    /** A fresh zone starts at the current Unix time, so a re-created zone does not reuse an old serial. */
    public static long initial(long epochSecond) {
        return epochSecond & MASK;
    }
}
