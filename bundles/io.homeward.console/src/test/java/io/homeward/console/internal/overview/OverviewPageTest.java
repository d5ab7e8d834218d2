package io.homeward.console.internal.overview;

import static io.homeward.console.internal.overview.OverviewFixtures.MAPPED;
import static io.homeward.console.internal.overview.OverviewFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.api.keying.KeyingState;
import io.homeward.api.keying.KeyingStatus;
import io.homeward.api.peers.Peer;
import io.homeward.testkit.ConsoleGet;
import io.homeward.testkit.FakePublicEndpoints;
import io.homeward.testkit.TestCredentials;
import io.homeward.testkit.TestHostIdentity;

class OverviewPageTest {
    private final OverviewPage page = new OverviewPage(Clock.fixed(NOW, ZoneOffset.UTC), "127.0.0.1", Optional.empty());

    private void signIn() {
        page.identity = TestHostIdentity.example("eth0", "desk<1>");
        page.credentials = TestCredentials.of("alice", "alice.members.example.");
        page.endpoints = new FakePublicEndpoints(Optional.of(MAPPED));
        page.registrar = OverviewFixtures.registrar(Optional.of(OverviewFixtures.registration(NOW.plusSeconds(600))));
        Peer desktop = new Peer("desktop", TestHostIdentity.ula("fd3c:9a51:e27d:b44::3"), Optional.empty(),
                NOW.minusSeconds(7200), "dns-push");
        page.peers = OverviewFixtures.directory(OverviewFixtures.laptop(), desktop);
        KeyingStatus stranger = new KeyingStatus(TestHostIdentity.ula("fd3c:9a51:e27d:b44::9"), "", KeyingState.FAILED,
                NOW.minusSeconds(30), Optional.of(new InetSocketAddress("192.0.2.1", 4500)), Optional.empty(), false,
                "AUTHENTICATION_FAILED");
        page.keying = OverviewFixtures.keying(OverviewFixtures.laptopUp(), stranger);
    }

    @Test
    void thePageShowsTheVerdictTheHostAndEachMachineWithItsTunnelEscaped() throws Exception {
        signIn();
        ConsoleGet get = new ConsoleGet("/homeward-overview", "/system/console/homeward-overview");
        page.doGet(get.request(), get.response());
        String html = get.body();
        assertEquals("text/html", get.contentType());
        assertTrue(html.contains("<p id=\"homeward-verdict\" class=\"verdict verdict-internet\">Reachable from the Internet at"
                + " 203.0.113.7:4500 (the gateway maps the tunnel port)</p>"), html);
        assertTrue(html.contains("<td>desk&lt;1&gt;</td>"), "escaped: " + html);
        assertTrue(html.contains("<td>alice (zone alice.members.example.)</td>"), html);
        assertTrue(html.contains("<td data-label=\"Machine\">laptop fd3c:9a51:e27d:b44::2</td><td data-label=\"Status\">online</td>"
                + "<td data-label=\"Reached at\">direct, 198.51.100.9:61000 (dns-push)</td><td data-label=\"Tunnel\">up</td>"
                + "<td data-label=\"Round trip\">23 ms</td><td data-label=\"Since\">1 min ago</td>"
                + "<td data-label=\"Last change\">5 min ago</td>"
                + "<td data-label=\"Certificate\">valid until 2027-12-06T12:00:00Z</td>"), html);
        assertTrue(html.contains("<td data-label=\"Machine\">desktop fd3c:9a51:e27d:b44::3</td><td data-label=\"Status\">offline</td>"), html);
        assertTrue(html.contains("<td data-label=\"Machine\">fd3c:9a51:e27d:b44::9</td><td data-label=\"Status\">offline</td>"
                + "<td data-label=\"Reached at\">-</td><td data-label=\"Tunnel\">failed: AUTHENTICATION_FAILED</td>"), html);
        assertTrue(html.contains("The console listens on 127.0.0.1 only"), html);
        assertTrue(html.contains("<script src=\"/system/console/homeward-overview/res/overview.js\"></script>"), html);
        assertFalse(html.replace("<script src=", "").contains("<script"), "no inline script");
        assertTrue(html.contains("data-source=\"/system/console/homeward-overview.live\""), html);
    }

    @Test
    void theLivePartIsTheSameWithoutTheFrame() throws Exception {
        signIn();
        ConsoleGet get = new ConsoleGet("/homeward-overview.live", "/system/console/homeward-overview.live");
        page.doGet(get.request(), get.response());
        assertTrue(get.body().startsWith("<p id=\"homeward-verdict\""), get.body());
        assertFalse(get.body().contains("<script"));
        assertEquals("text/html", get.contentType());
    }

    @Test
    void theJsonHasTheSameFacts() throws Exception {
        signIn();
        ConsoleGet get = new ConsoleGet("/homeward-overview.json", "/system/console/homeward-overview.json");
        page.doGet(get.request(), get.response());
        assertEquals("application/json", get.contentType());
        String json = get.body();
        assertTrue(json.startsWith("{\"asOf\":\"2026-12-06T12:00:00Z\",\"host\":{\"name\":\"desk\\u003c1>\","
                + "\"ula\":\"fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c\"},\"signedIn\":{\"user\":\"alice\","
                + "\"zone\":\"alice.members.example.\"},\"endpoint\":{\"address\":\"203.0.113.7:4500\",\"source\":\"mapping\"},"
                + "\"published\":{\"until\":\"2026-12-06T12:10:00Z\",\"server\":\"127.0.0.1:8053\"},\"certificate\":null,"
                + "\"verdict\":{\"reach\":\"internet\",\"text\":\"Reachable from the Internet at 203.0.113.7:4500"
                + " (the gateway maps the tunnel port)\"},\"warnings\":[{\"problem\":\"The console listens on 127.0.0.1"), json);
        assertTrue(json.contains("{\"name\":\"laptop\",\"ula\":\"fd3c:9a51:e27d:b44::2\",\"online\":true,"
                + "\"endpoint\":\"198.51.100.9:61000\",\"learnedVia\":\"dns-push\",\"changed\":\"2026-12-06T11:55:00Z\","
                + "\"tunnel\":{\"state\":\"up\",\"since\":\"2026-12-06T11:58:30Z\",\"roundTripMillis\":23,"
                + "\"endpoint\":\"198.51.100.9:61000\",\"detail\":\"\","
                + "\"certificateExpires\":\"2027-12-06T12:00:00Z\"}}"), json);
        assertTrue(json.contains("{\"name\":\"desktop\",\"ula\":\"fd3c:9a51:e27d:b44::3\",\"online\":false,\"endpoint\":null,"
                + "\"learnedVia\":\"dns-push\",\"changed\":\"2026-12-06T10:00:00Z\",\"tunnel\":null}"), json);
    }

    @Test
    void withoutAnyServiceThePageSaysWhatIsMissing() throws Exception {
        ConsoleGet get = new ConsoleGet("/homeward-overview.json", "/system/console/homeward-overview.json");
        page.doGet(get.request(), get.response());
        assertTrue(get.body().contains("\"verdict\":{\"reach\":\"none\",\"text\":\"Not reachable: this runtime has no host"
                + " identity."), get.body());
        assertTrue(get.body().endsWith("\"machines\":[]}"), get.body());
    }
}
