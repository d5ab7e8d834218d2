package io.homeward.kit.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.TXTRecord;

class RevokedRecordTest {
    @Test
    void aRevocationRecordIsReadInAnyOrder() {
        RevokedRecord record = RevokedRecord.parse("\"host=laptop\" \"until=2026-02-01T10:00:00+01:00\" \"serial=0aFf\"");

        assertEquals(new BigInteger("aff", 16), record.serial());
        assertEquals("laptop", record.host());
        assertEquals(Instant.parse("2026-02-01T09:00:00Z"), record.until());
    }

    @Test
    void aRevocationRecordReadsAsDnsjavaPrintsWhatTheRendezvousWrites() throws Exception {
        RevokedRecord written = new RevokedRecord(new BigInteger("46643e", 16), "laptop",
                Instant.parse("2027-01-05T08:13:37Z"));
        TXTRecord published = new TXTRecord(Name.fromString(RevokedRecord.OWNER + ".alice.members.example."), DClass.IN,
                3600, written.strings());

        RevokedRecord record = RevokedRecord.parse(published.rdataToString());

        assertEquals(new BigInteger("46643e", 16), record.serial());
        assertEquals("laptop", record.host());
        assertEquals(Instant.parse("2027-01-05T08:13:37Z"), record.until());
    }

    @Test
    void badRevocationRecordsAreRefused() {
        for (String bad : new String[] {"", "\"serial=12\"", "\"until=2026-01-01T00:00:00Z\"",
                "\"serial=-1\" \"until=2026-01-01T00:00:00Z\"", "\"serial=12\" \"until=tomorrow\"",
                "\"serial=" + "f".repeat(65) + "\" \"until=2026-01-01T00:00:00Z\"", "\"x\"".repeat(400)}) {
            assertThrows(IllegalArgumentException.class, () -> RevokedRecord.parse(bad), bad);
        }
    }
}
