package io.homeward.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.json.JsonException;

/**
 * The console in the system's Chromium, as a person meets it: signing in leads to the Homeward page; a page of
 * another origin open in the same browser can neither change anything with the admin's kept login nor show the
 * console inside a frame of its own. And as a script meets it: every Homeward page answers JSON at its {@code .json}.
 */
class ConsoleBrowserTest {
    @TempDir
    static Path dir;
    private static ConsoleRuntime runtime;
    private static ConsoleBrowser browser;
    private static OtherSite otherSite;

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowser.requireInstalled();
        runtime = ConsoleRuntime.start("console-browser", dir);
        otherSite = OtherSite.start();
        browser = ConsoleBrowser.start();
        browser.logIn(runtime);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (otherSite != null) {
            otherSite.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void signingInOpensTheConsoleWhoseMenuLeadsToTheHomewardPage() {
        assertTrue(browser.logIn(runtime).startsWith(runtime.console() + "/"),
                "signed in to a console page");
        WebElement link = browser.await("the Homeward entry of the console's menu",
                d -> d.findElements(By.cssSelector("a[href$='/system/console/homeward']")).stream().findFirst().orElse(null));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click()", link);
        String text = browser.await("the Homeward page's identity table", ConsoleBrowserTest::homewardPage);
        assertEquals(runtime.console() + "/homeward", browser.currentUrl());
        assertTrue(text.contains("ULA"), text);
        browser.screenshot("homeward-page");
    }

    /**
     * From {@code 127.0.0.1:port} the browser attaches even the guard's SameSite cookie (same site, other origin); from
     * {@code localhost:port} it does not. Either way the login goes along, and the guard refuses.
     */
    @ParameterizedTest(name = "from {0}")
    @ValueSource(strings = {"127.0.0.1", "localhost"})
    void aFormOnAnotherOriginCannotAddAConsoleUser(String host) throws Exception {
        String user = "mallory" + host.replace(".", "");
        otherSite.page("/add-user.html", """
                <!doctype html><title>Win a prize</title>
                <form id="f" method="post" action="%s/homeward-accounts">
                <input name="action" value="add"><input name="user" value="%s">
                <input name="password" value="correct-horse-battery-staple"></form>
                <script>document.getElementById('f').submit()</script>
                """.formatted(runtime.console(), user));
        browser.open(otherSite.origin(host) + "/add-user.html");
        String answer = browser.await("the console's answer to the other page's form", ConsoleBrowserTest::consoleAnswer);
        browser.screenshot("cross-origin-post-from-" + host);
        assertTrue(answer.startsWith("Refused by the console guard"), "refused by the guard, with the login sent: " + answer);
        assertFalse(runtime.get("/homeward-accounts").contains(user), "no account was made");
    }

    @Test
    void anotherOriginCannotFrameTheConsole() {
        otherSite.page("/plain.html", "<!doctype html><p id=\"plain\">a page that may be framed</p>");
        otherSite.page("/frames.html", """
                <!doctype html><title>Frames</title>
                <iframe id="plain" src="/plain.html" width="600" height="100"></iframe>
                <iframe id="console" src="%s/homeward" width="1000" height="500"></iframe>
                """.formatted(runtime.console()));
        browser.open(otherSite.origin("localhost") + "/frames.html");
        WebDriver driver = browser.driver();
        driver.switchTo().frame("plain");
        browser.await("the framable page in its frame", d -> d.findElements(By.id("plain")).isEmpty() ? null : true);
        driver.switchTo().defaultContent();
        driver.switchTo().frame("console");
        String url = browser.await("the console frame's document", d -> {
            Object u = ((JavascriptExecutor) d).executeScript("return document.URL");
            return "about:blank".equals(u) ? null : (String) u;
        });
        String text = driver.findElement(By.tagName("body")).getText();
        driver.switchTo().defaultContent();
        browser.screenshot("framing-refused");
        assertTrue(url.startsWith("chrome-error:"), "the browser refused to show the console in the frame: " + url);
        assertFalse(text.contains("Host identity"), text);
    }

    private static String homewardPage(WebDriver d) {
        String text = d.findElement(By.tagName("body")).getText();
        return text.contains("Host identity") ? text : null;
    }

    private static String consoleAnswer(WebDriver d) {
        return browser.currentUrl().startsWith(runtime.console()) ? d.findElement(By.tagName("body")).getText() : null;
    }

    @Test
    void everyHomewardPageInTheMenuAnswersJson() throws Exception {
        Matcher link = Pattern.compile("href=\"/system/console/(homeward[a-z-]*)\"").matcher(runtime.get("/homeward"));
        Set<String> labels = new TreeSet<>();
        while (link.find()) {
            labels.add(link.group(1));
        }
        assertTrue(labels.containsAll(Set.of("homeward", "homeward-registration", "homeward-accounts", "homeward-signin")),
                "the menu lists the Homeward pages: " + labels);
        List<String> wrong = new ArrayList<>();
        for (String label : labels) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(runtime.console() + "/" + label + ".json")).header("Authorization",
                    Http.basic("admin", runtime.password())).build(), HttpResponse.BodyHandlers.ofString());
            String type = answer.headers().firstValue("Content-Type").orElse("none");
            if (answer.statusCode() != 200 || !type.startsWith("application/json")) {
                wrong.add(label + ".json: " + answer.statusCode() + " " + type);
                continue;
            }
            try {
                new Json().toType(answer.body(), Object.class);
            } catch (JsonException e) {
                wrong.add(label + ".json does not parse: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        assertEquals(List.of(), wrong);
    }
}
