package io.homeward.console.internal.rendezvous;

import static io.homeward.console.internal.rendezvous.RendezvousFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

import io.homeward.api.accounts.Account;
import io.homeward.api.dns.DnsTransport;
import io.homeward.api.rendezvous.ListenerState;
import io.homeward.api.rendezvous.ZoneRecord;
import io.homeward.api.rendezvous.ZoneSummary;
import io.homeward.console.internal.PageOutcome;
import io.homeward.kit.html.Html;
import io.homeward.testkit.RecordingLogger;

class RendezvousHtmlTest {
    private final RecordingLogger log = new RecordingLogger();

    @Test
    void showsListenersFingerprintZonesUsersAndWatches() {
        String html = unlabelled(render(RendezvousFixtures.facts(log)));
        assertTrue(html.contains("<tr><td>tcp</td><td>127.0.0.1:8053</td><td>2</td><td>0</td><td>1</td></tr>"), html);
        assertTrue(html.contains("<tr><td>tls</td><td>127.0.0.1:8853</td><td>1</td><td>5</td><td>0</td></tr>"), html);
        assertTrue(html.contains("agents pin: <code>" + RendezvousFixtures.FINGERPRINT + "</code>"), html);
        assertTrue(html.contains("<tr><td>alice.members.example.</td><td>2026112107</td><td>3</td></tr>"), html);
        assertTrue(html.contains("<tr><td>bob.members.example.</td><td>1</td><td>0</td></tr>"), html);
        assertTrue(html.contains("<tr class=\"user\" data-user=\"alice\"><td>alice</td><td>alice.members.example.</td>"
                + "<td>2026-11-01T08:00:00Z</td><td>2026-11-20T09:30:00Z</td><td><form method=\"post\">"), html);
        assertFalse(html.contains("ui-state-error"), html);
        assertTrue(log.lines().isEmpty(), log.lines()::toString);
    }

    @Test
    void everyZoneListsItsRecordsWithLeaseExpiryRelativeToTheClock() {
        String html = unlabelled(render(RendezvousFixtures.facts(log)));
        assertTrue(html.contains("<h3>Records of alice.members.example.</h3>"), html);
        assertTrue(html.contains("<tr><td>laptop.alice.members.example.</td><td>AAAA</td><td>60</td>"
                + "<td>fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c</td><td>2026-11-21T11:17:30Z (in 1 h 12 min)</td></tr>"), html);
        assertTrue(html.contains("<td>2026-11-21T10:02:00Z (expired 3 min ago)</td>"), html);
        assertTrue(html.contains("<td>TXT</td><td>3600</td><td>&quot;hello&quot;</td><td>no lease</td>"), html);
        assertTrue(html.contains("<h3>Records of bob.members.example.</h3>\n<table class=\"nicetable\">\n<thead>"
                + "<tr><th>Name</th><th>Type</th><th>TTL</th><th>RDATA</th><th>Lease expires</th></tr></thead>\n"
                + "<tbody>\n<tr><td colspan=\"5\">no records</td></tr>"), html);
    }

    @Test
    void showsLongLivedQueriesAndPushSubscriptions() {
        String html = unlabelled(render(RendezvousFixtures.facts(log)));
        assertTrue(html.contains("<tr><td>llq-udp</td><td>192.0.2.10:5353</td><td>alice.members.example.</td>"
                + "<td>laptop.alice.members.example.</td><td>AAAA</td><td>2026-11-21T12:05:00Z (in 2 h)</td>"
                + "<td>2026-11-21T10:04:15Z (45 s ago)</td><td>1</td></tr>"), html);
        assertTrue(html.contains("<td>dns-push</td><td>192.0.2.11:40001</td>"), html);
        assertTrue(html.contains("<td>SRV</td><td>while its session lasts</td><td>none</td><td>0</td></tr>"), html);
    }

    @Test
    void everyValueIsEscaped() {
        ZoneSummary zone = new ZoneSummary("<b>z</b>.", 1, 1);
        RendezvousFacts facts = RendezvousFacts.read(NOW,
                RendezvousFixtures.listeners(List.of(new ListenerState(DnsTransport.UDP, "<i>a&b", 0, 0, 0)), "<script>alert(1)</script>"),
                RendezvousFixtures.directory(Map.of(zone, List.of(new ZoneRecord("<img src=x>", Type.TXT, 1, "\"<script>\"",
                        Optional.empty())))),
                RendezvousFixtures.accounts(List.of(new Account("<u>", "'z'", Instant.EPOCH, Instant.EPOCH))),
                () -> List.of(), null, log.logger());
        String html = unlabelled(render(facts));
        for (String raw : List.of("<b>", "<i>", "<script>", "<img", "<u>", "'z'", "a&b")) {
            assertFalse(html.contains(raw), raw + " in " + html);
        }
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && html.contains("&lt;img src=x&gt;")
                && html.contains("&#39;z&#39;") && html.contains("a&amp;b"), html);
    }

    @Test
    void aMissingServiceShowsNotRunningInItsSectionOnly() {
        String html = unlabelled(render(RendezvousFacts.read(NOW, null, RendezvousFixtures.zones(), null, null, null, log.logger())));
        assertTrue(html.contains("<h2>DNS listeners <a class=\"json\" href=\"/system/console/homeward-rendezvous/listeners.json\">JSON</a>"
                + "</h2>\n<p class=\"statline ui-state-error\">"
                + Html.escape(RendezvousSource.LISTENERS.notRunning()) + "</p>"), html);
        assertTrue(html.contains("<h2>Users <a class=\"json\" href=\"/system/console/homeward-rendezvous/users.json\">JSON</a></h2>\n"
                + "<p class=\"statline ui-state-error\">not running: "), html);
        assertTrue(html.contains("<h2>Long-lived queries and push subscriptions <a class=\"json\""
                + " href=\"/system/console/homeward-rendezvous/watches.json\">JSON</a></h2>\n"
                + "<p class=\"statline ui-state-error\">not running: "), html);
        assertTrue(html.contains("<h3>Records of alice.members.example.</h3>"), html);
        assertTrue(RendezvousSource.LISTENERS.notRunning().contains("io.homeward.rendezvous.transport"));
    }

    @Test
    void aServiceThatFailsIsReportedAndLoggedWhileTheRestIsShown() {
        String html = unlabelled(render(RendezvousFacts.read(NOW, RendezvousFixtures.listeners(), RendezvousFixtures.failingZones(),
                RendezvousFixtures.accounts(), RendezvousFixtures.watches(), null, log.logger())));
        assertTrue(html.contains("<h2>Zones <a class=\"json\" href=\"/system/console/homeward-rendezvous/zones.json\">JSON</a></h2>\n"
                + "<p class=\"statline ui-state-error\">The zone directory could not be read"
                + " (java.lang.IllegalStateException: zone store closed); the log has the details.</p>"), html);
        assertTrue(html.contains("<td>llq-udp</td>") && html.contains("<td>alice</td>"), html);
        assertEquals(List.of("WARN Reading zones for an operator view failed"
                + " | java.lang.IllegalStateException: zone store closed"), log.lines());
    }

    @Test
    void everyUserHasAPasswordFormAndARemoveButtonAndTheSectionEndsWithTheAddForm() {
        String html = render(RendezvousFixtures.facts(log));
        assertTrue(html.contains("<p class=\"statline\">1 user under members.example.</p>"), html);
        assertTrue(html.contains("<td data-label=\"Set password\"><form method=\"post\">"
                + "<input type=\"hidden\" name=\"action\" value=\"passwd\"><input type=\"hidden\" name=\"user\" value=\"alice\">"
                + "<input type=\"password\" name=\"password\" autocomplete=\"new-password\" required"
                + " aria-label=\"New password for alice\"><button type=\"submit\" class=\"passwd-button\">Set</button></form></td>"),
                html);
        assertTrue(html.contains("<td data-label=\"Remove\"><form method=\"post\">"
                + "<input type=\"hidden\" name=\"action\" value=\"remove\"><input type=\"hidden\" name=\"user\" value=\"alice\">"
                + "<button type=\"submit\" class=\"remove-button\">Remove alice</button></form></td></tr>"), html);
        assertTrue(html.contains("<h3>Add a user</h3>\n<form method=\"post\" id=\"add-user-form\">"
                + "<input type=\"hidden\" name=\"action\" value=\"add\">"), html);
        assertTrue(html.contains("A user&#39;s zone is &lt;user&gt;.members.example. Hosts sign in"), html);
        assertFalse(html.contains("homeward-outcome"), html);
    }

    @Test
    void withoutUsersTheTableSaysSoAndTheAddFormStays() {
        String html = unlabelled(render(RendezvousFacts.read(NOW, null, null, RendezvousFixtures.accounts(List.of()), null,
                null, log.logger())));
        assertTrue(html.contains("<p class=\"statline\">0 users under members.example.</p>"), html);
        assertTrue(html.contains("<tr><td colspan=\"6\">no users yet; add one below</td></tr>"), html);
        assertTrue(html.contains("id=\"add-user-form\""), html);
    }

    @Test
    void theLastFormsOutcomeIsShownEscapedAtTheTop() {
        String html = RendezvousHtml.render(RendezvousFixtures.facts(log), "/system/console",
                PageOutcome.refused("'<script>alert(1)</script>' cannot be a user name"), Optional.empty());
        assertTrue(html.startsWith("<p id=\"homeward-outcome\" class=\"homeward-outcome failed ui-state-error\""
                + " role=\"status\">&#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39; cannot be a user name</p>\n"), html);
        assertFalse(html.contains("<script>"), html);
    }

    @Test
    void aSectionAloneIsShownWithoutTheOthers() {
        String html = RendezvousHtml.render(RendezvousFixtures.facts(log), "/console", null,
                Optional.of(RendezvousSource.USERS));
        assertTrue(html.contains("<section id=\"homeward-rendezvous-users\">\n<h2>Users <a class=\"json\""
                + " href=\"/console/homeward-rendezvous/users.json\">JSON</a></h2>"), html);
        for (String other : List.of("listeners", "zones", "watches", "stun")) {
            assertFalse(html.contains("homeward-rendezvous-" + other), other + " in " + html);
        }
    }

    /** Every section, and no form outcome, at the console root {@code /system/console}. */
    private static String render(RendezvousFacts facts) {
        return RendezvousHtml.render(facts, "/system/console", null, Optional.empty());
    }

    /** The page without its cells' column labels (asserted once, in {@link #everyCellCarriesItsColumn}). */
    private static String unlabelled(String html) {
        return html.replaceAll(" data-label=\"[^\"]*\"", "");
    }

    @Test
    void everyCellCarriesItsColumn() {
        String html = render(RendezvousFixtures.facts(new RecordingLogger()));
        assertTrue(html.contains("<tr><td data-label=\"Transport\">tcp</td><td data-label=\"Address\">127.0.0.1:8053</td>"),
                html);
        assertTrue(html.contains("<td data-label=\"Unacked\">1</td></tr>"), html);
    }

    @Test
    void theStunServerSaysWhereItListensAndWhatItAnswered() {
        String html = render(RendezvousFixtures.facts(log));
        assertTrue(html.contains("<h2>STUN server <a class=\"json\" href=\"/system/console/homeward-rendezvous/stun.json\">JSON</a></h2>\n"
                + "<table class=\"nicetable\">"), html);
        assertTrue(html.contains("<tr><td data-label=\"State\">listening on UDP 0.0.0.0:3478</td>"
                + "<td data-label=\"Answered\">7</td><td data-label=\"Ignored\">2</td></tr>"), html);
    }
}
