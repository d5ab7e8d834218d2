package io.homeward.rendezvous.dns.internal;

import static io.homeward.rendezvous.dns.internal.QueryAnswerTest.name;
import static io.homeward.rendezvous.dns.internal.ServerFixture.ALICE;
import static io.homeward.rendezvous.dns.internal.ServerFixture.START;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

import io.homeward.api.ca.HostCertificate;

/** Revocation, step 2 (docs/enrollment.md): the zone lists its revoked, unexpired certificates. */
class RevocationRecordsTest {
    static final Instant JUNE = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path dir;
    ServerFixture f;

    @BeforeEach
    void setUp() throws IOException {
        f = new ServerFixture(dir);
    }

    @AfterEach
    void tearDown() throws IOException {
        f.close();
    }

    @Test
    void listsTheRevokedUnexpiredCertificatesOneTxtEach() throws IOException {
        Optional<Instant> revoked = Optional.of(START);
        List<HostCertificate> certificates = List.of(
                TestCertificates.host(ALICE.toString(), "laptop", new BigInteger("00ab12cd", 16), JUNE, revoked),
                TestCertificates.host(ALICE.toString(), "desktop", BigInteger.valueOf(7), JUNE, Optional.empty()),
                TestCertificates.host(ALICE.toString(), "old", BigInteger.valueOf(8), START.minusSeconds(1), revoked));
        long serial = f.serial(ALICE);

        assertEquals(1, f.server.publishRevocations(ALICE, certificates, f.clock.instant()));

        List<Record> answers = revocations();
        assertEquals(1, answers.size());
        TXTRecord txt = (TXTRecord) answers.get(0);
        assertEquals(List.of("serial=ab12cd", "host=laptop", "until=2026-06-01T12:00:00Z"), txt.getStrings());
        assertEquals(3600, txt.getTTL());
        assertEquals(serial + 1, f.serial(ALICE));
    }

    @Test
    void rewritesTheListAsItChangesAndLeavesTheZoneAloneWhenItDoesNot() throws IOException {
        Optional<Instant> revoked = Optional.of(START);
        HostCertificate laptop = TestCertificates.host(ALICE.toString(), "laptop", BigInteger.ONE, JUNE, revoked);
        HostCertificate tablet = TestCertificates.host(ALICE.toString(), "tablet", BigInteger.TWO, JUNE, revoked);
        f.server.publishRevocations(ALICE, List.of(laptop), f.clock.instant());
        f.server.publishRevocations(ALICE, List.of(laptop, tablet), f.clock.instant());
        assertEquals(2, revocations().size());
        long serial = f.serial(ALICE);

        f.server.publishRevocations(ALICE, List.of(laptop, tablet), f.clock.instant());
        assertEquals(serial, f.serial(ALICE), "the same list changes nothing");

        f.clock.set(JUNE.plus(Duration.ofSeconds(1)));
        f.server.publishRevocations(ALICE, List.of(laptop, tablet), f.clock.instant());
        assertEquals(0, revocations().size(), "expired certificates leave the list");
        f.restart();
        assertEquals(0, revocations().size());
    }

    private List<Record> revocations() {
        return f.query(name("_revoked._homeward"), Type.TXT).getSection(Section.ANSWER);
    }
}
