package io.homeward.console.internal.network;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.homeward.api.portmap.MapperProtocol;
import io.homeward.api.portmap.NetcheckReport;
import io.homeward.api.portmap.PortMapping;
import io.homeward.api.portmap.TransportProtocol;

class NetcheckRenderTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void htmlEscapesWhatAGatewaySaid() {
        NetcheckReport r = new NetcheckReport("behind NAT (private address 192.168.1.10)", List.of("192.168.1.10"), 4500,
                List.of(new NetcheckReport.Protocol("upnp-igd", 100, false,
                        "no mapping: <script>alert(1)</script>", AT)), null, List.of("No port mapping"));

        String html = NetcheckHtml.render(r);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("no mapping: &lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("<tr><th>Mapping</th><td>none</td></tr>"), html);
    }

    @Test
    void jsonCarriesTheMappingAndWarnings() throws UnknownHostException {
        PortMapping m = new PortMapping(MapperProtocol.PCP, TransportProtocol.UDP, 4500,
                InetAddress.getByName("100.64.3.4"), 4500, Duration.ofHours(1), AT);
        NetcheckReport r = new NetcheckReport("behind NAT (private address 192.168.1.10)", List.of("192.168.1.10"), 4500,
                List.of(new NetcheckReport.Protocol("pcp", 200, true, "answered; holds the mapping", AT)), m,
                List.of("Double NAT: the router's external address 100.64.3.4 is not public."));

        String json = NetcheckJson.render(r);
        assertTrue(json.startsWith("{\"host\":\"behind NAT (private address 192.168.1.10)\",\"localAddresses\":"
                + "[\"192.168.1.10\"],\"internalPort\":4500,\"protocols\":[{\"name\":\"pcp\",\"ranking\":200,"
                + "\"active\":true,\"outcome\":\"answered; holds the mapping\",\"askedAt\":\"2026-01-01T00:00:00Z\"}],"
                + "\"externalAddress\":\"100.64.3.4\","
                + "\"mapping\":{\"mapper\":\"pcp\",\"transport\":\"UDP\",\"internalPort\":4500,\"externalPort\":4500,"
                + "\"lifetimeSeconds\":3600,\"grantedAt\":\"2026-01-01T00:00:00Z\",\"expiresAt\":"
                + "\"2026-01-01T01:00:00Z\"},\"warnings\":[\"Double NAT"), json);
        assertTrue(NetcheckHtml.render(r).contains("UDP 100.64.3.4:4500 -&gt; port 4500 via pcp, expires "
                + "2026-01-01T01:00:00Z unless renewed"), NetcheckHtml.render(r));
    }
}
