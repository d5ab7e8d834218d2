package io.homeward.registrar.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;

import io.homeward.api.registration.HostRecordSet;

/**
 * The DNS records of one host in its user's zone (docs/architecture.md, "Records a host publishes").
 * For zone Z, host H and EUI-64 E:
 * <pre>
 * _autotunnel._udp.H.Z   SRV  0 0 port AutoTunnel-E.Z.
 * AutoTunnel-E.Z         A    public IPv4
 * AutoTunnel-E.Z         AAAA ULA
 * AutoTunnel-E.Z         TXT  "key=value" ... (device info)
 * H.Z                    AAAA ULA
 * _homeward._udp.Z       PTR  H.Z.
 * </pre>
 * The PTR at the browse name {@code _homeward._udp.<zone>} (DNS-SD style, RFC 6763 §4) lets the user's
 * other hosts enumerate and watch every host of the zone with one long-lived query; each host owns only
 * its own PTR in that shared RRset.
 */
final class PublishedRecords {
    /** Host and tunnel records change when a host moves, so caches must not keep them long (Apple used 120 s). */
    static final long TTL_SECONDS = 120;
    static final String BROWSE_LABELS = "_homeward._udp";

    final Name zone;
    final Name host;
    final Name autoTunnelService;
    final Name autoTunnelTarget;
    final Name browse;
    private final HostRecordSet set;

    PublishedRecords(HostRecordSet set) {
        try {
            this.zone = Name.fromString(set.zone().endsWith(".") ? set.zone() : set.zone() + ".");
            this.host = Name.concatenate(Name.fromString(set.hostName()), zone);
            this.autoTunnelService = Name.concatenate(Name.fromString("_autotunnel._udp"), host);
            this.autoTunnelTarget = Name.concatenate(Name.fromString(set.eui64().autoTunnelLabel()), zone);
            this.browse = Name.concatenate(Name.fromString(BROWSE_LABELS), zone);
        } catch (TextParseException | NameTooLongException e) {
            throw new IllegalArgumentException("host '" + set.hostName() + "' in zone '" + set.zone()
                    + "' does not give valid DNS names: " + e.getMessage(), e);
        }
        this.set = set;
    }

    /** The records to add, in the order they appear in the UPDATE. */
    List<org.xbill.DNS.Record> additions() {
        List<org.xbill.DNS.Record> records = new ArrayList<>();
        records.add(new SRVRecord(autoTunnelService, DClass.IN, TTL_SECONDS, 0, 0, set.publicPort(), autoTunnelTarget));
        records.add(new ARecord(autoTunnelTarget, DClass.IN, TTL_SECONDS, set.publicAddress()));
        records.add(new AAAARecord(autoTunnelTarget, DClass.IN, TTL_SECONDS, set.ula()));
        records.add(new TXTRecord(autoTunnelTarget, DClass.IN, TTL_SECONDS, deviceInfoStrings()));
        records.add(new AAAARecord(host, DClass.IN, TTL_SECONDS, set.ula()));
        records.add(browsePointer());
        return records;
    }

    /** The shared browse RRset holds every host's PTR; this host deletes only its own (RFC 2136 §2.5.4). */
    PTRRecord browsePointer() {
        return new PTRRecord(browse, DClass.IN, TTL_SECONDS, host);
    }

    /** Sorted by key so the same set always gives the same TXT RDATA (a refresh then changes nothing). */
    private List<String> deviceInfoStrings() {
        List<String> strings = new ArrayList<>();
        new TreeMap<>(set.deviceInfo()).forEach((key, value) -> strings.add(key + "=" + value));
        if (strings.isEmpty()) {
            strings.add(""); // RFC 6763 §6.1: an empty TXT still holds one empty string
        }
        return strings;
    }
}
