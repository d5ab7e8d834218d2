package io.homeward.peers.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.util.Locale;

import org.xbill.DNS.Address;

import io.homeward.kit.text.DnsLabel;


/** Reads the RDATA a record watcher reports (presentation format) into values; bad text gets an exception saying why. */
final class RecordText {
    private RecordText() {
    }

    /** Lower case with a trailing dot, the form every name is compared in (DNS names are case-insensitive). */
    static String absolute(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }

    /** The host label of a browse PTR whose target is {@code <host>.<zone>}. */
    static String hostOf(String ptrRdata, String zone) {
        String target = ptrRdata.trim().toLowerCase(Locale.ROOT);
        String suffix = "." + zone;
        if (!target.endsWith(suffix)) {
            throw new IllegalArgumentException("the PTR target '" + ptrRdata + "' is not a name in the zone " + zone);
        }
        String label = target.substring(0, target.length() - suffix.length());
        DnsLabel.problem(label).ifPresent(problem -> {
            throw new IllegalArgumentException("the PTR target '" + ptrRdata + "' is not a host directly under "
                    + zone + ": " + problem);
        });
        return label;
    }

    static Inet6Address ipv6(String rdata) {
        byte[] bytes = Address.toByteArray(rdata.trim(), Address.IPv6);
        if (bytes == null) {
            throw new IllegalArgumentException("'" + rdata + "' is not an IPv6 address");
        }
        try {
            // Built from raw bytes (no lookup), and kept IPv6 even for an IPv4-mapped address.
            return Inet6Address.getByAddress(null, bytes, (NetworkInterface) null);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + rdata + "' is not an IPv6 address", e);
        }
    }

    static Inet4Address ipv4(String rdata) {
        byte[] bytes = Address.toByteArray(rdata.trim(), Address.IPv4);
        if (bytes == null) {
            throw new IllegalArgumentException("'" + rdata + "' is not an IPv4 address");
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + rdata + "' is not an IPv4 address", e);
        }
    }

    /** SRV RDATA is "priority weight port target" (RFC 2782). */
    static SrvTarget srv(String rdata) {
        String[] fields = rdata.trim().split("\\s+");
        if (fields.length != 4) {
            throw new IllegalArgumentException("'" + rdata + "' is not SRV data (priority weight port target)");
        }
        int port;
        try {
            port = Integer.parseInt(fields[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the SRV port in '" + rdata + "' is not a number", e);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the SRV port in '" + rdata + "' is not 0..65535");
        }
        String target = fields[3].toLowerCase(Locale.ROOT);
        if (!target.endsWith(".")) {
            throw new IllegalArgumentException("the SRV target in '" + rdata + "' is not an absolute name");
        }
        return new SrvTarget(port, target.equals(".") ? "" : target);
    }
}
