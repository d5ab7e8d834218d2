package io.homeward.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.json.Json;

/**
 * Renaming a host from the console's Settings page in the system's Chromium (docs/enrollment.md, "Renaming a
 * host"): an all-in-one runtime signed in as alice (so enrolled, with a host key) is renamed; the rendezvous then
 * answers the new name's records and none of the old name's, and a second host of alice, signed in with her password
 * to the same rendezvous, lists the renamed host once, under its new name, and never itself. (Both runtimes run on
 * this machine, so they share its EUI-64: the second may not publish its own AutoTunnel name, rule 2 of
 * docs/enrollment.md, which this test does not need; it only watches.)
 */
class RenameBrowserTest {
    private static final String PASSWORD = "alice-rename-password";
    private static final String ZONE = "alice.members.example.";
    private static final String NEW_NAME = "renamed-home";
    private static final String PEER = "peer-b";

    @TempDir
    static Path dir;
    private static ConsoleRuntime home;
    private static LauncherProcess peer;
    private static String peerPassword;
    private static ConsoleBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowser.requireInstalled();
        Tool.requireInstalled("dig");
        home = ConsoleRuntime.start("rename-home", dir.resolve("home"));
        home.signInAsAlice(PASSWORD);
        Await.until("the home host's records published", 30, () -> get(home.console(), home.password(),
                "/homeward-network/registration.json"), j -> j.contains("\"published\":{"));
        peer = startPeer(dir.resolve("peer"));
        Await.until("the peer lists the home host", 60, () -> get(peerConsole(), peerPassword, "/homeward-network/peers.json"),
                j -> j.contains("\"host\":\"" + homeName() + "\""));
        browser = ConsoleBrowser.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (peer != null) {
            peer.terminate();
            peer.outputUntilExit(30);
        }
        if (home != null) {
            home.close();
        }
    }

    @Test
    void renamingFromTheSettingsPagePublishesTheNewNameWithdrawsTheOldAndThePeerListsItOnce() throws Exception {
        String old = homeName();
        assertFalse(dig(old, "AAAA").isEmpty(), "the old name is published before the rename");

        browser.logIn(home);
        browser.open(home.console() + "/homeward-settings");
        WebElement name = browser.await("the rename form", d -> d.findElements(By.id("rename-name")).stream()
                .findFirst().orElse(null));
        assertEquals(old, browser.driver().findElement(By.id("host-name")).getText());
        name.sendKeys(NEW_NAME);
        browser.driver().findElement(By.id("rename-submit")).click();
        String outcome = browser.await("the outcome line", d -> d.findElements(By.id("settings-outcome")).stream()
                .map(WebElement::getText).findFirst().orElse(null));
        assertTrue(outcome.startsWith("Renaming " + old + " to " + NEW_NAME), outcome);
        String done = browser.await("the rename done, shown without a reload", d -> d.findElements(
                By.cssSelector("#rename-status[data-phase=done]")).stream().map(WebElement::getText).findFirst()
                .orElse(null));
        assertTrue(done.startsWith("Renamed " + old + " to " + NEW_NAME), done);
        browser.await("the new name on the page", d -> NEW_NAME.equals(d.findElement(By.id("host-name")).getText())
                ? true : null);
        System.out.println("Settings screenshot: " + browser.screenshot("settings-rename").toAbsolutePath());

        Await.until("the new name's records at the rendezvous", 30, () -> dig(NEW_NAME, "AAAA"), a -> !a.isEmpty());
        Await.until("the old name's records gone", 30, () -> dig(old, "AAAA") + dig("_autotunnel._udp." + old, "SRV"),
                String::isEmpty);
        Await.until("the browse list names the new host and not the old", 30, () -> dig("_homeward._udp", "PTR"),
                ptr -> ptr.contains(NEW_NAME + "." + ZONE) && !ptr.contains(old + "." + ZONE));
        assertEquals(NEW_NAME, settings().get("hostName"));

        String peers = Await.until("the peer lists the renamed host", 60,
                () -> get(peerConsole(), peerPassword, "/homeward-network/peers.json"),
                j -> j.contains("\"host\":\"" + NEW_NAME + "\"") && !j.contains("\"host\":\"" + old + "\""));
        List<String> listed = hosts(peers);
        assertEquals(List.of(NEW_NAME), listed, "the renamed host once, and not the peer itself: " + peers);
        List<String> homeListed = hosts(get(home.console(), home.password(), "/homeward-network/peers.json"));
        assertFalse(homeListed.contains(NEW_NAME) || homeListed.contains(old), "home never lists itself: " + homeListed);
    }

    /** The home host's name as its Settings page says. */
    private static String homeName() {
        return settings().get("hostName").toString();
    }

    private static Map<String, Object> settings() {
        return new Json().toType(get(home.console(), home.password(), "/homeward-settings.json"), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<String> hosts(String peersJson) {
        Map<String, Object> json = new Json().toType(peersJson, Map.class);
        return ((List<Map<String, Object>>) json.get("peers")).stream().map(p -> p.get("host").toString()).toList();
    }

    /** {@code dig +short} at the home rendezvous' DNS port; "" when the name has no such record. */
    private static String dig(String label, String type) {
        try {
            return Tool.run(null, "dig", "@127.0.0.1", "-p", Integer.toString(ShippedRuntime.consolePort("rename-home-dns")),
                    "+short", "+norecurse", label + "." + ZONE, type).out().strip();
        } catch (Exception e) {
            throw new AssertionError("dig failed", e);
        }
    }

    private static String get(String console, String password, String path) {
        try {
            Http.Response answer = Http.get(console + path, "admin", password);
            assertEquals(200, answer.status(), path);
            return answer.body();
        } catch (Exception e) {
            throw new AssertionError("GET " + path + " failed", e);
        }
    }

    private static String peerConsole() {
        return "http://127.0.0.1:" + ShippedRuntime.consolePort("rename-peer-console") + "/system/console";
    }

    /**
     * An agent signed in as alice with her password, at the home runtime's rendezvous; no tunnel interface. It only
     * watches: on the same machine it has home's EUI-64, so its AutoTunnel name would be home's, which the rendezvous
     * gives to the first host holding it (docs/enrollment.md) — publishing, it would take it in the moment the rename
     * frees it. Its registrar asks a port where nothing answers (the discard port) and publishes nothing.
     */
    private static LauncherProcess startPeer(Path peerDir) throws Exception {
        Path config = Files.createDirectories(peerDir.resolve("config"));
        Path secret = Files.createFile(peerDir.resolve("password"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(secret, PASSWORD + "\n");
        String dns = "127.0.0.1:" + ShippedRuntime.consolePort("rename-home-dns");
        Files.writeString(config.resolve("homeward.json"), """
                {
                  ":configurator:resource-version": 1,
                  ":configurator:symbolic-name": "itest-rename-peer",
                  ":configurator:version": "1.0.0",
                  "io.homeward.identity": { "hostName": "%s" },
                  "io.homeward.signin": { "zone": "%s", "user": "alice", "passwordFile": "%s", "dnsServer": "%s" },
                  "io.homeward.registrar": { "dnsServer": "127.0.0.1:9" },
                  "io.homeward.watcher": { "server": "%s" },
                  "io.homeward.resolver": { "rendezvousServer": "%s" },
                  "io.homeward.tunnel": { "interfaceName": "" },
                  "io.homeward.tunnelport": { "port": %d, "stunServer": "127.0.0.1:%d" }
                }
                """.formatted(PEER, ZONE, secret, dns, dns, dns, ShippedRuntime.consolePort("rename-peer-tunnel"),
                ShippedRuntime.consolePort("rename-home-stun")));
        LauncherProcess launcher = LauncherProcess.start("--feature", "agent", "--data", peerDir.resolve("data").toString(),
                "--console-port", Integer.toString(ShippedRuntime.consolePort("rename-peer-console")), "--no-shell",
                "--config", config.toString());
        try {
            launcher.awaitLine("Web console:", 90);
            peerPassword = Files.readString(peerDir.resolve("data/console-password")).strip();
            Await.until("the peer's identity configured", 30, () -> get(peerConsole(), peerPassword, "/homeward-network/runtime.json"),
                    j -> j.contains("\"hostName\":\"" + PEER + "\""));
            return launcher;
        } catch (Exception | AssertionError e) {
            launcher.kill();
            throw e;
        }
    }
}
