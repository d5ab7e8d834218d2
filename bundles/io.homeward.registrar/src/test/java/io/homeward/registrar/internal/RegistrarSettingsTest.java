package io.homeward.registrar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RegistrarSettingsTest {
    @Test
    void theLeaseIsClampedToThirtyMinutesThroughTwoHours() {
        assertEquals(Duration.ofSeconds(30), RegistrarSettings.clampLease(Duration.ofSeconds(5)));
        assertEquals(Duration.ofMinutes(5), RegistrarSettings.clampLease(Duration.ofMinutes(5)));
        assertEquals(Duration.ofMinutes(90), RegistrarSettings.clampLease(Duration.ofMinutes(90)));
        assertEquals(Duration.ofHours(2), RegistrarSettings.clampLease(Duration.ofDays(1)));
    }

    @Test
    void defaultsParseWithoutProblems() {
        RegistrarSettings settings = RegistrarSettings.parse("", "127.0.0.1:8053", "", 5400, 5);
        assertEquals(List.of(), settings.problems());
        assertEquals(Optional.empty(), settings.server());
        assertEquals(new InetSocketAddress("127.0.0.1", 8053), settings.dnsServer());
        assertEquals(Duration.ofMinutes(90), settings.lease());
    }

    @Test
    void addressesPortsAndPinsAreReadInTheirUsualForms() {
        String pin = "ab".repeat(32);
        RegistrarSettings settings = RegistrarSettings.parse("[::1]:8853", "127.0.0.1:53", pin, 5400, 5);
        assertEquals(List.of(), settings.problems());
        assertEquals(Optional.of(new InetSocketAddress("::1", 8853)), settings.server());
        assertEquals(("AB:".repeat(32)).substring(0, 95), settings.pin());
    }

    @Test
    void eachBadValueIsNamed() {
        RegistrarSettings settings = RegistrarSettings.parse("host:99999", "nowhere", "xyz", 5400, 5);
        assertEquals(List.of("server has no valid port (1..65535): 'host:99999'",
                "dnsServer must be address:port (IPv6 as [address]:port), got 'nowhere'",
                "tlsFingerprint must be the server certificate's SHA-256 fingerprint: 64 hex digits, colons "
                        + "optional; got 'xyz'"),
                settings.problems());
    }
}
