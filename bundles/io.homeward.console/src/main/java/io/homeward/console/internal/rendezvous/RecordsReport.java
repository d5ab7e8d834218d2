package io.homeward.console.internal.rendezvous;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.xbill.DNS.Type;

import io.homeward.api.rendezvous.ZoneDirectory;
import io.homeward.api.rendezvous.ZoneRecord;
import io.homeward.api.rendezvous.ZoneSummary;
import io.homeward.console.internal.TimeText;

/** The text of {@code homeward:records <zone>}: the zone's records with their lease expiry. */
final class RecordsReport {

    private RecordsReport() {
    }

    /** The zone may be given with or without its final dot, in any case (DNS names compare case-insensitively). */
    static String of(ZoneDirectory directory, String requested, Instant now) {
        List<ZoneSummary> zones = directory.zones();
        Optional<ZoneSummary> zone = zones.stream().filter(z -> canonical(z.zone()).equals(canonical(requested))).findFirst();
        if (zone.isEmpty()) {
            return "unknown zone " + requested + "; "
                    + (zones.isEmpty() ? ZonesReport.NO_ZONES
                            : "known zones: " + zones.stream().map(ZoneSummary::zone).collect(Collectors.joining(", ")));
        }
        ZoneSummary summary = zone.get();
        List<ZoneRecord> records = directory.records(summary.zone());
        StringBuilder s = new StringBuilder("Zone ").append(summary.zone()).append(" (serial ").append(summary.serial())
                .append(")\n");
        if (records.isEmpty()) {
            return s.append("no records\n").toString();
        }
        TextTable table = new TextTable("NAME", "TYPE", "TTL", "RDATA", "LEASE EXPIRES");
        records.forEach(r -> table.row(r.name(), Type.string(r.type()), r.ttl(), r.rdata(),
                TimeText.lease(now, r.leaseExpires(), TimeText.NO_LEASE)));
        return s.append(table.render()).toString();
    }

    private static String canonical(String zone) {
        String lower = zone == null ? "" : zone.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }
}
