package io.homeward.rendezvous.dns.internal;

import static io.homeward.rendezvous.dns.internal.EngineFixture.ALICE;
import static io.homeward.rendezvous.dns.internal.EngineFixture.rr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

class ZoneBrowserTest {
    @TempDir
    Path dir;

    @Test
    void listsZonesWithRecordsAndLeaseEnds() throws IOException {
        try (EngineFixture f = new EngineFixture(dir)) {
            f.addToAlice(rr("fixed", Type.TXT, "\"x\""));
            Update update = new Update(ALICE);
            update.add(rr("leased", Type.A, "203.0.113.5"));
            update.addRecord(EngineFixture.leaseOpt(3600), Section.ADDITIONAL);
            f.signedUpdate(update);

            List<ZoneBrowser.ZoneView> zones = f.engine.browser().zones();
            assertEquals(List.of("alice.members.example.", "bob.members.example.", "members.example."),
                    zones.stream().map(ZoneBrowser.ZoneView::zone).sorted().toList());
            ZoneBrowser.ZoneView alice = zones.stream().filter(z -> z.zone().startsWith("alice")).findFirst()
                    .orElseThrow();
            assertTrue(alice.userZone());
            assertEquals(f.serial(ALICE), alice.serial());
            ZoneBrowser.RecordView leased = find(alice, "leased.alice.members.example.");
            assertEquals("A", leased.type());
            assertEquals("203.0.113.5", leased.data());
            assertEquals(Optional.of(EngineFixture.START.plusSeconds(3600)), leased.leaseEnds());
            assertEquals(Optional.empty(), find(alice, "fixed.alice.members.example.").leaseEnds());
            assertEquals("SOA", alice.records().get(0).type());
        }
    }

    private static ZoneBrowser.RecordView find(ZoneBrowser.ZoneView zone, String name) {
        return zone.records().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
