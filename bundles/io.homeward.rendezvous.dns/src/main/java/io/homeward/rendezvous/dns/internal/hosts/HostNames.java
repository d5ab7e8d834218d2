package io.homeward.rendezvous.dns.internal.hosts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Type;

import io.homeward.rendezvous.dns.internal.zone.Zone;

/**
 * The names a host publishes in its user's zone (docs/architecture.md, "Records a host publishes") and so the ones
 * its own key may change (docs/enrollment.md, "Per-host keys"): its name and below (rule 1), the
 * {@code AutoTunnel-<EUI-64>} name its {@code _autotunnel._udp} SRV targets and no other host's does (rule 2), and
 * its own browse PTR at {@code _homeward._udp} (rule 3).
 */
public final class HostNames {
    private static final Name AUTOTUNNEL_SERVICE = Name.fromConstantString("_autotunnel._udp");
    private static final Name BROWSE = Name.fromConstantString("_homeward._udp");
    private static final String AUTOTUNNEL_PREFIX = "autotunnel-";

    private HostNames() {
    }

    /** {@code _autotunnel._udp.<host>}: the SRV that names the host's tunnel endpoint. */
    public static Name tunnelService(Name host) {
        return concatenate(AUTOTUNNEL_SERVICE, host);
    }

    /** {@code _homeward._udp.<zone>}: the browse name, one PTR per host. */
    public static Name browse(Name zone) {
        return concatenate(BROWSE, zone);
    }

    /** True for {@code AutoTunnel-…} one label below the apex, whatever the case. */
    public static boolean isTunnelName(Zone zone, Name name) {
        return name.labels() == zone.apex().labels() + 1 && name.subdomain(zone.apex())
                && name.getLabelString(0).toLowerCase(Locale.ROOT).startsWith(AUTOTUNNEL_PREFIX);
    }

    /** The SRV targets of the host's {@code _autotunnel._udp} records now in the zone. */
    public static Set<Name> tunnelTargets(Zone zone, Name host) {
        Set<Name> targets = new LinkedHashSet<>();
        for (Record r : zone.rrset(tunnelService(host), Type.SRV)) {
            targets.add(((SRVRecord) r).getTarget().canonicalize());
        }
        return targets;
    }

    /** True when an {@code _autotunnel._udp} SRV of any other host in the zone targets the name. */
    public static boolean claimedByAnother(Zone zone, Name host, Name target) {
        for (Record r : zone.storedOfType(Type.SRV)) {
            if (isTunnelService(r.getName()) && !r.getName().subdomain(host)
                    && ((SRVRecord) r).getTarget().canonicalize().equals(target.canonicalize())) {
                return true;
            }
        }
        return false;
    }

    /** True for the single browse PTR that points at the host. */
    public static boolean isOwnBrowseEntry(Record record, Name zone, Name host) {
        return record.getName().equals(browse(zone)) && record instanceof PTRRecord ptr
                && ptr.getTarget().canonicalize().equals(host.canonicalize());
    }

    /**
     * Everything the host published (rules 1–3): the stored records at its name and below, at the tunnel names
     * only it targets, and its browse PTR.
     */
    public static List<Record> published(Zone zone, Name host) {
        List<Record> records = new ArrayList<>(zone.storedAtOrBelow(host));
        for (Name target : tunnelTargets(zone, host)) {
            if (isTunnelName(zone, target) && !claimedByAnother(zone, host, target)) {
                records.addAll(zone.storedAtOrBelow(target).stream().filter(r -> r.getName().equals(target)).toList());
            }
        }
        for (Record r : zone.rrset(browse(zone.apex()), Type.PTR)) {
            if (isOwnBrowseEntry(r, zone.apex(), host)) {
                records.add(r);
            }
        }
        return records;
    }

    private static boolean isTunnelService(Name name) {
        return name.labels() > AUTOTUNNEL_SERVICE.labels() + 1
                && name.getLabelString(0).equalsIgnoreCase(AUTOTUNNEL_SERVICE.getLabelString(0))
                && name.getLabelString(1).equalsIgnoreCase(AUTOTUNNEL_SERVICE.getLabelString(1));
    }

    private static Name concatenate(Name prefix, Name suffix) {
        try {
            return Name.concatenate(prefix, suffix);
        } catch (NameTooLongException e) {
            throw new IllegalArgumentException("the name " + suffix + " is too long for " + prefix, e);
        }
    }
}
