package io.homeward.console.internal.network;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.homeward.kit.html.Html;
import io.homeward.testkit.TestHostIdentity;
import io.homeward.testkit.TestRuntimeStatus;

class RuntimeHtmlTest {

    @Test
    void showsIdentityAndEveryCapabilityWithTheProviderInUse() {
        String html = RuntimeHtml.render(RuntimeFacts.read(TestRuntimeStatus.example(),
                TestHostIdentity.example("eth0", "alice-mbp"), Fixtures.watcher()));
        assertTrue(html.contains("Feature: all-in-one"), html);
        assertTrue(html.contains("<tr><th>Host name</th><td>alice-mbp</td></tr>"), html);
        assertTrue(html.contains("<td>02-1B-63-FF-FE-84-5A-0C (from interface eth0)</td>"), html);
        assertTrue(html.contains("<td>fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c</td>"), html);
        assertTrue(html.contains("<td>AutoTunnel-02-1B-63-FF-FE-84-5A-0C</td>"), html);
        assertTrue(html.contains("<h3>crypto suite</h3>"), html);
        assertTrue(html.contains("<tr><td data-label=\"Provider\">aes-gcm-16</td><td data-label=\"Bundle\">io.homeward.crypto.aesgcm</td>"
                + "<td data-label=\"Service id\">41</td><td data-label=\"Ranking\">200</td><td data-label=\"In use\">yes</td></tr>"), html);
        assertTrue(html.contains("<tr><td data-label=\"Provider\">chacha20-poly1305</td><td data-label=\"Bundle\">io.homeward.crypto.chacha20</td>"
                + "<td data-label=\"Service id\">42</td><td data-label=\"Ranking\">100</td><td data-label=\"In use\"></td></tr>"), html);
        assertTrue(html.contains("<h3>port mapping</h3>") && html.contains("none installed"), html);
        assertFalse(html.contains("ui-state-error"), html);
    }

    @Test
    void everyValueIsEscaped() {
        String html = RuntimeHtml.render(RuntimeFacts.read(TestRuntimeStatus.example(),
                TestHostIdentity.example("<b>eth0</b>", "<script>"), Fixtures.watcher()));
        assertFalse(html.contains("<script>") || html.contains("<b>") || html.contains("<desk>"), html);
        assertTrue(html.contains("&lt;script&gt;") && html.contains("&lt;b&gt;eth0&lt;/b&gt;"), html);
        assertTrue(html.contains("&lt;desk&gt;.alice.members.example."), html);
    }

    @Test
    void saysWhatIsMissing() {
        String html = RuntimeHtml.render(RuntimeFacts.read(null, null, null));
        assertTrue(html.contains("Feature: unknown"), html);
        assertTrue(html.contains(RuntimeFacts.NO_RUNTIME) && html.contains(RuntimeFacts.NO_IDENTITY), html);
        assertFalse(html.contains("Host name"), html);
        assertTrue(html.contains("<h3>Watched records</h3>\n<p>" + Html.escape(RuntimeFacts.NO_WATCHER) + "</p>"), html);
        assertFalse(html.contains("<th>Mechanism</th>"), html);
    }

    @Test
    void showsEveryWatchWithItsMechanismLeaseAndLastEvent() {
        String html = RuntimeHtml.render(RuntimeFacts.read(TestRuntimeStatus.example(),
                TestHostIdentity.example("eth0", "alice-mbp"), Fixtures.watcher()));
        assertTrue(html.contains("<tr><td data-label=\"Name\">laptop.alice.members.example.</td>"
                + "<td data-label=\"Type\">AAAA</td><td data-label=\"Mechanism\">llq-udp</td>"
                + "<td data-label=\"Lease expires\">2026-11-21T12:00:00Z</td>"
                + "<td data-label=\"Last event\">2026-11-21T10:00:05Z</td></tr>"), html);
        assertTrue(html.contains("<td data-label=\"Type\">SRV</td><td data-label=\"Mechanism\">poll</td>"
                + "<td data-label=\"Lease expires\">-</td><td data-label=\"Last event\">-</td></tr>"), html);
        assertFalse(html.contains(Html.escape(RuntimeFacts.NO_WATCHER)), html);
    }

    @Test
    void aWatcherWithoutSubscriptionsSaysSo() {
        String html = RuntimeHtml.render(RuntimeFacts.read(TestRuntimeStatus.example(),
                TestHostIdentity.example("eth0", "alice-mbp"), List::of));
        assertTrue(html.contains("<tr><td colspan=\"5\">nothing watched</td></tr>"), html);
    }
}
