package io.homeward.console.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlPageTest {

    @Test
    void showsIdentityAndEveryCapabilityWithTheProviderInUse() {
        String html = HtmlPage.render(ConsoleFacts.read(Fixtures.status(), Fixtures.identity("eth0")));
        assertTrue(html.contains("Feature: all-in-one"), html);
        assertTrue(html.contains("<tr><th>Host name</th><td>alice-mbp</td></tr>"), html);
        assertTrue(html.contains("<td>02-1B-63-FF-FE-84-5A-0C (from interface eth0)</td>"), html);
        assertTrue(html.contains("<td>fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c</td>"), html);
        assertTrue(html.contains("<td>AutoTunnel-02-1B-63-FF-FE-84-5A-0C</td>"), html);
        assertTrue(html.contains("<h2>crypto suite</h2>"), html);
        assertTrue(html.contains("<tr><td>aes-gcm-16</td><td>io.homeward.crypto.aesgcm</td><td>41</td><td>200</td><td>yes</td></tr>"), html);
        assertTrue(html.contains("<tr><td>chacha20-poly1305</td><td>io.homeward.crypto.chacha20</td><td>42</td><td>100</td><td></td></tr>"), html);
        assertTrue(html.contains("<h2>port mapping</h2>") && html.contains("none installed"), html);
        assertFalse(html.contains("ui-state-error"), html);
    }

    @Test
    void everyValueIsEscaped() {
        String html = HtmlPage.render(ConsoleFacts.read(Fixtures.status(), Fixtures.identity("<b>eth0</b>", "<script>")));
        assertFalse(html.contains("<script>") || html.contains("<b>"), html);
        assertTrue(html.contains("&lt;script&gt;") && html.contains("&lt;b&gt;eth0&lt;/b&gt;"), html);
    }

    @Test
    void saysWhatIsMissing() {
        String html = HtmlPage.render(ConsoleFacts.read(null, null));
        assertTrue(html.contains("Feature: unknown"), html);
        assertTrue(html.contains(ConsoleFacts.NO_RUNTIME) && html.contains(ConsoleFacts.NO_IDENTITY), html);
        assertFalse(html.contains("Host name"), html);
    }
}
