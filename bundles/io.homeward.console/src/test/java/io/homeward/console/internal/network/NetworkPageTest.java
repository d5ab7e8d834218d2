package io.homeward.console.internal.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.api.peers.DirectoryReport;
import io.homeward.console.internal.PageSection;
import io.homeward.kit.html.Html;
import io.homeward.kit.json.Json;
import io.homeward.testkit.ConsoleGet;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.TestHostIdentity;
import io.homeward.testkit.TestRuntimeStatus;

class NetworkPageTest {
    private final NetworkPage page = new NetworkPage(new MutableClock(Instant.parse("2026-05-01T12:00:00Z")));

    @Test
    void theJsonHasOneObjectPerSectionAndSaysWhatDoesNotRunHere() throws IOException {
        page.runtimeStatus = TestRuntimeStatus.example();
        page.hostIdentity = TestHostIdentity.example("eth0", "alice-mbp");
        ConsoleGet get = new ConsoleGet("/homeward-network.json", "/system/console/homeward-network.json");
        page.doGet(get.request(), get.response());
        assertEquals("application/json", get.contentType());
        assertTrue(get.body().startsWith("{\"runtime\":{\"feature\":\"all-in-one\",\"identity\":{\"hostName\":"
                + "\"alice-mbp\""), get::body);
        assertTrue(get.body().contains("\"subscriptions\":null"), get::body);
        StringBuilder missing = new StringBuilder();
        for (String[] section : new String[][] {{"watch", "io.homeward.netwatch"},
                {"reachability", "io.homeward.autotunnel"}, {"netcheck", "io.homeward.portmap"},
                {"registration", "io.homeward.registrar"}, {"names", "io.homeward.resolver"}, {"peers", "io.homeward.peers"},
                {"tunnels", "io.homeward.tunnel"}, {"tunnelport", "io.homeward.tunnelport"}, {"ike", "io.homeward.ike"}}) {
            missing.append(",\"").append(section[0]).append("\":{\"missing\":")
                    .append(Json.quote(PageSection.notRunning(section[1]))).append('}');
        }
        missing.append(",\"kerberos\":{\"missing\":").append(Json.quote(KerberosFacts.NOT_INSTALLED)).append('}');
        assertTrue(get.body().endsWith(missing + "}"), get::body);
    }

    @Test
    void aSectionAnswersAloneBelowThePage() throws IOException {
        page.subscriptionStatus = Fixtures.watcher();
        page.peers = () -> new DirectoryReport("watching x", Optional.of("home"), List.of());
        ConsoleGet get = new ConsoleGet("/homeward-network/peers.json", "/system/console/homeward-network/peers.json");
        page.doGet(get.request(), get.response());
        assertEquals("application/json", get.contentType());
        assertEquals("{\"state\":\"watching x\",\"self\":\"home\",\"peers\":[]}", get.body());

        ConsoleGet runtime = new ConsoleGet("/homeward-network/runtime.json",
                "/system/console/homeward-network/runtime.json");
        page.doGet(runtime.request(), runtime.response());
        assertTrue(runtime.body().contains("\"subscriptions\":[{\"name\":\"laptop.alice.members.example.\","
                + "\"type\":\"AAAA\",\"mechanism\":\"llq-udp\""), runtime::body);
    }

    @Test
    void thePageAnswersAnHtmlFragmentWithTheMenuAndEverySection() throws IOException {
        ConsoleGet get = new ConsoleGet("/homeward-network", "/system/console/homeward-network");
        page.doGet(get.request(), get.response());
        assertEquals("text/html", get.contentType());
        String html = get.body();
        assertFalse(html.contains("<html"), html);
        assertTrue(html.contains("<a href=\"/system/console/homeward-network\" class=\"current\" aria-current=\"page\">"
                + "Network</a>"), html);
        assertTrue(html.contains("href=\"/system/console/homeward-overview/res/overview.css\""), html);
        assertTrue(html.contains(Html.escape(RuntimeFacts.NO_IDENTITY)), html);
        assertTrue(html.contains("<section id=\"homeward-network-peers\">\n<h2>Peers <a class=\"json\" "
                + "href=\"/system/console/homeward-network/peers.json\">JSON</a></h2>\n<p class=\"statline\">"
                + Html.escape(PageSection.notRunning("io.homeward.peers")) + "</p>"), html);
    }

    @Test
    void aProviderThatFailsWhileReadIsOneLineAndTheOtherSectionsStay() throws IOException {
        page.names = () -> {
            throw new IllegalStateException("stopping");
        };
        ConsoleGet get = new ConsoleGet("/homeward-network.json", "/system/console/homeward-network.json");
        page.doGet(get.request(), get.response());
        assertTrue(get.body().contains("\"names\":{\"missing\":\"Could not be read (java.lang.IllegalStateException:"
                + " stopping); the log of bundle io.homeward.resolver has the details.\"}"), get::body);
        assertTrue(get.body().startsWith("{\"runtime\":{"), get::body);
    }

    @Test
    void sectionPathsAreRead() {
        assertEquals(Optional.empty(), PageSection.requested("homeward-network", "/homeward-network.json"));
        assertEquals(Optional.empty(), PageSection.requested("homeward-network", "/homeward-network"));
        assertEquals(Optional.of("peers"), PageSection.requested("homeward-network", "/homeward-network/peers.json"));
        assertEquals(Optional.of("ike"), PageSection.requested("homeward-network", "/homeward-network/ike"));
    }
}
