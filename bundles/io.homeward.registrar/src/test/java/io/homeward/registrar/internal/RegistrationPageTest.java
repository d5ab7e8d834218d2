package io.homeward.registrar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.api.registration.Registration;
import io.homeward.kit.text.Ipv6Text;

class RegistrationPageTest {
    @Test
    void showsThePublishedRecordsAndLeaseAndEscapesText() {
        RegistrationState state = new RegistrationState(Optional.of(new Registration(
                TestInputs.set("laptop", TestInputs.PUBLIC, 61_000), Instant.parse("2026-01-01T01:30:00Z"),
                "127.0.0.1:8853")), "failed: <script>", Optional.empty(), Optional.empty(), "UDP 4500 mapped by pcp");
        String html = RegistrationPage.render(state);
        assertTrue(html.contains("<td>2026-01-01T01:30:00Z</td>"), html);
        assertTrue(html.contains("SRV\t0 0 61000 AutoTunnel-02-1B-63-FF-FE-84-5A-0C.alice.members.example."), html);
        assertTrue(html.contains("failed: &lt;script&gt;"), html);
        String text = RegistrationText.render(state);
        assertTrue(text.contains("Published:     laptop in alice.members.example. on 127.0.0.1:8853"), text);
        assertTrue(text.contains("Next attempt:  none scheduled"), text);
    }

    @Test
    void theJsonFormTellsAScriptWhatIsPublishedAndWhen() {
        RegistrationState state = new RegistrationState(Optional.of(new Registration(
                TestInputs.set("laptop", TestInputs.PUBLIC, 61_000), Instant.parse("2026-01-01T01:30:00Z"),
                "127.0.0.1:8853")), "published", Optional.of(Instant.parse("2026-01-01T00:00:00Z")), Optional.empty(),
                "UDP 4500 mapped by pcp");
        assertEquals("{\"published\":{\"host\":\"laptop\",\"zone\":\"alice.members.example.\","
                + "\"ula\":\"" + Ipv6Text.format(TestInputs.set("laptop", TestInputs.PUBLIC, 1).ula())
                + "\",\"eui64\":\"02-1B-63-FF-FE-84-5A-0C\","
                + "\"endpoint\":\"" + TestInputs.PUBLIC.getHostAddress() + ":61000\",\"server\":\"127.0.0.1:8853\","
                + "\"leaseExpires\":\"2026-01-01T01:30:00Z\"},\"endpointSource\":\"UDP 4500 mapped by pcp\","
                + "\"lastResult\":\"published\",\"lastAttempt\":\"2026-01-01T00:00:00Z\",\"nextAttempt\":null}",
                RegistrationJson.render(state));
    }
}
