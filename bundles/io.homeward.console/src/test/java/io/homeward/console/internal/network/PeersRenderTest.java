package io.homeward.console.internal.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.api.peers.DirectoryReport;
import io.homeward.api.peers.Peer;

class PeersRenderTest {
    private static final Instant CHANGED = Instant.parse("2026-05-01T12:00:00Z");
    private static final Peer LAPTOP = new Peer("laptop", ula(), Optional.of(new InetSocketAddress("203.0.113.7", 61000)),
            CHANGED, "llq-tls");

    @Test
    void theJsonFormHasWhatAScriptNeedsToTimeAHandover() {
        String json = PeersJson.render(new DirectoryReport("watching \"x\"", Optional.of("home"),
                List.of(LAPTOP, new Peer("desk", LAPTOP.ula(), Optional.empty(), CHANGED, "poll"))));
        assertEquals("{\"state\":\"watching \\\"x\\\"\",\"self\":\"home\",\"peers\":["
                + "{\"host\":\"laptop\",\"ula\":\"fd12:3456:789a:1::1\",\"endpoint\":\"203.0.113.7:61000\","
                + "\"changed\":\"2026-05-01T12:00:00Z\",\"source\":\"llq-tls\"},"
                + "{\"host\":\"desk\",\"ula\":\"fd12:3456:789a:1::1\",\"endpoint\":null,"
                + "\"changed\":\"2026-05-01T12:00:00Z\",\"source\":\"poll\"}]}", json);
    }

    @Test
    void theSectionEscapesWhatCameFromOutside() {
        String html = PeersHtml.render(new DirectoryReport("signed in to <b>evil</b>.; waiting", Optional.of("home"),
                List.of(LAPTOP)), CHANGED.plusSeconds(12));

        assertFalse(html.contains("<b>evil"), html);
        assertTrue(html.contains("&lt;b&gt;evil"), html);
        assertTrue(html.contains("<td data-label=\"Host\">laptop</td><td data-label=\"ULA\">fd12:3456:789a:1::1</td>"
                + "<td data-label=\"Endpoint\">203.0.113.7:61000</td>"
                + "<td data-label=\"Changed\">2026-05-01T12:00:00Z (12 s ago)</td>"), html);
    }

    @Test
    void noPeersIsSaid() {
        assertTrue(PeersHtml.render(new DirectoryReport("not signed in", Optional.empty(), List.of()), CHANGED)
                .contains("<p>No peers yet.</p>"));
    }

    private static Inet6Address ula() {
        try {
            return (Inet6Address) InetAddress.getByName("fd12:3456:789a:1::1");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
