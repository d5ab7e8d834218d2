package io.homeward.rendezvous.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.homeward.kit.html.Html;
import io.homeward.testkit.ConsoleGet;
import io.homeward.testkit.RecordingLogger;

class RendezvousPageTest {
    private final RendezvousPage plugin = new RendezvousPage(new RecordingLogger().logger(), Fixtures.CLOCK);

    @Test
    void theJsonPathAnswersJsonReadAtTheClocksInstant() throws IOException {
        plugin.zoneDirectory = Fixtures.zones();
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
        plugin.watchStatus = Fixtures.watches();
        plugin.accountService = Fixtures.accounts();
        ConsoleGet first = page();
        assertEquals("text/html", first.contentType());
        assertTrue(first.body().contains("<td>llq-udp</td>"), first::body);
        assertFalse(first.body().contains("<html"), first::body);

        plugin.watchStatus = null;
        ConsoleGet second = page();
        assertFalse(second.body().contains("<td>llq-udp</td>"), second::body);
        assertTrue(second.body().contains(Html.escape(Source.WATCHES.notRunning())), second::body);
        assertTrue(second.body().contains("<td>alice</td>"), second::body);
    }

    private ConsoleGet page() throws IOException {
        ConsoleGet get = new ConsoleGet("/homeward-rendezvous", "/system/console/homeward-rendezvous");
        plugin.doGet(get.request(), get.response());
        return get;
    }
}
