package io.homeward.tunnel.internal;

import static io.homeward.tunnel.internal.SaTableTest.ENDPOINT;
import static io.homeward.tunnel.internal.SaTableTest.ula;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.homeward.api.sa.DropReason;
import io.homeward.api.sa.SaStatus;

class TunnelReportTest {
    private static final HoldStatus OFF = new HoldStatus(false, HoldLimits.DEFAULT, List.of(), 0, 0);

    private static SaStatus status(int last, boolean esn, Map<DropReason, Long> drops) {
        return new SaStatus(ula(last), 0x1000 + last, 0x2000 + last, "aes-gcm-16", ENDPOINT, 1, 60, 2, 120, drops,
                esn);
    }

    @Test
    void showsEsnPerSaAndWhenAnSaNeedsARekey() {
        TunnelReport report = new TunnelReport("interface homeward0", List.of(), "aes-gcm-16",
                List.of(status(1, true, Map.of()), status(2, false, Map.of(DropReason.SEQUENCE_EXHAUSTED, 3L))),
                Map.of(), OFF);

        List<String> lines = report.text().lines().filter(l -> l.startsWith("peer") || l.contains("used up"))
                .toList();

        assertEquals(List.of(
                "peer fd77:1e08:2f6c:d913:226:bbff:fe12:1  spi in 00001001 out 00002001  aes-gcm-16  esn on  endpoint "
                        + "203.0.113.7:4500",
                "peer fd77:1e08:2f6c:d913:226:bbff:fe12:2  spi in 00001002 out 00002002  aes-gcm-16  esn off  endpoint "
                        + "203.0.113.7:4500",
                "  sequence numbers used up (RFC 4303 §3.3.3): sends nothing until the SA is rekeyed"), lines);
    }

    @Test
    void showsWhichPairOfAPeerBeingRekeyedSendsAndSaysNothingForAPeersOnlyPair() {
        SaStatus sending = new SaStatus(ula(1), 0x1002, 0x2002, "aes-gcm-16", ENDPOINT, 0, 0, 5, 300, Map.of(), true,
                true);
        SaStatus receiving = new SaStatus(ula(1), 0x1001, 0x2001, "aes-gcm-16", ENDPOINT, 7, 420, 9, 540, Map.of(),
                true, false);
        TunnelReport report = new TunnelReport("interface homeward0", List.of(), "aes-gcm-16",
                List.of(sending, receiving, status(2, true, Map.of())), Map.of(), OFF);

        List<String> lines = report.text().lines().filter(l -> l.startsWith("peer") || l.contains("sending")
                || l.contains("receiving")).toList();

        assertEquals(List.of(
                "peer fd77:1e08:2f6c:d913:226:bbff:fe12:1  spi in 00001002 out 00002002  aes-gcm-16  esn on  endpoint "
                        + "203.0.113.7:4500",
                "  sending: one of 2 pairs with this peer while a Child SA is rekeyed (RFC 7296 §2.8)",
                "peer fd77:1e08:2f6c:d913:226:bbff:fe12:1  spi in 00001001 out 00002001  aes-gcm-16  esn on  endpoint "
                        + "203.0.113.7:4500",
                "  receiving only: another pair with this peer sends",
                "peer fd77:1e08:2f6c:d913:226:bbff:fe12:2  spi in 00001002 out 00002002  aes-gcm-16  esn on  endpoint "
                        + "203.0.113.7:4500"), lines);
    }
}
