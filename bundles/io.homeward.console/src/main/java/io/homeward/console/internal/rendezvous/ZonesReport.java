package io.homeward.console.internal.rendezvous;

import java.util.List;

import io.homeward.api.rendezvous.ZoneDirectory;
import io.homeward.api.rendezvous.ZoneSummary;

/** The text of {@code homeward:zones}: every zone with its serial and record count. */
final class ZonesReport {
    static final String NO_ZONES = "no zones; adding a user (homeward:useradd <name>) creates one";

    private ZonesReport() {
    }

    static String of(ZoneDirectory directory) {
        List<ZoneSummary> zones = directory.zones();
        if (zones.isEmpty()) {
            return NO_ZONES;
        }
        TextTable table = new TextTable("ZONE", "SERIAL", "RECORDS");
        zones.forEach(z -> table.row(z.zone(), z.serial(), z.records()));
        return table.render();
    }
}
