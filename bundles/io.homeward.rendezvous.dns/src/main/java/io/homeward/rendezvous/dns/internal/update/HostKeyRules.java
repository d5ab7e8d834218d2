package io.homeward.rendezvous.dns.internal.update;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Type;

import io.homeward.rendezvous.dns.internal.hosts.HostNames;
import io.homeward.rendezvous.dns.internal.zone.Zone;

/**
 * What an UPDATE signed with a host key may change (RFC 2136 §3.4 leaves the permissions to the server; like BIND's
 * {@code update-policy} {@code self}/{@code selfsub}): exactly rules 1–3 of docs/enrollment.md, "Per-host keys".
 * Prerequisites are not checked here: they may read any name of the zone.
 */
final class HostKeyRules {
    static final String OWN_NAMES = "rule 1: a host key changes only names at or below its host's name";
    static final String TUNNEL_NAME = "rule 2: an AutoTunnel name only while the host's own _autotunnel._udp SRV"
            + " targets it and no other host's does";
    static final String BROWSE_ENTRY = "rule 3: at _homeward._udp only the single PTR to the host's own name may be"
            + " added or deleted";

    /** The first record of the update section outside the host's rights, and the rule it breaks. */
    record Refusal(Record record, String rule) {
    }

    private HostKeyRules() {
    }

    /**
     * @param zone    the zone as it is before the update
     * @param host    the host's name, {@code laptop.<zone>}
     * @param updates a prescanned update section
     */
    static Optional<Refusal> check(Zone zone, Name host, List<Record> updates) {
        Set<Name> tunnels = new HashSet<>(HostNames.tunnelTargets(zone, host));
        // Whether another host claims a tunnel name costs a walk over the zone's SRVs: once per name, not per record.
        Map<Name, Boolean> claimed = new HashMap<>();
        Name tunnelService = HostNames.tunnelService(host);
        for (Record rr : updates) {
            if (rr.getDClass() == DClass.IN && rr instanceof SRVRecord srv && rr.getName().equals(tunnelService)) {
                tunnels.add(srv.getTarget().canonicalize());
            }
        }
        for (Record rr : updates) {
            Name name = rr.getName();
            if (name.subdomain(host)) {
                continue;
            }
            if (name.equals(HostNames.browse(zone.apex()))) {
                if (!isOwnBrowseEntryChange(rr, zone.apex(), host)) {
                    return Optional.of(new Refusal(rr, BROWSE_ENTRY));
                }
            } else if (HostNames.isTunnelName(zone, name)) {
                if (!tunnels.contains(name.canonicalize()) || claimed.computeIfAbsent(name.canonicalize(),
                        n -> HostNames.claimedByAnother(zone, host, n))) {
                    return Optional.of(new Refusal(rr, TUNNEL_NAME));
                }
            } else {
                return Optional.of(new Refusal(rr, OWN_NAMES));
            }
        }
        return Optional.empty();
    }

    /** An add (class IN) or a one-RR delete (class NONE, RFC 2136 §2.5.4) of the PTR to the host; no RRset delete. */
    private static boolean isOwnBrowseEntryChange(Record rr, Name zone, Name host) {
        if (rr.getType() != Type.PTR || (rr.getDClass() != DClass.IN && rr.getDClass() != DClass.NONE)) {
            return false;
        }
        Record data = Record.newRecord(rr.getName(), rr.getType(), DClass.IN, 0, rr.rdataToWireCanonical());
        return HostNames.isOwnBrowseEntry(data, zone, host);
    }
}
