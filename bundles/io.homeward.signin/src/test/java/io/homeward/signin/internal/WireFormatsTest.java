package io.homeward.signin.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.homeward.api.auth.TsigKey;

/** The host key's JSON, read strictly. */
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

    private static String problem(String json) {
        return assertThrows(IllegalArgumentException.class, () -> HostKeyJson.parse(json)).getMessage();
    }
}
