package io.homeward.console.internal.rendezvous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.api.registration.HostRecordSet;
import io.homeward.api.registration.Registration;
import io.homeward.api.registration.RegistrationState;
import io.homeward.console.internal.ConsoleForms;
import io.homeward.kit.html.Html;
import io.homeward.kit.json.Json;
import io.homeward.kit.text.Eui64Text;
import io.homeward.testkit.ConsoleGet;
import io.homeward.testkit.RecordingLogger;

class RendezvousPageTest {
    private static final String PAGE = "/system/console/homeward-rendezvous";
    private final RendezvousPage plugin = new RendezvousPage(new RecordingLogger().logger(), RendezvousFixtures.CLOCK);

    @Test
    void theJsonPathAnswersJsonReadAtTheClocksInstant() throws IOException {
        plugin.zoneDirectory = RendezvousFixtures.zones();
        ConsoleGet get = new ConsoleGet("/homeward-rendezvous.json", "/system/console/homeward-rendezvous.json");
        plugin.doGet(get.request(), get.response());
        assertEquals("application/json", get.contentType());
        assertEquals("UTF-8", get.characterEncoding());
        String json = get.body();
        assertTrue(json.startsWith("{\"now\":\"2026-11-21T10:05:00Z\",\"listeners\":null,\"zones\":[{\"zone\":"), json);
        assertTrue(json.contains("\"leaseRemaining\":\"in 1 h 12 min\""), json);
    }

    @Test
    void thePageIsAnHtmlFragmentThatFollowsServicesAsTheyComeAndGo() throws IOException {
        plugin.watchStatus = RendezvousFixtures.watches();
        plugin.accountService = RendezvousFixtures.accounts();
        ConsoleGet first = page();
        assertEquals("text/html", first.contentType());
        assertTrue(first.body().contains("<td data-label=\"Mechanism\">llq-udp</td>"), first::body);
        assertFalse(first.body().contains("<html"), first::body);

        plugin.watchStatus = null;
        ConsoleGet second = page();
        assertFalse(second.body().contains("<td data-label=\"Mechanism\">llq-udp</td>"), second::body);
        assertTrue(second.body().contains(Html.escape(RendezvousSource.WATCHES.notRunning())), second::body);
        assertTrue(second.body().contains("<td data-label=\"User\">alice</td>"), second::body);
    }

    @Test
    void withoutTheRendezvousThePageSaysSoAndWhereThisHostsRendezvousIs() throws IOException {
        RegistrationState published = new RegistrationState(Optional.of(new Registration(new HostRecordSet(
                "alice.members.example.", "laptop", Eui64Text.parse("02-1B-63-FF-FE-84-5A-0C"),
                (Inet6Address) InetAddress.getByName("fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c"),
                (Inet4Address) InetAddress.getByName("203.0.113.7"), 4500, Map.of()), RendezvousFixtures.NOW,
                "rendezvous.example:8853")), List.of(), "published", Optional.empty(), Optional.empty(), "");
        plugin.registration = () -> published;
        ConsoleGet html = page();
        assertTrue(html.body().contains("<p class=\"statline\" id=\"rendezvous-elsewhere\">The rendezvous does not run"
                + " here. This host&#39;s rendezvous is rendezvous.example:8853.</p>"), html::body);
        assertTrue(html.body().contains("class=\"current\" aria-current=\"page\">Rendezvous</a>"), html::body);

        ConsoleGet json = new ConsoleGet("/homeward-rendezvous.json", "/system/console/homeward-rendezvous.json");
        plugin.doGet(json.request(), json.response());
        assertEquals("application/json", json.contentType());
        assertTrue(json.body().startsWith("{\"runsHere\":false,\"zone\":null,\"server\":\"rendezvous.example:8853\","),
                json::body);
    }

    @Test
    void aHostNotSignedInIsToldWhereToSignIn() {
        assertEquals("The rendezvous does not run here. This host is not signed in to a rendezvous (Settings).",
                RendezvousElsewhere.of(null, null).text());
        assertEquals("The rendezvous does not run here. This host is signed in to zone alice.members.example. and"
                + " publishes nothing yet.", new RendezvousElsewhere(Optional.of("alice.members.example."),
                        Optional.empty()).text());
    }

    @Test
    void aPostedUserFormChangesTheAccountsAndTheNextPageShowsTheOutcomeOnce() throws Exception {
        plugin.accountService = new MemoryAccounts();
        ConsoleForms browser = new ConsoleForms(plugin, PAGE);
        ConsoleForms.Answer posted = browser.post(Map.of("action", "add", "user", "alice", "password", "alice password"));
        assertEquals(303, posted.status());
        assertEquals(PAGE, posted.headers().get("Location"));

        String html = browser.get().body();
        assertTrue(html.contains("<p id=\"homeward-outcome\" class=\"homeward-outcome ok ui-state-highlight\""
                + " role=\"status\">Added user alice (zone alice.members.example.).</p>"), html);
        assertTrue(html.contains("<td data-label=\"User\">alice</td><td data-label=\"Zone\">alice.members.example.</td>"),
                html);
        assertFalse(html.contains("alice password"), html);
        assertFalse(browser.get().body().contains("Added user alice"), "the outcome is shown once");
    }

    @Test
    void theUsersSectionHasAnAddressOfItsOwnForItsFormsAndItsJson() throws Exception {
        plugin.accountService = new MemoryAccounts();
        ConsoleForms browser = new ConsoleForms(plugin, PAGE);
        ConsoleForms.Answer posted = browser.post("/users", Map.of("action", "add", "user", "bob", "password", "short"));
        assertEquals(303, posted.status());
        assertEquals(PAGE + "/users", posted.headers().get("Location"));
        String section = browser.get("/users").body();
        assertTrue(section.contains("role=\"status\">a password needs at least 8 characters</p>"), section);
        assertTrue(section.contains("<section id=\"homeward-rendezvous-users\">"), section);
        assertFalse(section.contains("<section id=\"homeward-rendezvous-zones\">"), "the section alone: " + section);

        browser.post("/users", Map.of("action", "add", "user", "bob", "password", "bob password"));
        ConsoleForms.Answer json = browser.get("/users.json");
        assertEquals("application/json", json.contentType());
        assertEquals("{\"domain\":\"members.example.\",\"users\":[{\"user\":\"bob\",\"zone\":\"bob.members.example.\","
                + "\"created\":\"2026-11-01T08:00:00Z\",\"changed\":\"2026-11-01T08:00:00Z\"}]}", json.body());
        assertFalse(browser.get(".json").body().contains("bob password"));
        assertTrue(browser.get().body().contains("Added user bob"), "the JSON leaves the outcome to the page");

        assertEquals(404, browser.post("/zones", Map.of("action", "add", "user", "eve", "password", "eve password"))
                .status(), "no form posts to another section");
        assertEquals(1, plugin.accountService.users().size());
    }

    @Test
    void removingAUserAsksFirstAndTheConfirmedFormRemovesIt() throws Exception {
        MemoryAccounts accounts = new MemoryAccounts();
        accounts.addUser("alice", "alice password".toCharArray());
        plugin.accountService = accounts;
        ConsoleForms browser = new ConsoleForms(plugin, PAGE);
        ConsoleForms.Answer asked = browser.post(Map.of("action", "remove", "user", "alice"));
        assertEquals(200, asked.status());
        assertTrue(asked.body().contains("<h2 id=\"confirm-question\">Remove user alice? Their zone, its records and every"
                + " host key and certificate of theirs go; their hosts lose each other.</h2>"), asked.body());
        assertTrue(asked.body().contains("<form method=\"post\" action=\"" + PAGE + "\">"), asked.body());
        assertEquals(1, accounts.users().size(), "nothing removed before the confirmation");

        assertEquals(303, browser.post(Map.of("action", "remove", "user", "alice", "confirmed", "yes")).status());
        assertEquals(List.of(), accounts.users());
        assertTrue(browser.get().body().contains("Removed user alice and its zone."));
    }

    @Test
    void anUnknownSectionIsNotFound() throws Exception {
        ConsoleForms browser = new ConsoleForms(plugin, PAGE);
        assertEquals(404, browser.get("/passwords.json").status());
        assertEquals(404, browser.get("/passwords").status());
    }

    @Test
    void aSectionAloneWhoseServiceIsNotRunningSaysWhy() throws Exception {
        plugin.zoneDirectory = RendezvousFixtures.zones();
        assertEquals("{\"missing\":" + Json.quote(RendezvousSource.USERS.notRunning()) + "}",
                new ConsoleForms(plugin, PAGE).get("/users.json").body());
    }

    private ConsoleGet page() throws IOException {
        ConsoleGet get = new ConsoleGet("/homeward-rendezvous", "/system/console/homeward-rendezvous");
        plugin.doGet(get.request(), get.response());
        return get;
    }
}
