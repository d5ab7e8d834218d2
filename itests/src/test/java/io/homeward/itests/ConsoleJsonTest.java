package io.homeward.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.json.JsonException;

import io.homeward.kit.text.PasswordKeys;

/**
 * Every Homeward page of the console answers its {@code <label>.json} with {@code application/json} that a real
 * JSON parser (Selenium's) reads, on an all-in-one runtime signed in on its first start, publishing, and listing one
 * other machine of the account, so the documents carry rows and not only their empty forms. The pages are those the
 * Web Console's menu links to (the plugins registered), and those the browser tests use ({@link HomewardConsolePages})
 * in case the menu lost one, and the Rendezvous page's Users section alone.
 */
class ConsoleJsonTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;
    private static ConsoleRuntime runtime;

    @BeforeAll
    static void signedInWithAnotherMachineListed() throws Exception {
        runtime = ConsoleRuntime.start("console-json", dir);
        Map<String, Object> overview = Await.until("signed in on the first start and published", 60,
                ConsoleJsonTest::overview, o -> o.get("signedIn") != null && o.get("published") != null);
        String zone = String.valueOf(((Map<?, ?>) overview.get("signedIn")).get("zone"));
        new SignedUpdates(runtime.dnsServer(), PasswordKeys.derive(zone, runtime.accountPassword().toCharArray()))
                .send(new PeerRecords(zone).publish(1, 1));
        Await.until("the other machine on the overview", 30, ConsoleJsonTest::overview,
                o -> o.get("machines") instanceof List<?> machines && !machines.isEmpty());
    }

    @AfterAll
    static void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void everyHomewardPageAnswersItsJsonAsJson() throws Exception {
        Set<String> labels = HomewardConsolePages.registeredPages(runtime.get("/" + HomewardConsolePages.OVERVIEW));
        assertTrue(labels.size() >= 5, "the console's menu links to the Homeward pages: " + labels);
        labels.addAll(List.of(HomewardConsolePages.OVERVIEW, HomewardConsolePages.MACHINES,
                HomewardConsolePages.ADD_MACHINE, HomewardConsolePages.USERS));
        List<String> wrong = new ArrayList<>();
        for (String label : labels) {
            String url = runtime.console() + "/" + label + ".json";
            HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", Http.basic("admin", runtime.password())).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String type = answer.headers().firstValue("Content-Type").orElse("none");
            if (answer.statusCode() != 200 || !type.startsWith("application/json")) {
                wrong.add(url + " answered " + answer.statusCode() + " " + type);
                continue;
            }
            try {
                new Json().toType(answer.body(), Object.class);
            } catch (JsonException e) {
                wrong.add(url + " does not parse: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        System.out.println("Console JSON documents checked: " + labels);
        assertEquals(List.of(), wrong);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> overview() {
        try {
            return new Json().toType(runtime.get("/" + HomewardConsolePages.OVERVIEW + ".json"), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
