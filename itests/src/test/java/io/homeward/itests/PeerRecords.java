package io.homeward.itests;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * The records by which a host of the user appears to the user's other hosts (docs/architecture.md, "Records a host
 * publishes"), as UPDATEs of the user's zone: its browse PTR at {@code _homeward._udp.<zone>}, its ULA (AAAA), its
 * {@code _autotunnel._udp} SRV and the public address (A) at the SRV's target. A stand-in host's public endpoint is
 * {@code 10.a.b.c:4500} with {@code a.b.c} a number the sender chose, so a reader of the endpoint knows which change
 * it sees.
 */
final class PeerRecords {
    static final int PORT = 4500;
    private static final long TTL = 60;

    private final Name zone;

    PeerRecords(String zone) throws TextParseException {
        this.zone = Name.fromString(zone);
    }

    /** The label of stand-in host {@code n}. */
    static String host(int n) {
        return "peer" + n;
    }

    /** The endpoint text ({@code address:port}) of change {@code sequence}, as the console shows it. */
    static String endpoint(int sequence) {
        return address(sequence).getHostAddress() + ":" + PORT;
    }

    /** The change number an endpoint text carries, or -1 when it is none of {@link #endpoint}'s. */
    static int sequence(String endpoint) {
        String[] octets = endpoint.replaceFirst(":\\d+$", "").split("\\.");
        if (octets.length != 4 || !octets[0].equals("10")) {
            return -1;
        }
        return Integer.parseInt(octets[1]) << 16 | Integer.parseInt(octets[2]) << 8 | Integer.parseInt(octets[3]);
    }

    /** Stand-in host {@code n} published with the endpoint of change {@code sequence}. */
    Update publish(int n, int sequence) throws TextParseException {
        Name host = name(host(n));
        Name target = tunnelName(n);
        Update update = new Update(zone);
        update.add(new PTRRecord(name("_homeward._udp"), DClass.IN, TTL, host));
        update.add(new AAAARecord(host, DClass.IN, TTL, ula(n)));
        update.add(new SRVRecord(Name.fromString("_autotunnel._udp", host), DClass.IN, TTL, 0, 0, PORT, target));
        update.add(new ARecord(target, DClass.IN, TTL, address(sequence)));
        return update;
    }

    /** Stand-in host {@code n}'s public address replaced by that of change {@code sequence}. */
    Update move(int n, int sequence) throws TextParseException {
        Update update = new Update(zone);
        update.delete(tunnelName(n), Type.A);
        update.add(new ARecord(tunnelName(n), DClass.IN, TTL, address(sequence)));
        return update;
    }

    private Name tunnelName(int n) throws TextParseException {
        return name(String.format("AutoTunnel-02000000%08x", n));
    }

    private Name name(String relative) throws TextParseException {
        return Name.fromString(relative, zone);
    }

    private static InetAddress ula(int n) {
        return literal(new byte[] {(byte) 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) (n >> 24), (byte) (n >> 16),
            (byte) (n >> 8), (byte) n});
    }

    private static InetAddress address(int sequence) {
        return literal(new byte[] {10, (byte) (sequence >> 16), (byte) (sequence >> 8), (byte) sequence});
    }

    private static InetAddress literal(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
