package io.homeward.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

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

/**
 * The console in the system's Chromium, as a person meets it: signing in leads to the Homeward page; a page of
 * another origin open in the same browser can neither change anything with the admin's kept login nor show the
 * console inside a frame of its own.
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
    void signingInOpensTheConsoleWhoseMenuLeadsToTheNetworkPage() {
        assertTrue(browser.logIn(runtime).startsWith(runtime.console() + "/"),
                "signed in to a console page");
        WebElement link = browser.await("the Network entry of the Homeward menu",
                d -> d.findElements(By.cssSelector("nav.homeward-menu a[href$='/system/console/homeward-network']"))
                        .stream().findFirst().orElse(null));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click()", link);
        String text = browser.await("the Network page's identity table", ConsoleBrowserTest::homewardPage);
        assertEquals(runtime.console() + "/homeward-network", browser.currentUrl());
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
                <form id="f" method="post" action="%s/%s">
                <input name="action" value="add"><input name="user" value="%s">
                <input name="password" value="correct-horse-battery-staple"></form>
                <script>document.getElementById('f').submit()</script>
                """.formatted(runtime.console(), HomewardConsolePages.USERS, user));
        browser.open(otherSite.origin(host) + "/add-user.html");
        String answer = browser.await("the console's answer to the other page's form", ConsoleBrowserTest::consoleAnswer);
        browser.screenshot("cross-origin-post-from-" + host);
        assertTrue(answer.startsWith("Refused by the console guard"), "refused by the guard, with the login sent: " + answer);
        assertFalse(runtime.get("/" + HomewardConsolePages.USERS + ".json").contains(user), "no account was made");
    }

    @Test
    void theUsersSectionAddsAUserAndRemovesItOnlyOnceConfirmed() throws Exception {
        HomewardConsolePages pages = new HomewardConsolePages(browser, runtime.origin());
        assertEquals("Added user carol (zone carol.members.example.).", pages.addUser("carol", "carol's long password"));
        assertTrue(runtime.get("/" + HomewardConsolePages.USERS + ".json").contains("\"user\":\"carol\""));
        browser.screenshot("rendezvous-users");
        assertEquals("Remove user carol? Their zone, its records and every host key and certificate of theirs go; their"
                + " hosts lose each other.", pages.askRemoveUser("carol"));
        browser.screenshot("remove-user-confirmation");
        assertTrue(runtime.get("/" + HomewardConsolePages.USERS + ".json").contains("\"user\":\"carol\""),
                "nothing removed before the confirmation");
        assertEquals("Removed user carol and its zone.", pages.confirm());
        assertFalse(runtime.get("/" + HomewardConsolePages.USERS + ".json").contains("\"user\":\"carol\""));
    }

    @Test
    void anotherOriginCannotFrameTheConsole() {
        otherSite.page("/plain.html", "<!doctype html><p id=\"plain\">a page that may be framed</p>");
        otherSite.page("/frames.html", """
                <!doctype html><title>Frames</title>
                <iframe id="plain" src="/plain.html" width="600" height="100"></iframe>
                <iframe id="console" src="%s/homeward-network" width="1000" height="500"></iframe>
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
}
