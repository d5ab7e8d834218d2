package io.homeward.console.internal.machines;

import static io.homeward.console.internal.overview.OverviewFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeward.api.keying.KeyingState;
import io.homeward.api.keying.KeyingStatus;
import io.homeward.api.peers.Peer;
import io.homeward.console.internal.ConsoleForms;
import io.homeward.console.internal.ConsoleForms.Answer;
import io.homeward.console.internal.machines.MachinesFixtures.FakeEnrollment;
import io.homeward.console.internal.overview.OverviewFixtures;
import io.homeward.testkit.TestCredentials;
import io.homeward.testkit.TestHostIdentity;

class MachinesPageTest {
    private static final String PAGE = "/system/console/homeward-machines";
    private static final X509Certificate CERTIFICATE = MachinesFixtures.certificate();
    private static final Peer DESKTOP = new Peer("desktop", TestHostIdentity.ula("fd3c:9a51:e27d:b44::3"),
            Optional.empty(), NOW.minusSeconds(7200), "dns-push");

    private final MachinesPage page = new MachinesPage(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(200));
    private final ConsoleForms browser = new ConsoleForms(page, PAGE);
    private FakeEnrollment enrollment;

    @BeforeEach
    void signIn() throws Exception {
        page.identity = TestHostIdentity.example("eth0", "desk");
        page.credentials = TestCredentials.of("alice", "alice.members.example.");
        page.peers = OverviewFixtures.directory(OverviewFixtures.laptop(), DESKTOP);
        enrollment = FakeEnrollment.households(MachinesFixtures.ready(), CERTIFICATE);
        page.enrollment = enrollment;
        page.keying = MachinesFixtures.keying(peer -> MachinesFixtures.PROMISES.resolved(OverviewFixtures.laptopUp()),
                peer -> MachinesFixtures.PROMISES.resolved(Duration.ofNanos(2_140_000)), OverviewFixtures.laptopUp());
    }

    private static String row(String html, String name) {
        int start = html.indexOf("<tr class=\"machine\" data-machine=\"" + name + "\">");
        assertTrue(start >= 0, "a row for " + name + ": " + html);
        return html.substring(start, html.indexOf("</tr>", start));
    }

    @Test
    void aRowPerMachineMergingDirectoryTunnelsAndEnrolledHosts() throws Exception {
        Answer answer = browser.get();
        String html = answer.body();
        assertEquals("text/html", answer.contentType());
        assertTrue(html.contains("<nav class=\"homeward-menu\""), html);
        assertTrue(html.contains("<a href=\"/system/console/homeward-machines\" class=\"current\""), html);
        assertTrue(html.contains("<div id=\"homeward-live\" data-source=\"/system/console/homeward-machines.live\">"),
                html);
        assertTrue(html.contains("<script src=\"/system/console/homeward-machines/res/overview.js\"></script>"), html);
        assertFalse(html.replace("<script src=", "").contains("<script"), "no inline script");

        String desk = row(html, "desk");
        assertTrue(desk.contains("<td data-label=\"Name\">desk (this machine)</td>"
                + "<td data-label=\"Status\">this machine</td>"), desk);
        assertTrue(desk.contains("<a class=\"rename-link\" href=\"/system/console/homeward-settings#rename\">Rename</a>"),
                desk);
        assertFalse(desk.contains("ping-button"), "no ping of itself");
        assertFalse(desk.contains("revoke-button"), "no revoking itself");

        String laptop = row(html, "laptop");
        assertTrue(laptop.contains("<td data-label=\"Status\">online</td><td data-label=\"Tunnel\">up</td>"
                + "<td data-label=\"Round trip\">23 ms</td><td data-label=\"Reached\">direct, 198.51.100.9:61000"
                + " (dns-push)</td><td data-label=\"Last seen\">now</td><td data-label=\"Certificate\">valid until "
                + CERTIFICATE.getNotAfter().toInstant().truncatedTo(ChronoUnit.SECONDS) + "</td>"), laptop);
        assertTrue(laptop.contains("<input type=\"hidden\" name=\"action\" value=\"ping\"><input type=\"hidden\""
                + " name=\"ula\" value=\"fd3c:9a51:e27d:b44::2\">"), laptop);
        assertTrue(laptop.contains("<button type=\"submit\" class=\"revoke-button\">Revoke</button>"), laptop);
        assertTrue(laptop.contains("Renamed on its own Settings page"), laptop);

        String desktop = row(html, "desktop");
        assertTrue(desktop.contains("<td data-label=\"Status\">offline</td><td data-label=\"Tunnel\">-</td>"), desktop);
        assertTrue(desktop.contains("<td data-label=\"Last seen\">2 h ago</td><td data-label=\"Certificate\">-</td>"),
                desktop);
        assertFalse(desktop.contains("revoke-button"), "not enrolled here: " + desktop);

        String tablet = row(html, "tablet");
        assertTrue(tablet.contains("<td data-label=\"Status\">offline</td>"), tablet);
        assertFalse(tablet.contains("ping-button"), "no ULA to ping: " + tablet);
        assertTrue(tablet.contains("name=\"host\" value=\"tablet.alice.members.example.\">"), tablet);

        assertTrue(html.contains("<h2>bob <small>bob, bob.members.example.</small></h2>"), html);
        assertTrue(row(html, "phone").contains("revoke-button"), html);
        assertTrue(html.contains("table class=\"nicetable homeward-machines homeward-reflow\""), html);
    }

    @Test
    void onAPlainAgentPeersCanBePingedAndInvitesHappenOnTheRendezvous() throws Exception {
        page.enrollment = null;
        String html = browser.get().body();
        assertTrue(row(html, "laptop").contains("ping-button"), html);
        assertTrue(row(html, "laptop").contains("<td data-label=\"Certificate\">valid until 2027-12-06T12:00:00Z</td>"),
                "the expiry of the certificate the laptop authenticated with in IKE: " + html);
        assertFalse(html.contains("revoke-button"), html);
        assertFalse(html.contains("tablet"), html);
        assertTrue(html.contains("Invites and revocation happen on the console of the rendezvous this host is signed"
                + " in to"), html);
    }

    @Test
    void pingShowsThePongOnceAfterTheRedirect() throws Exception {
        Answer posted = browser.post(Map.of("action", "ping", "ula", "fd3c:9a51:e27d:b44::2", "about", "laptop"));
        assertEquals(303, posted.status());
        assertEquals(PAGE, posted.headers().get("Location"));
        String html = browser.get().body();
        assertTrue(html.contains("<p id=\"homeward-outcome\" class=\"homeward-outcome ok ui-state-highlight\""
                + " role=\"status\">Pong from laptop in 2.1 ms via direct to 198.51.100.9:61000.</p>"), html);
        assertFalse(browser.get().body().contains("homeward-outcome"), "shown once");
    }

    @Test
    void pingSaysWhichStepFailedWithinItsBound() throws Exception {
        page.keying = MachinesFixtures.keying(peer -> MachinesFixtures.PROMISES.failed(
                new IllegalStateException("desktop published no endpoint")), peer -> MachinesFixtures.PROMISES
                .failed(new IllegalStateException("no IKE SA")));
        browser.post(Map.of("action", "ping", "ula", "fd3c:9a51:e27d:b44::3", "about", "desktop"));
        assertTrue(browser.get().body().contains("role=\"status\">No tunnel to desktop: keying failed: desktop"
                + " published no endpoint</p>"));

        page.keying = MachinesFixtures.keying(peer -> MachinesFixtures.PROMISES.<KeyingStatus>deferred().getPromise(),
                peer -> MachinesFixtures.PROMISES.<Duration>deferred().getPromise());
        long started = System.nanoTime();
        browser.post(Map.of("action", "ping", "ula", "fd3c:9a51:e27d:b44::3", "about", "desktop"));
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(3).toNanos(), "bounded");
        assertTrue(browser.get().body().contains("No tunnel to desktop: keying failed: no answer within 200 ms</p>"));

        page.keying = MachinesFixtures.keying(peer -> MachinesFixtures.PROMISES.resolved(OverviewFixtures.laptopUp()),
                peer -> MachinesFixtures.PROMISES.<Duration>deferred().getPromise(), OverviewFixtures.laptopUp());
        browser.post(Map.of("action", "ping", "ula", "fd3c:9a51:e27d:b44::2", "about", "laptop"));
        assertTrue(browser.get().body().contains("No pong from laptop: no answer within 200 ms</p>"));

        browser.post(Map.of("action", "ping", "ula", "laptop.example", "about", "laptop"));
        assertTrue(browser.get().body().contains("laptop.example&#39; is not a machine&#39;s ULA; use the Ping"
                + " buttons on this page.</p>"));
        page.keying = null;
        browser.post(Map.of("action", "ping", "ula", "fd3c:9a51:e27d:b44::2", "about", "laptop"));
        assertTrue(browser.get().body().contains("No key exchange runs here"));
    }

    @Test
    void revokeAsksFirstThenRevokes() throws Exception {
        Map<String, String> form = Map.of("action", "revoke", "host", "tablet.alice.members.example.", "about", "alice");
        Answer question = browser.post(form);
        assertEquals(200, question.status());
        assertTrue(question.body().contains("<h2 id=\"confirm-question\">Revoke tablet.alice.members.example. of alice?"),
                question.body());
        assertTrue(question.body().contains("<button type=\"submit\" id=\"confirm\">Revoke tablet.alice.members.example."
                + "</button>"), question.body());
        assertEquals(List.of(), enrollment.asked, "nothing before the confirmation");

        Answer done = browser.post(Map.of("action", "revoke", "host", "tablet.alice.members.example.", "about", "alice",
                "confirmed", "yes"));
        assertEquals(303, done.status());
        assertEquals(List.of("revoke tablet.alice.members.example."), enrollment.asked);
        assertTrue(browser.get().body().contains("ok ui-state-highlight\" role=\"status\">Revoked 1 certificate (serial 1f)"
                + " of tablet.alice.members.example. and deleted its host key.</p>"));

        browser.post(Map.of("action", "revoke", "host", "<desk>", "confirmed", "yes"));
        assertTrue(browser.get().body().contains("failed ui-state-error\" role=\"status\">there is no enrolled host"
                + " &lt;desk&gt;"));
        page.enrollment = null;
        browser.post(Map.of("action", "revoke", "host", "tablet.alice.members.example.", "confirmed", "yes"));
        assertTrue(browser.get().body().contains("The rendezvous does not run here"));
    }

    @Test
    void jsonAndTheLivePart() throws Exception {
        Answer json = browser.get(".json");
        assertEquals("application/json", json.contentType());
        assertTrue(json.body().startsWith("{\"asOf\":\"2026-12-06T12:00:00Z\",\"keying\":true,\"rendezvous\":true,"
                + "\"users\":[{\"user\":\"alice\",\"zone\":\"alice.members.example.\",\"signedIn\":true,\"machines\":"
                + "[{\"name\":\"desk\",\"ula\":\""), json.body());
        assertTrue(json.body().contains("{\"name\":\"laptop\",\"ula\":\"fd3c:9a51:e27d:b44::2\",\"thisHost\":false,"
                + "\"online\":true,\"tunnel\":{\"state\":\"up\",\"since\":\"2026-12-06T11:58:30Z\",\"roundTripMillis\":23,"
                + "\"endpoint\":\"198.51.100.9:61000\",\"detail\":\"\"},\"via\":\"direct, 198.51.100.9:61000 (dns-push)\","
                + "\"lastSeen\":\"2026-12-06T12:00:00Z\""), json.body());
        assertTrue(json.body().contains("{\"name\":\"desktop\",\"ula\":\"fd3c:9a51:e27d:b44::3\",\"thisHost\":false,"
                + "\"online\":false,\"tunnel\":null,\"via\":null,\"lastSeen\":\"2026-12-06T10:00:00Z\","
                + "\"certificateExpiry\":null,\"revoked\":false,\"enrolled\":false}"), json.body());

        Answer live = browser.get(".live");
        assertEquals("text/html", live.contentType());
        assertEquals("no-store", live.headers().get("Cache-Control"));
        assertTrue(live.body().startsWith("<h2>Your machines"), live.body());
        assertFalse(live.body().contains("<script"), live.body());
        assertFalse(live.body().contains("homeward-menu"), live.body());
    }

    @Test
    void notSignedInWithoutARendezvousSaysSo() throws Exception {
        page.credentials = null;
        page.enrollment = null;
        String html = browser.get().body();
        assertTrue(html.contains("This host is not signed in"), html);
        page.keying = null;
        assertTrue(browser.get().body().contains("No key exchange runs here"));
        page.keying = MachinesFixtures.keying(peer -> null, peer -> null, new KeyingStatus(DESKTOP.ula(), "desktop",
                KeyingState.FAILED, NOW, Optional.empty(), Optional.empty(), true, "refused"));
        assertTrue(browser.get(".json").body().contains("\"users\":[]"));
    }
}
