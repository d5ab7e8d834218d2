package io.homeward.console.internal.machines;

import static io.homeward.console.internal.overview.OverviewFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import io.homeward.console.internal.ConsoleForms;
import io.homeward.console.internal.ConsoleForms.Answer;
import io.homeward.console.internal.machines.MachinesFixtures.FakeEnrollment;
import io.homeward.kit.qr.QrCode;

class AddMachinePageTest {
    private static final String PAGE = "/system/console/homeward-add-machine";

    private final AddMachinePage page = new AddMachinePage(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO);
    private final ConsoleForms browser = new ConsoleForms(page, PAGE);
    private final Map<String, Dictionary<String, Object>> stored = new HashMap<>();
    private FakeEnrollment enrollment;

    @BeforeEach
    void rendezvous() throws Exception {
        enrollment = FakeEnrollment.households(MachinesFixtures.loopbackOnly(), MachinesFixtures.certificate());
        page.enrollment = enrollment;
        Hashtable<String, Object> transport = new Hashtable<>(Map.of("bindAddress", "127.0.0.1", "port", 8053));
        stored.put(ListenFix.DNS_PID, transport);
        page.configurations = configurations();
    }

    /** A Configuration Admin keeping each PID's properties in {@link #stored}. */
    private ConfigurationAdmin configurations() {
        return (ConfigurationAdmin) Proxy.newProxyInstance(ConfigurationAdmin.class.getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                    assertEquals("getConfiguration", method.getName());
                    assertEquals("?", args[1]);
                    String pid = (String) args[0];
                    return Proxy.newProxyInstance(Configuration.class.getClassLoader(),
                            new Class<?>[] {Configuration.class}, (p, m, a) -> switch (m.getName()) {
                                case "getProperties" -> stored.get(pid);
                                case "update" -> {
                                    @SuppressWarnings("unchecked")
                                    Dictionary<String, Object> next = (Dictionary<String, Object>) a[0];
                                    stored.put(pid, next);
                                    yield null;
                                }
                                default -> throw new UnsupportedOperationException(m.getName());
                            });
                });
    }

    @Test
    void preflightSaysWhatItFoundAndOffersToListenOnTheLanAddress() throws Exception {
        String html = browser.get().body();
        assertTrue(html.contains("<a href=\"/system/console/homeward-add-machine\" class=\"current\""), html);
        assertTrue(html.contains("<p id=\"homeward-preflight\" class=\"not-ready ui-state-error\">Not from another"
                + " machine: invites name 127.0.0.1, DNS port 8053, DNS over TLS 8853, enrollment 8443, STUN 3478.</p>"),
                html);
        assertTrue(html.contains("<li class=\"failed\"><strong>DNS listeners:</strong> 127.0.0.1:8053, which only this"
                + " machine reaches</li>"), html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"address\" value=\"192.168.1.20\"><button"
                + " type=\"submit\" class=\"listen-button\">Listen on 192.168.1.20</button>"), html);
        assertTrue(html.contains("<button type=\"submit\" id=\"homeward-invite\">Invite</button>"), html);

        page.configurations = null;
        assertTrue(browser.get().body().contains("The configuration cannot be changed here"));
        enrollment.preflight = MachinesFixtures.ready();
        String ready = browser.get().body();
        assertTrue(ready.contains("<p id=\"homeward-preflight\" class=\"ready\">Yes: invites name 192.168.1.20,"), ready);
        assertTrue(ready.contains("<li class=\"ok\"><strong>DNS listeners:</strong> every interface, port 8053</li>"),
                ready);
        assertFalse(ready.contains("listen-button"), ready);
    }

    @Test
    void theFixBindsTheListenersToEveryInterfaceAndAdvertisesTheAddress() throws Exception {
        Answer posted = browser.post(Map.of("action", "listen", "address", "192.168.1.20"));
        assertEquals(303, posted.status());
        assertEquals(PAGE, posted.headers().get("Location"));
        assertEquals("0.0.0.0", stored.get(ListenFix.DNS_PID).get("bindAddress"));
        assertEquals(8053, stored.get(ListenFix.DNS_PID).get("port"), "other properties kept");
        assertEquals("0.0.0.0", stored.get(ListenFix.ENROLL_PID).get("bindAddress"));
        assertArrayEquals(new String[] {"192.168.1.20"}, (String[]) stored.get(ListenFix.ENROLL_PID)
                .get("advertisedAddresses"));
        String html = browser.get().body();
        assertTrue(html.contains("role=\"status\">The DNS listeners and the enrollment server listen on every interface"
                + " (0.0.0.0) now, and invites name 192.168.1.20 (io.homeward.rendezvous.transport and"
                + " io.homeward.rendezvous.enroll). The rendezvous is still restarting"), html);

        enrollment.preflight = MachinesFixtures.ready();
        browser.post(Map.of("action", "listen", "address", "192.168.1.20"));
        assertTrue(browser.get().body().contains("A machine elsewhere can reach the rendezvous now."));

        stored.clear();
        browser.post(Map.of("action", "listen", "address", "203.0.113.66"));
        assertTrue(browser.get().body().contains("&#39;203.0.113.66&#39; is not an address of this host the page"
                + " offered"));
        assertEquals(Map.of(), stored, "nothing changed");
    }

    @Test
    void anInviteShowsCodeQrAndCommandOnceAndPendingInvitesCanBeCancelled() throws Exception {
        Answer posted = browser.post(Map.of("action", "invite", "user", "alice", "host", "laptop", "valid", "1 day"));
        assertEquals(303, posted.status());
        assertEquals(List.of("invite alice laptop PT24H"), enrollment.asked);
        String html = browser.get().body();
        assertTrue(html.contains("role=\"status\">Invite for laptop.alice.members.example., valid once until"
                + " 2026-12-07T12:00:00Z.</p>"), html);
        assertTrue(html.contains("<pre id=\"homeward-invite-code\" class=\"homeward-invite\">HW1ABCDEFGH234567</pre>"),
                html);
        assertTrue(html.contains("<pre id=\"homeward-join-command\">java -jar homeward.jar --feature agent --join"
                + " HW1ABCDEFGH234567</pre>"), html);
        assertTrue(html.contains("<div id=\"homeward-invite-qr\" class=\"homeward-invite-qr\">"
                + QrCode.encode("HW1ABCDEFGH234567").svg() + "</div>"), html);
        assertFalse(browser.get().body().contains("HW1ABCDEFGH234567"), "shown once");

        String pending = browser.get().body();
        assertTrue(pending.contains("<tr class=\"invite\" data-invite=\"0a1b2c3d4e5f6071\"><td data-label=\"Invite\">"
                + "0a1b2c3d4e5f6071</td><td data-label=\"User\">alice</td><td data-label=\"For\">phone&lt;2&gt;</td>"
                + "<td data-label=\"Expires\">2026-12-06T13:00:00Z</td>"), pending);
        browser.post(Map.of("action", "cancel", "id", "0a1b2c3d4e5f6071"));
        assertTrue(browser.get().body().contains("role=\"status\">Invite 0a1b2c3d4e5f6071 cancelled.</p>"));
        browser.post(Map.of("action", "cancel", "id", "feedface"));
        assertTrue(browser.get().body().contains("role=\"status\">No pending invite feedface (used, expired or"
                + " cancelled already).</p>"));
    }

    @Test
    void refusalsSayWhatToChange() throws Exception {
        browser.post(Map.of("action", "invite", "user", "carol", "valid", "1 hour"));
        assertTrue(browser.get().body().contains("failed ui-state-error\" role=\"status\">There is no user carol.</p>"));
        browser.post(Map.of("action", "invite", "user", "alice", "valid", "90 minutes"));
        assertTrue(browser.get().body().contains("Choose how long the invite is valid: 1 hour, 1 day, 7 days.</p>"));
        browser.post(Map.of("action", "<b>"));
        assertTrue(browser.get().body().contains("Unknown action &#39;&lt;b&gt;&#39;"));
        assertEquals(List.of("invite carol - PT1H"), enrollment.asked);
    }

    @Test
    void withoutTheRendezvousItSaysWhereInvitesAreMade() throws Exception {
        page.enrollment = null;
        String html = browser.get().body();
        assertTrue(html.contains("The rendezvous does not run here: invites are made on the console of the rendezvous"),
                html);
        assertFalse(html.contains("homeward-invite-form"), html);
        browser.post(Map.of("action", "invite", "user", "alice", "valid", "1 hour"));
        assertTrue(browser.get().body().contains("role=\"status\">The rendezvous does not run here: invite on its"
                + " console"));
        Answer json = browser.get(".json");
        assertEquals("application/json", json.contentType());
        assertEquals("{\"rendezvous\":false,\"preflight\":null,\"invites\":[]}", json.body());
    }

    @Test
    void theJsonHasThePreflightAndThePendingInvitesWithoutCodes() throws Exception {
        Answer json = browser.get(".json");
        assertEquals("application/json", json.contentType());
        assertEquals("{\"rendezvous\":true,\"preflight\":{\"ready\":false,\"addresses\":[\"127.0.0.1\"],\"dnsPort\":8053,"
                + "\"tlsPort\":8853,\"estPort\":8443,\"stunPort\":3478,\"checks\":[{\"subject\":\"Invite addresses\","
                + "\"found\":\"127.0.0.1, which only this machine reaches\",\"ok\":false},{\"subject\":\"DNS listeners\","
                + "\"found\":\"127.0.0.1:8053, which only this machine reaches\",\"ok\":false},{\"subject\":"
                + "\"Enrollment server\",\"found\":\"127.0.0.1:8443, which only this machine reaches\",\"ok\":false}],"
                + "\"candidates\":[\"192.168.1.20\"]},\"invites\":[{\"id\":\"0a1b2c3d4e5f6071\",\"user\":\"alice\","
                + "\"host\":\"phone\\u003c2>\",\"expires\":\"2026-12-06T13:00:00Z\"}]}", json.body());
    }
}
