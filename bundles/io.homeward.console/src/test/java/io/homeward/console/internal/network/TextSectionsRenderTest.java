package io.homeward.console.internal.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.api.dns.NamesReport;
import io.homeward.api.keying.IkeReport;
import io.homeward.api.sa.DropReason;
import io.homeward.api.sa.SaStatus;
import io.homeward.api.sa.TunnelsReport;
import io.homeward.api.tunnel.TunnelPortReport;
import io.homeward.console.internal.TextHtml;

/** The sections that show what their shell command prints, and their JSON. */
class TextSectionsRenderTest {
    private static final IkeReport IKE = new IkeReport("running on UDP 4500",
            List.of(new IkeReport.PeerLine("home", "fd12::1", "11.0.0.3:4500", "keyed")),
            List.of(new IkeReport.SaLine("home", true, "ESTABLISHED", ":4500", "11.0.0.3:4500", "AES-GCM-16",
                    Duration.ofSeconds(42), Optional.of(Duration.ofSeconds(3000)), List.of("spi 0000abcd <b>"))));

    @Test
    void ikeShowsWhatTheCommandPrintsEscapedAndItsJsonIsTyped() {
        String html = TextHtml.render("ike", IKE.text());
        assertTrue(html.startsWith("<pre id=\"ike\">IKE: running on UDP 4500\n"), html);
        assertTrue(html.contains("child: spi 0000abcd &lt;b&gt;"), html);
        assertFalse(html.contains("<b>"), html);
        assertEquals("{\"state\":\"running on UDP 4500\",\"peers\":[{\"host\":\"home\",\"ula\":\"fd12::1\","
                + "\"endpoint\":\"11.0.0.3:4500\",\"keying\":\"keyed\"}],\"sas\":[{\"peer\":\"home\",\"initiator\":true,"
                + "\"state\":\"ESTABLISHED\",\"local\":\":4500\",\"remote\":\"11.0.0.3:4500\",\"algorithms\":\"AES-GCM-16\","
                + "\"ageSeconds\":42,\"rekeyInSeconds\":3000,\"children\":[\"spi 0000abcd \\u003cb>\"]}]}",
                IkeJson.render(IKE));
    }

    @Test
    void namesShowWhatTheCommandPrintsAndTheirCounters() {
        NamesReport names = new NamesReport("alice.members.example.", "laptop", 2, "127.0.0.53:53", 5, 3, 1, 0, 0, 0,
                "11.0.0.10:853", "", "yes", List.of());
        assertTrue(TextHtml.render("names", names.text()).contains("Names: zone alice.members.example., this host laptop,"
                + " 2 names from the directory"));
        assertEquals("{\"zone\":\"alice.members.example.\",\"hostName\":\"laptop\",\"held\":2,\"listening\":"
                + "\"127.0.0.53:53\",\"directory\":5,\"forwarded\":3,\"forwardFailed\":1,\"refused\":0,\"malformed\":0,"
                + "\"rateLimited\":0,\"rendezvous\":\"11.0.0.10:853\",\"lastFailure\":\"\",\"systemResolver\":\"yes\","
                + "\"manualSetup\":[]}", NamesJson.render(names));
    }

    @Test
    void tunnelsJsonCarriesEachPairsTrafficAndDrops() throws UnknownHostException {
        SaStatus sa = new SaStatus((Inet6Address) InetAddress.getByName("fd12::1"), 0xabcd, 0x1234, "aes-gcm-16",
                new InetSocketAddress("11.0.0.3", 4500), 1, 60, 2, 120, Map.of(DropReason.REPLAY, 1L), false, true);
        TunnelsReport report = new TunnelsReport("interface homeward0", List.of("fd12::1"), "aes-gcm-16", List.of(sa),
                Map.of("no SA", 4L), "tunnel: interface homeward0\n");
        String json = TunnelsJson.render(report);
        assertTrue(json.startsWith("{\"tun\":\"interface homeward0\",\"routes\":[\"fd12::1\"],\"preferredSuite\":"
                + "\"aes-gcm-16\",\"sas\":[{\"peer\":\"fd12::1\",\"inboundSpi\":\"0000abcd\",\"outboundSpi\":\"00001234\","
                + "\"suite\":\"aes-gcm-16\",\"esn\":false,\"sending\":true,\"endpoint\":\"11.0.0.3:4500\",\"packetsIn\":1,"
                + "\"bytesIn\":60,\"packetsOut\":2,\"bytesOut\":120,\"drops\":{"), json);
        assertTrue(json.contains("\"replay\":1"), json);
        assertTrue(json.endsWith("}}],\"drops\":{\"no SA\":4}}"), json);
        assertEquals("<pre id=\"tunnels\">tunnel: interface homeward0\n</pre>\n",
                TextHtml.render("tunnels", report.text()));
    }

    @Test
    void theTunnelPortSaysItsEndpointAndWhatArrived() {
        TunnelPortReport port = new TunnelPortReport(4500, "bound", "answered by 11.0.0.10:3478",
                Optional.of(new InetSocketAddress("203.0.113.7", 61000)), Optional.of(Instant.parse("2026-01-01T00:00:00Z")),
                3, 2, 1, 5, 0);
        String html = TunnelPortHtml.render(port);
        assertTrue(html.contains("<tr><th>Public endpoint</th><td>203.0.113.7:61000 (learned 2026-01-01T00:00:00Z)</td></tr>"),
                html);
        assertTrue(html.contains("<td>esp 3, ike 2, keepalives 1, stun 5, unhandled 0</td>"), html);
        assertEquals("{\"port\":4500,\"state\":\"bound\",\"stun\":\"answered by 11.0.0.10:3478\",\"endpoint\":"
                + "\"203.0.113.7:61000\",\"learnedAt\":\"2026-01-01T00:00:00Z\",\"esp\":3,\"ike\":2,\"keepalives\":1,"
                + "\"stunAnswers\":5,\"unhandled\":0}", TunnelPortJson.render(port));
    }
}
