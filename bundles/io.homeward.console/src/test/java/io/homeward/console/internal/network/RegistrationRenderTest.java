package io.homeward.console.internal.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.api.registration.HostRecordSet;
import io.homeward.api.registration.Registration;
import io.homeward.api.registration.RegistrationState;
import io.homeward.kit.text.Eui64Text;

class RegistrationRenderTest {
    private static final String SRV = "_autotunnel._udp.alice.members.example.\t3600\tIN\tSRV\t0 0 61000 "
            + "AutoTunnel-02-1B-63-FF-FE-84-5A-0C.alice.members.example.";
    private static final Registration PUBLISHED = new Registration(new HostRecordSet("alice.members.example.", "laptop",
            Eui64Text.parse("02-1B-63-FF-FE-84-5A-0C"), (Inet6Address) address("fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c"),
            (Inet4Address) address("203.0.113.7"), 61_000, Map.of("os", "linux")), Instant.parse("2026-01-01T01:30:00Z"),
            "127.0.0.1:8853");

    @Test
    void showsThePublishedRecordsAndLeaseAndEscapesText() {
        String html = RegistrationHtml.render(new RegistrationState(Optional.of(PUBLISHED), List.of(SRV),
                "failed: <script>", Optional.empty(), Optional.empty(), "UDP 4500 mapped by pcp"));
        assertTrue(html.contains("<td>2026-01-01T01:30:00Z</td>"), html);
        assertTrue(html.contains("SRV\t0 0 61000 AutoTunnel-02-1B-63-FF-FE-84-5A-0C.alice.members.example."), html);
        assertTrue(html.contains("failed: &lt;script&gt;"), html);
        assertTrue(html.contains("<tr><th>Next attempt</th><td>none scheduled</td></tr>"), html);
    }

    @Test
    void theJsonFormTellsAScriptWhatIsPublishedAndWhen() {
        RegistrationState state = new RegistrationState(Optional.of(PUBLISHED), List.of(SRV), "published",
                Optional.of(Instant.parse("2026-01-01T00:00:00Z")), Optional.empty(), "UDP 4500 mapped by pcp");
        assertEquals("{\"published\":{\"host\":\"laptop\",\"zone\":\"alice.members.example.\","
                + "\"ula\":\"fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c\",\"eui64\":\"02-1B-63-FF-FE-84-5A-0C\","
                + "\"endpoint\":\"203.0.113.7:61000\",\"server\":\"127.0.0.1:8853\","
                + "\"leaseExpires\":\"2026-01-01T01:30:00Z\"},\"endpointSource\":\"UDP 4500 mapped by pcp\","
                + "\"lastResult\":\"published\",\"lastAttempt\":\"2026-01-01T00:00:00Z\",\"nextAttempt\":null}",
                RegistrationJson.render(state));
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
