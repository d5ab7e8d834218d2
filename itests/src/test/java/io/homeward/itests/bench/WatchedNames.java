package io.homeward.itests.bench;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * The names the load client watches ({@code h<i>.<zone>} AAAA) and the addresses its updates write: the
 * update's sequence number sits in the last 32 bits of {@code fd00::/96}, so an event alone says which
 * update caused it.
 */
final class WatchedNames {
    private static final int PREFIX_BYTES = 12;

    private final Name zone;

    WatchedNames(Name zone) {
        this.zone = zone;
    }

    Name zone() {
        return zone;
    }

    Name name(int index) {
        try {
            return Name.fromString("h" + index, zone);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("zone " + zone + " leaves no room for h" + index, e);
        }
    }

    static InetAddress address(int sequence) {
        byte[] bytes = new byte[16];
        bytes[0] = (byte) 0xfd;
        for (int i = 0; i < 4; i++) {
            bytes[PREFIX_BYTES + i] = (byte) (sequence >>> (24 - 8 * i));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always an IPv6 address", e);
        }
    }

    /** The sequence number an AAAA record's 16 data bytes carry, or -1 when they are no update's address. */
    static int sequence(byte[] rdata) {
        if (rdata.length != 16 || (rdata[0] & 0xff) != 0xfd) {
            return -1;
        }
        for (int i = 1; i < PREFIX_BYTES; i++) {
            if (rdata[i] != 0) {
                return -1;
            }
        }
        int sequence = 0;
        for (int i = PREFIX_BYTES; i < 16; i++) {
            sequence = (sequence << 8) | (rdata[i] & 0xff);
        }
        return sequence;
    }
}
