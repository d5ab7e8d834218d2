package io.homeward.signin.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.TXTRecord;

import io.homeward.api.auth.TsigKey;

/** The host key's JSON and the revocation TXT records, read strictly. */
class WireFormatsTest {
    private static final String SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @Test
    void aHostKeyIsReadWithEscapesAndSpace() {
        TsigKey key = HostKeyJson.parse(" {\"name\" : \"laptop.alice.members.test\", \"algorithm\":\"hmac-sha256\\u002e\","
                + "\n \"secret\": \"" + SECRET + "\"} ");

        assertEquals("laptop.alice.members.test.", key.name());
        assertEquals("hmac-sha256.", key.algorithm());
        assertEquals(32, key.secret().length);
        assertArrayEquals(new byte[] {0, 1, 2}, java.util.Arrays.copyOf(key.secret(), 3));
    }

    @Test
    void badHostKeysSayWhatIsWrong() {
        assertTrue(problem("").contains("ends early"));
        assertTrue(problem("[]").contains("expected '{'"));
        assertTrue(problem("{\"name\":\"a\"}").contains("exactly name, algorithm and secret"));
        assertTrue(problem("{\"name\":\"a\",\"name\":\"b\"}").contains("twice"));
        assertTrue(problem("{\"name\":1}").contains("expected '\"'"));
        assertTrue(problem("{\"name\":\"a\",\"algorithm\":\"b\",\"secret\":\"AAAA\"}").contains("shorter"));
        assertTrue(problem("{\"name\":\"a\",\"algorithm\":\"b\",\"secret\":\"!!\"}").length() > 0);
        assertTrue(problem("{\"name\":\"a\\q\"}").contains("bad escape"));
        assertTrue(problem("{} x").contains("text after"));
        assertTrue(problem(" ".repeat(5000)).contains("too long"));
    }

    @Test
    void aRevocationRecordIsReadInAnyOrder() {
        RevokedRecord record = RevokedRecord.parse("\"host=laptop\" \"until=2026-02-01T10:00:00+01:00\" \"serial=0aFf\"");

        assertEquals(new BigInteger("aff", 16), record.serial());
        assertEquals("laptop", record.host());
        assertEquals(Instant.parse("2026-02-01T09:00:00Z"), record.until());
    }

    @Test
    void aRevocationRecordReadsAsDnsjavaPrintsItWithBareStrings() throws Exception {
        TXTRecord published = new TXTRecord(Name.fromString("_revoked._homeward.alice.members.example."), DClass.IN,
                3600, List.of("serial=46643e", "host=laptop", "until=2027-01-05T08:13:37Z"));

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

    private static String problem(String json) {
        return assertThrows(IllegalArgumentException.class, () -> HostKeyJson.parse(json)).getMessage();
    }
}
