package io.homeward.ike.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Stateless cookies (RFC 7296 §2.6) under a rotating, versioned secret. */
class CookiesTest {
    private static final byte[] NI = new byte[32];
    private static final long SPI = 0x1122334455667788L;
    private final Cookies cookies = new Cookies(new SecureRandom());
    private final InetAddress initiator = address("2001:db8::7");

    @Test
    void aCookieIsValidForItsNonceAddressAndSpiOnly() {
        byte[] cookie = cookies.cookie(NI, initiator, SPI);
        byte[] otherNonce = NI.clone();
        otherNonce[0] = 1;

        assertEquals(Cookies.LENGTH, cookie.length);
        assertTrue(cookie.length <= 64, "RFC 7296 §3.10.1: at most 64 octets");
        assertTrue(cookies.valid(cookie, NI, initiator, SPI));
        assertFalse(cookies.valid(cookie, otherNonce, initiator, SPI));
        assertFalse(cookies.valid(cookie, NI, address("2001:db8::8"), SPI));
        assertFalse(cookies.valid(cookie, NI, initiator, SPI + 1));
        assertFalse(cookies.valid(Arrays.copyOf(cookie, 32), NI, initiator, SPI));
        assertFalse(cookies.valid(new byte[0], NI, initiator, SPI));
    }

    @Test
    void aCookieOutlivesOneRotationButNotTwo() {
        byte[] cookie = cookies.cookie(NI, initiator, SPI);

        cookies.rotate();
        byte[] fresh = cookies.cookie(NI, initiator, SPI);

        assertTrue(cookies.valid(cookie, NI, initiator, SPI));
        assertEquals(cookie[0] + 1, fresh[0], "the version octet counts the secrets");
        cookies.rotate();
        assertFalse(cookies.valid(cookie, NI, initiator, SPI));
        assertTrue(cookies.valid(fresh, NI, initiator, SPI));
    }

    @Test
    void theVersionWrapsAroundAndAnotherSecretsCookieIsInvalid() {
        for (int i = 0; i < 256; i++) {
            cookies.rotate();
        }
        byte[] cookie = cookies.cookie(NI, initiator, SPI);
        Cookies elsewhere = new Cookies(new SecureRandom());

        assertEquals(0, cookie[0]);
        assertTrue(cookies.valid(cookie, NI, initiator, SPI));
        assertFalse(elsewhere.valid(cookie, NI, initiator, SPI));
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
