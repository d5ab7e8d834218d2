package io.homeward.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console guard on the real launcher jar: a page of another site cannot change anything through the admin's
 * cached login, the console's own pages still can, every console answer forbids framing and sniffing, and password
 * guessing is slowed down without locking the right password out for good.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleGuardTest {
    private static final String EVIL = "http://evil.example";
    private static final String USERS = "/" + HomewardConsolePages.USERS;
    private static final Pattern GUARD_COOKIE = Pattern.compile("homeward-guard=([A-Za-z0-9_-]+)");
    private static final Pattern STATE = Pattern.compile("\"stateRaw\":(\\d+)");
    private static final String PLUGIN = "org.apache.felix.healthcheck.webconsoleplugin";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path dir;
    private static ConsoleRuntime runtime;
    private static String origin;
    private static String console;
    private static String password;
    private static String login;

    @BeforeAll
    static void start() throws Exception {
        runtime = ConsoleRuntime.start("console-guard", dir);
        origin = runtime.origin();
        console = runtime.console();
        password = runtime.password();
        login = Http.basic("admin", password);
        assertEquals(200, Http.get(console + USERS, "admin", password).status(), "the Users section is up");
    }

    @AfterAll
    static void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }

    @Test
    @Order(1)
    void everyConsoleAnswerForbidsFramingAndSniffing() throws Exception {
        for (HttpResponse<String> r : List.of(send(get("/bundles.json", login)), send(get(USERS, login)),
                send(get("/bundles.json", null)))) {
            assertEquals(List.of("DENY"), r.headers().allValues("X-Frame-Options"), r.uri() + " " + r.statusCode());
            assertEquals(List.of("frame-ancestors 'none'"), r.headers().allValues("Content-Security-Policy"), r.uri().toString());
            assertEquals(List.of("nosniff"), r.headers().allValues("X-Content-Type-Options"), r.uri().toString());
        }
    }

    @Test
    @Order(2)
    void theTokenCookieIsStrictlySameSiteAndHiddenFromScripts() throws Exception {
        String setCookie = send(get("/bundles.json", login)).headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("homeward-guard=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("Path=/system/console"), setCookie);
    }

    @Test
    @Order(3)
    void anotherSitesPageCannotStopABundleButTheConsolesOwnPageCan() throws Exception {
        String bundle = "/bundles/" + bundleId(PLUGIN);
        assertEquals(403, send(post(bundle, "action=stop", EVIL, null, null)).statusCode(), "a page of another site");
        assertEquals(32, state(bundle), "still active");
        // Even a browser that attached the cookie, and a request that names no origin at all, are refused.
        String cookie = guardCookie();
        assertEquals(403, send(post(bundle, "action=stop", EVIL, null, cookie)).statusCode());
        assertEquals(403, send(post(bundle, "action=stop", null, EVIL + "/attack.html", cookie)).statusCode());
        assertEquals(403, send(post(bundle, "action=stop", null, null, cookie)).statusCode());
        assertEquals(403, send(post(bundle, "action=stop", "http://127.0.0.1:1", null, cookie)).statusCode(), "another port");
        assertEquals(403, send(post(bundle, "action=stop", origin, null, null)).statusCode(), "no token");
        assertEquals(403, send(post(bundle, "action=stop", origin, null, "homeward-guard=forged")).statusCode(), "wrong token");
        assertEquals(32, state(bundle), "still active");

        HttpResponse<String> stopped = send(post(bundle, "action=stop", origin, null, cookie));
        assertEquals(200, stopped.statusCode(), stopped.body());
        assertEquals(4, state(bundle), "stopped by the console's own page");
        HttpResponse<String> started = send(post(bundle, "action=start", null, console + "/bundles", cookie));
        assertEquals(200, started.statusCode(), started.body());
        assertEquals(32, state(bundle), "started again, the Referer standing in for a missing Origin");
    }

    @Test
    @Order(4)
    void anotherSitesPageCannotAddAUserButTheUsersFormCan() throws Exception {
        String form = "action=add&user=mallory&password=correct-horse-battery-staple";
        HttpResponse<String> refused = send(post(USERS, form, EVIL, null, null));
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().startsWith("Refused by the console guard"), refused.body());
        assertFalse(send(get(USERS + ".json", login)).body().contains("mallory"), "no account was made");

        assertEquals(303, Http.post(console + USERS, "admin", password, form));
        assertTrue(send(get(USERS + ".json", login)).body().contains("\"user\":\"mallory\""),
                "the console's own form still works");
    }

    @Test
    @Order(5)
    void anotherSitesPageCannotChangeConfigurationButTheConfigurationFormCan() throws Exception {
        String save = "apply=true&action=ajaxConfigManager&propertylist=hostName,interfaceName&interfaceName=&hostName=";
        assertEquals(403, send(post("/configMgr/io.homeward.identity", save + "evil-host", EVIL, null, null)).statusCode());
        int status = Http.post(console + "/configMgr/io.homeward.identity", "admin", password, save + "guarded-host");
        assertTrue(status < 400, "the console's own form saved: " + status);
        String identity = Await.until("the new host name in use", () -> body("/homeward-network/runtime.json"),
                b -> b.contains("\"hostName\":\"guarded-host\""));
        assertFalse(identity.contains("evil-host"));
    }

    @Test
    @Order(6)
    void guessingIsSlowedDownAndTheRightPasswordWorksAfterThePenalty() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(send(get("/bundles.json", Http.basic("admin", "guess-" + i))).statusCode());
        }
        assertEquals(List.of(401, 401, 401, 401, 429, 429), statuses, "three free failures, then a penalty");
        HttpResponse<String> penalised = send(get("/bundles.json", login));
        assertEquals(429, penalised.statusCode(), "not even the right password is tried during the penalty");
        long retryAfter = Long.parseLong(penalised.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "penalty after the fourth failure is 1 s: " + retryAfter);
        Thread.sleep(retryAfter * 1000 + 200);
        assertEquals(200, send(get("/bundles.json", login)).statusCode());
        assertEquals(401, send(get("/bundles.json", Http.basic("admin", "guess-again"))).statusCode(),
                "a success cleared the address, so the next failure is free again");
    }

    private static String body(String path) {
        try {
            return send(get(path, login)).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(7)
    void theShellShowsTheGuard() throws Exception {
        Path config = runtime.configDir();
        stop(); // the one-shot runtime below uses the same configuration, hence the same ports
        try (LauncherProcess exec = LauncherProcess.start("--data", dir.resolve("exec-data").toString(), "--no-shell",
                "--config", config.toString(), "--exec", "homeward:guard")) {
            List<String> output = exec.outputUntilExit(90);
            assertEquals(0, exec.exitValue(), String.join("\n", output));
            assertTrue(output.contains("Console guard (configuration PID io.homeward.console.guard)"), String.join("\n", output));
            assertTrue(output.contains("penalised now: none"), String.join("\n", output));
        }
    }

    private static String guardCookie() throws IOException, InterruptedException {
        for (String c : send(get("/bundles.json", login)).headers().allValues("Set-Cookie")) {
            Matcher m = GUARD_COOKIE.matcher(c);
            if (m.find()) {
                return m.group();
            }
        }
        throw new AssertionError("the console set no guard cookie");
    }

    private static long bundleId(String symbolicName) throws IOException, InterruptedException {
        Matcher m = Pattern.compile("\\{\"id\":(\\d+),[^}]*\"symbolicName\":\"" + Pattern.quote(symbolicName) + "\"")
                .matcher(send(get("/bundles.json", login)).body());
        assertTrue(m.find(), "the console lists " + symbolicName);
        return Long.parseLong(m.group(1));
    }

    private static int state(String bundle) throws IOException, InterruptedException {
        Matcher m = STATE.matcher(send(get(bundle + ".json", login)).body());
        assertTrue(m.find());
        return Integer.parseInt(m.group(1));
    }

    private static HttpRequest get(String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(console + path)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    /** A form POST with the admin's login, as a browser sends it from the page named by origin or referer. */
    private static HttpRequest post(String path, String form, String originHeader, String referer, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(console + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", login).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (originHeader != null) {
            b.header("Origin", originHeader);
        }
        if (referer != null) {
            b.header("Referer", referer);
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b.build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
