package io.homeward.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.homeward.kit.html.Html;
import io.homeward.testkit.ConsoleGet;
import io.homeward.testkit.TestHostIdentity;
import io.homeward.testkit.TestRuntimeStatus;

class HomewardPageTest {
    private final HomewardPage plugin = new HomewardPage();

    @Test
    void theJsonPathAnswersJson() throws IOException {
        plugin.runtimeStatus = TestRuntimeStatus.example();
        plugin.hostIdentity = TestHostIdentity.example("eth0", "alice-mbp");
        ConsoleGet get = new ConsoleGet("/homeward.json", "/system/console/homeward.json");
        plugin.doGet(get.request(), get.response());
        assertEquals("application/json", get.contentType());
        assertTrue(get.body().startsWith("{\"feature\":\"all-in-one\",\"identity\":{\"hostName\":\"alice-mbp\""),
                get::body);
        assertTrue(get.body().contains("\"subscriptions\":null"), get::body);
    }

    @Test
    void aWatcherThatAppearsIsShownOnTheNextRequest() throws IOException {
        plugin.subscriptionStatus = Fixtures.watcher();
        ConsoleGet get = new ConsoleGet("/homeward.json", "/system/console/homeward.json");
        plugin.doGet(get.request(), get.response());
        assertTrue(get.body().contains("\"subscriptions\":[{\"name\":\"laptop.alice.members.example.\",\"type\":\"AAAA\","
                + "\"mechanism\":\"llq-udp\""), get::body);
    }

    @Test
    void thePageAnswersAnHtmlFragment() throws IOException {
        ConsoleGet get = new ConsoleGet("/homeward", "/system/console/homeward");
        plugin.doGet(get.request(), get.response());
        assertEquals("text/html", get.contentType());
        assertTrue(get.body().contains(Html.escape(ConsoleFacts.NO_IDENTITY)), get::body);
        assertFalse(get.body().contains("<html"), get::body);
    }
}
