package io.homeward.rendezvous.dns.internal;

import static io.homeward.rendezvous.dns.internal.ServerFixture.ALICE;
import static io.homeward.rendezvous.dns.internal.ServerFixture.rr;
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

import io.homeward.api.rendezvous.ZoneDirectory;
import io.homeward.api.rendezvous.ZoneRecord;
import io.homeward.api.rendezvous.ZoneSummary;

class StoredZoneDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void summarizesZonesAndListsRecordsWithLeases() throws IOException {
        try (ServerFixture f = new ServerFixture(dir)) {
            f.addToAlice(rr("fixed", Type.TXT, "\"x\""));
            Update update = new Update(ALICE);
            update.add(rr("leased", Type.A, "203.0.113.5"));
            update.addRecord(ServerFixture.leaseOpt(3600), Section.ADDITIONAL);
            f.signedUpdate(update);
            ZoneDirectory directory = f.server.directory();

            assertEquals(List.of("alice.members.example.", "bob.members.example.", "members.example."),
                    directory.zones().stream().map(ZoneSummary::zone).sorted().toList(), "the domain zone too");
            ZoneSummary alice = directory.zones().stream().filter(z -> z.zone().equals(ALICE.toString())).findFirst()
                    .orElseThrow();
            assertEquals(new ZoneSummary(ALICE.toString(), f.serial(ALICE), 2), alice, "stored records only");

            List<ZoneRecord> records = directory.records("alice.members.example");
            assertTrue(records.contains(new ZoneRecord("leased.alice.members.example.", Type.A, 300, "203.0.113.5",
                    Optional.of(ServerFixture.START.plusSeconds(3600)))), records.toString());
            assertTrue(records.contains(new ZoneRecord("fixed.alice.members.example.", Type.TXT, 300,
                    rr("fixed", Type.TXT, "\"x\"").rdataToString(),
                    Optional.empty())), records.toString());
            assertTrue(records.stream().anyMatch(r -> r.type() == Type.SOA), "the SOA is listed");
            List<String> names = records.stream().map(ZoneRecord::name).toList();
            assertEquals(names.stream().sorted((a, b) -> org.xbill.DNS.Name.fromConstantString(a)
                    .compareTo(org.xbill.DNS.Name.fromConstantString(b))).toList(), names, "sorted by name");
            assertEquals(List.of(), directory.records("nobody.members.example."));
            assertEquals(List.of(), directory.records("not a name.."));
        }
    }
}
