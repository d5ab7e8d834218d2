package io.homeward.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
import org.openqa.selenium.support.ui.Select;

/**
 * The Machines and Add a machine pages in the system's Chromium on an all-in-one runtime signed in as alice: the
 * pre-flight says whether a machine elsewhere reaches the rendezvous, an invite shows its code, QR code and command
 * once and can be cancelled, "Listen on <LAN address>" makes the pre-flight pass, and the machines page lists this host with its actions, as HTML, live part and JSON,
 * takes in a new user without a reload and reflows into cards at a phone's width.
 */
class MachinesBrowserTest {
    private static final String PASSWORD = "alice-machines-password";

    @TempDir
    static Path dir;
    private static ConsoleRuntime runtime;
    private static ConsoleBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowser.requireInstalled();
        runtime = ConsoleRuntime.start("machines-browser", dir);
        runtime.signInAsAlice(PASSWORD);
        browser = ConsoleBrowser.start();
        browser.logIn(runtime);
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

    /** Opens a console page with the login in its URL, as {@link ConsoleBrowser#logIn} does. */
    private static void open(String path) {
        browser.open(runtime.origin().replace("://", "://admin:" + runtime.password() + "@") + "/system/console" + path);
    }

    @Test
    void anInviteShowsItsCodeQrCodeAndCommandOnceAndCanBeCancelled() {
        open("/homeward-add-machine");
        String preflight = browser.await("the pre-flight verdict", d -> d.findElements(By.id("homeward-preflight"))
                .stream().map(WebElement::getText).findFirst().orElse(null));
        // The test runtime's rendezvous listens on loopback: no other machine reaches it, and the page says so.
        assertTrue(preflight.startsWith("Not from another machine: invites name 127.0.0.1"), preflight);

        new Select(browser.driver().findElement(By.id("homeward-invite-user"))).selectByVisibleText("alice");
        browser.driver().findElement(By.id("homeward-invite-host")).sendKeys("tablet");
        browser.driver().findElement(By.id("homeward-invite")).click();
        String code = browser.await("the invite code", d -> d.findElements(By.id("homeward-invite-code")).stream()
                .map(WebElement::getText).findFirst().orElse(null));
        assertTrue(code.startsWith("HW1"), code);
        assertEquals("java -jar homeward.jar --feature agent --join " + code,
                browser.driver().findElement(By.id("homeward-join-command")).getText());
        assertEquals(1, browser.driver().findElements(By.cssSelector("#homeward-invite-qr svg")).size(), "a QR code");
        assertTrue(browser.driver().findElement(By.id("homeward-outcome")).getText()
                .startsWith("Invite for tablet.alice.members.example., valid once until "));
        browser.screenshot("add-a-machine-invite");

        open("/homeward-add-machine");
        assertTrue(browser.driver().findElements(By.id("homeward-invite-code")).isEmpty(), "the code is shown once");
        WebElement invite = browser.await("the pending invite", d -> d.findElements(By.cssSelector("tr.invite")).stream()
                .filter(r -> r.getText().contains("tablet")).findFirst().orElse(null));
        invite.findElement(By.cssSelector("button.cancel-invite-button")).click();
        String cancelled = browser.await("the cancellation", d -> d.findElements(By.id("homeward-outcome")).stream()
                .map(WebElement::getText).findFirst().orElse(null));
        assertTrue(cancelled.matches("Invite [0-9a-f]+ cancelled\\."), cancelled);
        assertTrue(browser.driver().findElements(By.cssSelector("tr.invite")).stream()
                .noneMatch(r -> r.getText().contains("tablet")), "no longer pending");

        WebElement listen = browser.await("a Listen on button", d -> d.findElements(By.cssSelector("button.listen-button"))
                .stream().findFirst().orElse(null));
        String address = listen.getText().replace("Listen on ", "");
        listen.click();
        String fixed = browser.await("the pre-flight passing after the fix", d -> d.findElements(
                By.id("homeward-preflight")).stream().map(WebElement::getText).filter(t -> t.startsWith("Yes: "))
                .findFirst().orElse(null));
        assertTrue(fixed.startsWith("Yes: invites name " + address + ", "), fixed);
        browser.screenshot("add-a-machine-fixed");
    }

    @Test
    void atPhoneWidthTheMachinesReflowIntoCards() {
        open("/homeward-machines");
        Dimension desktop = browser.driver().manage().window().getSize();
        try {
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.await("the machines table as cards", d -> "block".equals(((JavascriptExecutor) d).executeScript(
                    "var td = document.querySelector('table.homeward-reflow td');"
                            + " return td ? getComputedStyle(td).display : null")) ? true : null);
            browser.screenshot("machines-phone");
        } finally {
            browser.driver().manage().window().setSize(desktop);
        }
    }

    @Test
    void theMachinesPageListsThisHostWithItsActions() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> overview = new Json().toType(runtime.get("/homeward-overview.json"), Map.class);
        @SuppressWarnings("unchecked")
        String host = ((Map<String, Object>) overview.get("host")).get("name").toString();
        open("/homeward-machines");
        WebElement row = browser.await("this host's row", d -> d.findElements(
                By.cssSelector("tr.machine[data-machine='" + host + "']")).stream().findFirst().orElse(null));
        assertTrue(row.getText().contains(host + " (this machine)"), row.getText());
        assertTrue(row.findElement(By.cssSelector("a.rename-link")).getAttribute("href")
                .endsWith("/system/console/homeward-settings#rename"));
        browser.screenshot("machines");

        ((JavascriptExecutor) browser.driver()).executeScript("window.homewardNotReloaded = true");
        assertEquals(303, runtime.post("/" + HomewardConsolePages.USERS, "action=add&user=bob&password=bob-machines-password"));
        browser.await("bob's machines, without a reload", d -> d.findElements(By.cssSelector("#homeward-live h2"))
                .stream().filter(h -> h.getText().startsWith("bob")).findFirst().orElse(null));
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser.driver())
                .executeScript("return window.homewardNotReloaded === true"), "the same document");

        assertTrue(runtime.get("/homeward-machines.live").contains("data-machine=\"" + host + "\""));
        @SuppressWarnings("unchecked")
        Map<String, Object> json = new Json().toType(runtime.get("/homeward-machines.json"), Map.class);
        assertEquals(Boolean.TRUE, json.get("rendezvous"), json.toString());
        assertTrue(json.toString().contains("thisHost=true"), json.toString());
    }
}
