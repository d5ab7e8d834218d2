package io.homeward.peers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.api.peers.DirectoryReport;
import io.homeward.api.peers.Peer;
import io.homeward.testkit.MutableClock;

class PeersTextTest {
    private static final Instant CHANGED = Instant.parse("2026-05-01T12:00:00Z");
    private static final Peer LAPTOP = new Peer("laptop", RecordText.ipv6("fd12:3456:789a:1:0:0:0:1"),
            Optional.of(new InetSocketAddress(RecordText.ipv4("203.0.113.7"), 61000)), CHANGED, "llq-tls");

    @Test
    void listsNameUlaEndpointWhenItChangedAndTheMechanism() {
        String text = PeersText.render(new DirectoryReport("watching x", Optional.of("home"), List.of(LAPTOP)),
                CHANGED.plusSeconds(12));

        assertTrue(text.contains("Peer directory: watching x"), text);
        assertTrue(text.contains("This host: home (not listed)"), text);
        String row = text.lines().filter(l -> l.startsWith("laptop")).findFirst().orElseThrow();
        assertTrue(row.contains("fd12:3456:789a:1::1"), row);
        assertTrue(row.contains("203.0.113.7:61000"), row);
        assertTrue(row.contains("2026-05-01T12:00:00Z (12 s ago)"), row);
        assertTrue(row.endsWith("llq-tls"), row);
    }

    @Test
    void saysSoWhenThereAreNoPeersOrNoEndpoint() {
        assertTrue(PeersText.render(new DirectoryReport("not signed in", Optional.empty(), List.of()), CHANGED)
                .contains("No peers yet."));
        assertEquals("none", PeersText.endpoint(new Peer("desk", LAPTOP.ula(), Optional.empty(), CHANGED, "poll")));
    }

    @Test
    void theShellCommandShowsTheDirectoryAsItIsNow() {
        MutableClock clock = new MutableClock(CHANGED.plusSeconds(300));
        PeersCommand command = new PeersCommand(
                () -> new DirectoryReport("watching y", Optional.of("home"), List.of(LAPTOP)), clock);

        assertTrue(command.peers().contains("(5 min ago)"), command.peers());
    }

    @Test
    void agesReadNaturally() {
        assertEquals("0 s ago", PeersText.ago(Duration.ofSeconds(-3)));
        assertEquals("119 s ago", PeersText.ago(Duration.ofSeconds(119)));
        assertEquals("5 min ago", PeersText.ago(Duration.ofMinutes(5)));
        assertEquals("3 h ago", PeersText.ago(Duration.ofHours(3)));
        assertEquals("4 d ago", PeersText.ago(Duration.ofDays(4)));
    }
}
