package io.homeward.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.json.Json;

/**
 * The overview in the system's Chromium: signing in lands on it, first in the console's menu; it shows this host's
 * name and one verdict on whether its peers reach it, keeps itself current without a reload, answers the same as
 * JSON, and fits a phone's width.
 */
class OverviewBrowserTest {
    private static final String PASSWORD = "alice-overview-password";

    @TempDir
    static Path dir;
    private static ConsoleRuntime runtime;
    private static ConsoleBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowser.requireInstalled();
        runtime = ConsoleRuntime.start("overview-browser", dir);
        runtime.signInAsAlice(PASSWORD);
        Await.until("the host's records published after signing in", 30, () -> runtime.read("/homeward-network/registration.json"),
                j -> j.contains("\"published\":{"));
        browser = ConsoleBrowser.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void signingInLandsOnTheOverviewWithTheVerdictAndThisHostsName() throws Exception {
        String landed = browser.logIn(runtime);
        assertEquals(runtime.console() + "/homeward-overview", landed, "the console's start page");
        String verdict = browser.await("the overview's verdict", d -> d.findElements(By.id("homeward-verdict")).stream()
                .map(WebElement::getText).filter(t -> !t.isEmpty()).findFirst().orElse(null));
        assertTrue(verdict.startsWith("Reachable from the Internet") || verdict.startsWith("Reachable only from this LAN")
                || verdict.startsWith("Not reachable: "), verdict);

        Map<String, Object> json = overviewJson();
        @SuppressWarnings("unchecked")
        String hostName = ((Map<String, Object>) json.get("host")).get("name").toString();
        String page = browser.driver().findElement(By.id("homeward-live")).getText();
        assertTrue(page.contains("Name " + hostName) || page.contains("Name\n" + hostName), page);
        assertTrue(page.contains("alice (zone alice.members.example.)"), page);
        @SuppressWarnings("unchecked")
        Map<String, Object> jsonVerdict = (Map<String, Object>) json.get("verdict");
        assertEquals(verdict, jsonVerdict.get("text"), "the page and its JSON agree");
        Path shot = browser.screenshot("overview");
        System.out.println("Overview screenshot: " + shot.toAbsolutePath());
    }

    @Test
    void theOverviewUpdatesWithoutAReloadPushedAsServerSentEvents() {
        browser.logIn(runtime);
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        String before = browser.await("the overview's time", d -> d.findElements(By.cssSelector("#homeward-live .updated"))
                .stream().map(WebElement::getText).findFirst().orElse(null));
        js.executeScript("window.homewardNotReloaded = true");
        browser.await("a newer state in place", d -> d.findElements(By.cssSelector("#homeward-live .updated")).stream()
                .map(WebElement::getText).filter(t -> !t.equals(before)).findFirst().orElse(null));
        assertEquals(Boolean.TRUE, js.executeScript("return window.homewardNotReloaded === true"), "the same document");
        assertEquals("events", browser.driver().findElement(By.id("homeward-live")).getAttribute("data-transport"),
                "pushed by the console's event stream, not polled");
    }

    @Test
    void theMenuListsTheOverviewFirstAmongTheHomewardPages() {
        browser.logIn(runtime);
        List<String> links = browser.driver().findElements(By.cssSelector("#navmenu a[href*='/system/console/homeward']"))
                .stream().map(a -> a.getAttribute("href").replaceFirst(".*/system/console/", "")).toList();
        assertTrue(!links.isEmpty() && links.get(0).equals("homeward-overview"), "the Homeward entries: " + links);
    }

    @Test
    void atPhoneWidthTheTablesReflow() {
        browser.logIn(runtime);
        Dimension desktop = browser.driver().manage().window().getSize();
        try {
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            String display = browser.await("the host table as lines", d -> {
                Object value = ((JavascriptExecutor) d).executeScript(
                        "var th = document.querySelector('#homeward-live table.overview-host th');"
                                + " return th ? getComputedStyle(th).display : null");
                return "block".equals(value) ? value.toString() : null;
            });
            assertEquals("block", display);
            System.out.println("Overview screenshot at phone width: " + browser.screenshot("overview-phone").toAbsolutePath());
        } finally {
            browser.driver().manage().window().setSize(desktop);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> overviewJson() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(runtime.console() + "/homeward-overview.json")).header("Authorization",
                Http.basic("admin", runtime.password())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                answer.headers().toString());
        return new Json().toType(answer.body(), Map.class);
    }
}
