package io.homeward.itests.netlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.json.Json;

import io.homeward.itests.ConsoleBrowser;
import io.homeward.itests.HomewardConsolePages;
import io.homeward.itests.LabDirectory;
import io.homeward.itests.OtherSite;

/**
 * A person runs their machines from the console, in the system's Chromium, against two real runtimes with tunnels:
 * "home" is an all-in-one (rendezvous and agent, signed in to its own rendezvous on first start) in a namespace of its
 * own, its console bound beyond loopback (so HTTPS, with the rendezvous' certificate) on a link the browser reaches;
 * the new machine is an agent in a second namespace, one link away from home, on a machine named as its invite
 * names it. The person logs in, reads the verdict,
 * invites the machine on the console, starts it with {@code --join CODE} (docs/enrollment.md, "Invite codes"), sees it
 * appear on the open overview without a reload, pings it from the console, revokes it (after the console's question)
 * and sees it go; a page of another origin posting the invite form is refused. Given/when/then in order, a screenshot
 * at each step under {@code target/screenshots/} (the overview and the machines page also at a phone's 390 px).
 * Every page and selector comes from {@link HomewardConsolePages}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoMachinesConsoleLabTest {
    private static final String HOME_NS = "hw-cw-home";
    private static final String NEW_NS = "hw-cw-new";
    /** The browser's link to home's console: root namespace side, home side. */
    private static final String BROWSER_SIDE = "10.99.12.254";
    private static final String CONSOLE_ADDRESS = "10.99.12.1";
    /** The link between the two machines, where home's rendezvous and tunnel are reached. */
    private static final String HOME_ADDRESS = "10.99.13.1";
    private static final String NEW_ADDRESS = "10.99.13.2";
    private static final String ORIGIN = "https://" + CONSOLE_ADDRESS + ":8080";
    private static final String NEW_HOST = "laptop";
    private static final int PHONE_WIDTH = 390;

    @RegisterExtension
    static final LabDirectory WORK = new LabDirectory("homeward-two-machines");
    private static Path work;
    private static NamespacedAgent home;
    private static NamespacedAgent newMachine;
    private static LabConsole homeConsole;
    private static ConsoleBrowser browser;
    private static HomewardConsolePages pages;
    private static OtherSite otherSite;
    private static String user;
    private static String code;
    private static int step;

    @BeforeAll
    static void givenHomeRunningItsRendezvousAndAgentInANamespaceOfItsOwn() throws Exception {
        ConsoleBrowser.requireInstalled();
        NetLab.requireLab();
        removeNamespaces();
        for (List<String> command : List.of(List.of("ip", "netns", "add", HOME_NS), List.of("ip", "netns", "add", NEW_NS),
                List.of("ip", "-n", HOME_NS, "link", "set", "lo", "up"), List.of("ip", "-n", NEW_NS, "link", "set", "lo", "up"),
                List.of("ip", "link", "add", "hw-cwb0", "type", "veth", "peer", "name", "hw-cwb1", "netns", HOME_NS),
                List.of("ip", "addr", "add", BROWSER_SIDE + "/24", "dev", "hw-cwb0"),
                List.of("ip", "link", "set", "hw-cwb0", "up"),
                List.of("ip", "-n", HOME_NS, "addr", "add", CONSOLE_ADDRESS + "/24", "dev", "hw-cwb1"),
                List.of("ip", "-n", HOME_NS, "link", "set", "hw-cwb1", "up"),
                List.of("ip", "-n", HOME_NS, "link", "add", "hw-cwh", "type", "veth", "peer", "name", "hw-cwn", "netns", NEW_NS),
                List.of("ip", "-n", HOME_NS, "addr", "add", HOME_ADDRESS + "/24", "dev", "hw-cwh"),
                List.of("ip", "-n", HOME_NS, "link", "set", "hw-cwh", "up"),
                List.of("ip", "-n", NEW_NS, "addr", "add", NEW_ADDRESS + "/24", "dev", "hw-cwn"),
                List.of("ip", "-n", NEW_NS, "link", "set", "hw-cwn", "up"))) {
            NetLab.Result r = NetLab.run(command);
            assertEquals(0, r.exit(), String.join(" ", command) + ": " + r.out());
        }
        work = WORK.path();
        Path config = Files.createDirectories(work.resolve("home-config"));
        Files.writeString(config.resolve("homeward.json"), """
                {
                  ":configurator:resource-version": 1,
                  ":configurator:symbolic-name": "io.homeward.netlab.twomachines",
                  ":configurator:version": "1.0.0",
                  "io.homeward.rendezvous.transport": { "bindAddress": "0.0.0.0", "port": 8053, "tlsPort": 8853 },
                  "io.homeward.rendezvous.dns": { "domain": "members.example.", "nameServerAddresses": ["%1$s"],
                                                  "tlsPort": 8853 },
                  "io.homeward.rendezvous.accounts": { "domain": "members.example." },
                  "io.homeward.rendezvous.stun": { "bindAddress": "0.0.0.0", "port": 3478 },
                  "io.homeward.rendezvous.enroll": { "bindAddress": "0.0.0.0", "port": 8443,
                                                     "advertisedAddresses": ["%1$s"] },
                  "io.homeward.watcher": { "server": "127.0.0.1:8053" },
                  "io.homeward.registrar": { "dnsServer": "127.0.0.1:8053" },
                  "io.homeward.resolver": { "rendezvousServer": "127.0.0.1:8053" },
                  "io.homeward.tunnelport": { "stunServer": "%1$s:3478" }
                }
                """.formatted(HOME_ADDRESS));
        Path data = work.resolve("home");
        home = NamespacedAgent.serve("all-in-one", HOME_NS, data, config, 8080,
                List.of("--console-address", CONSOLE_ADDRESS));
        home.awaitLine("Web console: " + ORIGIN, 120);
        homeConsole = new LabConsole(HOME_NS, ORIGIN, data, Files.createDirectories(work.resolve("curl")));
        Map<String, Object> overview = awaitOverview("home signed in to its own rendezvous and published", 90,
                o -> o.get("signedIn") != null && o.get("published") != null);
        user = String.valueOf(((Map<?, ?>) overview.get("signedIn")).get("user"));
        otherSite = OtherSite.start();
        browser = ConsoleBrowser.startTakingAnyCertificate();
        pages = new HomewardConsolePages(browser, ORIGIN);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
            if (otherSite != null) {
                otherSite.close();
            }
            for (NamespacedAgent runtime : new NamespacedAgent[] {newMachine, home}) {
                if (runtime != null) {
                    runtime.stop(30);
                }
            }
        } finally {
            removeNamespaces();
        }
    }

    /** The namespaces and links this test made; deleting a namespace deletes its veth pairs, the browser's link too. */
    private static void removeNamespaces() throws Exception {
        NetLab.run(List.of("ip", "netns", "del", NEW_NS));
        NetLab.run(List.of("ip", "netns", "del", HOME_NS));
    }

    @Test
    @Order(1)
    void whenThePersonLogsInTheOverviewSaysWhetherPeersReachHome() {
        assertTrue(browser.logIn(ORIGIN, password()).startsWith(ORIGIN + "/system/console/"), browser.currentUrl());
        String verdict = pages.overview();
        assertTrue(verdict.startsWith("Reachable from the Internet") || verdict.startsWith("Reachable only from this LAN")
                || verdict.startsWith("Not reachable: "), verdict);
        assertEquals(HomewardConsolePages.OVERVIEW, pages.menu().get(0), "the overview leads the Homeward menu");
        assertFalse(pages.machines().contains(NEW_HOST), "no " + NEW_HOST + " yet: " + pages.machines());
        screenshots("overview", true);
    }

    @Test
    @Order(2)
    void whenThePersonInvitesAMachineTheConsoleShowsTheCodeAndItsQrCode() {
        code = pages.invite(NEW_HOST);
        assertTrue(code.matches("HW1[A-Z2-7]{20,}"), code);
        screenshots("invite", false);
        pages.openAddMachine();
        screenshots("machines", true);
    }

    @Test
    @Order(3)
    void whenTheNewMachineJoinsWithTheCodeItAppearsOnTheOpenOverviewWithoutAReload() throws Exception {
        pages.overview();
        pages.markDocument();
        long started = System.nanoTime();
        // The computer has a name of its own; the invite's name replaces it when it joins (and IKE follows).
        newMachine = NamespacedAgent.serveNamed("new-pc", "agent", NEW_NS, work.resolve("new"), null, 8080,
                List.of("--join", code));
        pages.awaitMachine(NEW_HOST, true, 120);
        assertTrue(pages.sameDocument(), "the overview was not reloaded");
        System.out.printf(Locale.ROOT, "two machines: %s listed on the open overview %d ms after its start with"
                + " --join%n", NEW_HOST, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        screenshots("new-machine-listed", true);
    }

    @Test
    @Order(4)
    void whenThePersonPingsTheNewMachineFromTheConsoleItAnswersThroughTheTunnel() throws InterruptedException {
        String outcome = pages.ping(NEW_HOST);
        int clicks = 1;
        while (clicks < 3 && !outcome.startsWith("Pong from " + NEW_HOST)) {
            Thread.sleep(2000);
            outcome = pages.ping(NEW_HOST);
            clicks++;
        }
        screenshots("ping", false);
        assertTrue(outcome.startsWith("Pong from " + NEW_HOST), "after " + clicks + " clicks: " + outcome);
        System.out.printf(Locale.ROOT, "two machines: Ping %s answered after %d click(s): %s%n", NEW_HOST, clicks,
                outcome);
    }

    @Test
    @Order(5)
    void whenThePersonRevokesTheNewMachineAndConfirmsItLeavesTheOverview() {
        String question = pages.askRevoke(NEW_HOST);
        assertTrue(question.startsWith("Revoke " + NEW_HOST), question);
        screenshots("revoke-question", false);
        String outcome = pages.confirm();
        assertTrue(outcome.toLowerCase(Locale.ROOT).contains("revoked"), outcome);
        screenshots("revoked", false);
        pages.overview();
        pages.awaitMachine(NEW_HOST, false, 30);
        screenshots("machine-gone", true);
    }

    @Test
    @Order(6)
    void whenAPageOfAnotherOriginPostsTheInviteFormTheConsoleRefusesIt() throws Exception {
        int before = pendingInvites();
        otherSite.page("/prize.html", pages.crossOriginForm(HomewardConsolePages.inviteForm(user, "mallory")));
        browser.open(otherSite.origin("127.0.0.1") + "/prize.html");
        String answer = browser.await("the console's answer to the other page's form",
                d -> pages.consoleAnswer().orElse(null));
        screenshots("cross-origin-refused", false);
        assertTrue(answer.startsWith("Refused by the console guard"), answer);
        assertEquals(before, pendingInvites(), "no invite was made");
    }

    /** How many invites the Add a machine page's JSON lists as pending, over all users. */
    @SuppressWarnings("unchecked")
    private static int pendingInvites() throws Exception {
        Map<String, Object> json = new Json().toType(homeConsole.get("/" + HomewardConsolePages.ADD_MACHINE + ".json"),
                Map.class);
        return ((List<?>) json.get("invites")).size();
    }

    /** Saves the window as {@code two-machines-NN-name}; with {@code phone} also at a phone's width. */
    private static void screenshots(String name, boolean phone) {
        step++;
        String prefix = String.format(Locale.ROOT, "two-machines-%02d-%s", step, name);
        browser.screenshot(prefix);
        if (phone) {
            Dimension desktop = browser.driver().manage().window().getSize();
            try {
                browser.driver().manage().window().setSize(new Dimension(PHONE_WIDTH, 844));
                browser.screenshot(prefix + "-phone");
            } finally {
                browser.driver().manage().window().setSize(desktop);
            }
        }
    }

    private static String password() {
        try {
            return Files.readString(work.resolve("home").resolve("console-password")).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads home's overview JSON (every 0.5 s, bounded) until it passes; fails with the last one read. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitOverview(String what, long seconds,
            java.util.function.Predicate<Map<String, Object>> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Map<String, Object> last;
        do {
            last = new Json().toType(homeConsole.get("/" + HomewardConsolePages.OVERVIEW + ".json"), Map.class);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(what + ": not within " + seconds + " s; the overview says " + last);
    }
}
