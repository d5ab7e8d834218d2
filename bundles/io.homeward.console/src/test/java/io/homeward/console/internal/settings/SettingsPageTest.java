package io.homeward.console.internal.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeward.api.signin.AccountActionException;
import io.homeward.api.signin.AccountState;
import io.homeward.api.signin.AgentAccount;
import io.homeward.api.signin.RenameState;
import io.homeward.api.signin.SignedIn;
import io.homeward.testkit.TestHostIdentity;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/** The Settings page through the servlet API: its forms redirect with the outcome, its JSON and live part. */
class SettingsPageTest {
    private static final String PAGE = "/system/console/homeward-settings";
    private static final Instant SINCE = Instant.parse("2026-12-06T12:00:00Z");
    private static final SignedIn ALICE = new SignedIn("alice", "alice.members.example.",
            "laptop.alice.members.example.", Optional.of("laptop"), SINCE, "127.0.0.1:8853", "");

    private final FakeAccount account = new FakeAccount();
    private final SettingsPage page = new SettingsPage();
    private final Map<String, Object> sessionAttributes = new HashMap<>();
    private final HttpSession session = (HttpSession) Proxy.newProxyInstance(HttpSession.class.getClassLoader(),
            new Class<?>[] {HttpSession.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getAttribute" -> sessionAttributes.get((String) args[0]);
                case "setAttribute" -> sessionAttributes.put((String) args[0], args[1]);
                case "removeAttribute" -> sessionAttributes.remove((String) args[0]);
                default -> throw new UnsupportedOperationException(method.getName());
            });

    /** An account whose answers the test sets; it records the calls. */
    private static final class FakeAccount implements AgentAccount {
        AccountState state = new AccountState(Optional.of(ALICE), "", List.of(), RenameState.IDLE);
        final List<String> calls = new ArrayList<>();
        String refusal;

        @Override
        public AccountState state() {
            return state;
        }

        @Override
        public String signIn(String zone, String user, char[] password, String server, String pin)
                throws AccountActionException {
            calls.add("signin " + zone + " " + user + " " + new String(password));
            return answer("Signed in as " + user + ".");
        }

        @Override
        public String join(String code) throws AccountActionException {
            calls.add("join " + code);
            return answer("Joined.");
        }

        @Override
        public String signOut() {
            calls.add("signout");
            return "Signed out; the stored key is removed.";
        }

        @Override
        public String rename(String name) throws AccountActionException {
            calls.add("rename " + name);
            return answer("Renaming laptop to " + name + ": asking the rendezvous.");
        }

        private String answer(String done) throws AccountActionException {
            if (refusal != null) {
                throw new AccountActionException(refusal);
            }
            return done;
        }
    }

    @BeforeEach
    void start() {
        page.identity = TestHostIdentity.example("eth0", "laptop");
        page.account = account;
    }

    private HttpServletRequest request(String method, String uri, Map<String, String> parameters) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getParameterMap" -> parameters.entrySet().stream()
                            .collect(Collectors.toMap(Map.Entry::getKey, e -> new String[] {e.getValue()}));
                    case "getRequestURI" -> uri;
                    case "getPathInfo", "getAttribute" -> null;
                    case "getSession" -> args == null || (Boolean) args[0] || !sessionAttributes.isEmpty() ? session
                            : null;
                    case "getProtocol" -> "HTTP/1.1";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** Posts the form; asserts the redirect to the page's section and returns the page that follows. */
    private String post(Map<String, String> parameters, String section) throws Exception {
        Map<String, String> headers = new HashMap<>();
        int[] status = {200};
        page.service(request("POST", PAGE, parameters), (HttpServletResponse) Proxy.newProxyInstance(
                HttpServletResponse.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "setStatus" -> status[0] = (Integer) a[0];
                        case "setHeader" -> headers.put((String) a[0], (String) a[1]);
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                    return null;
                }));
        assertEquals(303, status[0]);
        assertEquals(PAGE + "#" + section, headers.get("Location"));
        return get(PAGE).body();
    }

    private record Answer(String contentType, String body) {
    }

    private Answer get(String uri) throws Exception {
        StringWriter body = new StringWriter();
        String[] type = {null};
        page.service(request("GET", uri, Map.of()), (HttpServletResponse) Proxy.newProxyInstance(
                HttpServletResponse.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "setContentType" -> type[0] = (String) a[0];
                        case "getWriter" -> {
                            return new PrintWriter(body, true);
                        }
                        case "setCharacterEncoding", "setHeader" -> { }
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                    return null;
                }));
        return new Answer(type[0], body.toString());
    }

    @Test
    void thePageShowsTheNameTheMenuTheAccountAndTheWayToConfiguration() throws Exception {
        String html = get(PAGE).body();
        assertTrue(html.contains("<a href=\"/system/console/homeward-settings\" class=\"current\" aria-current=\"page\">"
                + "Settings</a>"), html);
        assertTrue(html.contains("<section id=\"rename\""), html);
        assertTrue(html.contains("<strong id=\"host-name\">laptop</strong>"), html);
        assertTrue(html.contains("<input id=\"rename-name\" name=\"name\""), html);
        assertTrue(html.contains("<td id=\"signed-in-as\">alice (zone alice.members.example.)</td>"), html);
        assertTrue(html.contains("id=\"signout-submit\""), html);
        assertTrue(html.contains("<a id=\"advanced-configuration\" href=\"/system/console/configMgr\">"), html);
        assertTrue(html.contains("data-source=\"/system/console/homeward-settings.live\""), html);
        assertFalse(html.contains("id=\"rename-status\""), "no rename yet");
    }

    @Test
    void aRenameRedirectsToTheSectionWithTheOutcomeOnceAndTheLivePartFollowsIt() throws Exception {
        String html = post(Map.of("action", "rename", "name", "studio"), "rename");
        assertEquals(List.of("rename studio"), account.calls);
        assertTrue(html.contains("class=\"settings-outcome outcome-ok\">Renaming laptop to studio: asking the"
                + " rendezvous.</p>"), html);
        assertFalse(get(PAGE).body().contains("settings-outcome"), "shown once");

        account.state = new AccountState(Optional.of(ALICE), "", List.of(), new RenameState(RenameState.Phase.RUNNING,
                "laptop", "studio", "asking the rendezvous to rename laptop to studio", Optional.of(SINCE)));
        String live = get(PAGE + ".live").body();
        assertTrue(live.contains("<p id=\"rename-status\" role=\"status\" data-phase=\"running\" class=\"rename-status"
                + " rename-running\">Renaming laptop to studio… asking the rendezvous to rename laptop to studio"
                + " (2026-12-06T12:00:00Z)</p>"), live);
        assertFalse(live.contains("<form"), "the live part is the name and the state only");
    }

    @Test
    void aRefusalIsShownAndWhatWasTypedKeptButNeverThePassword() throws Exception {
        account.refusal = "Joining failed: this invite was used already";
        String html = post(Map.of("action", "join", "code", "HW1ABC\"<", "zone", "bob.members.example.",
                "server", "rv.test:853", "password", "secret"), "account");
        assertTrue(html.contains("class=\"settings-outcome outcome-refused\">Joining failed: this invite was used"
                + " already</p>"), html);
        assertTrue(html.contains("value=\"HW1ABC&quot;&lt;\""), html);
        assertTrue(html.contains("value=\"bob.members.example.\""), html);
        assertTrue(html.contains("value=\"rv.test:853\""), html);
        assertTrue(html.contains("id=\"password\" name=\"password\" type=\"password\" value=\"\""), html);
        assertFalse(html.contains("secret"), html);
    }

    @Test
    void signingOutAsksFirst() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        page.service(request("POST", PAGE, Map.of("action", "signout")), (HttpServletResponse) Proxy.newProxyInstance(
                HttpServletResponse.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "setStatus", "setContentType", "setHeader", "setContentLength" -> { }
                        case "getOutputStream" -> {
                            return new ServletOutputStream() {
                                @Override
                                public void write(int b) {
                                    body.write(b);
                                }

                                @Override
                                public boolean isReady() {
                                    return true;
                                }

                                @Override
                                public void setWriteListener(WriteListener listener) {
                                }
                            };
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                    return null;
                }));
        assertTrue(body.toString(StandardCharsets.UTF_8).contains("Sign this host out?"));
        assertEquals(List.of(), account.calls);

        String html = post(Map.of("action", "signout", "confirmed", "yes"), "account");
        assertEquals(List.of("signout"), account.calls);
        assertTrue(html.contains("Signed out; the stored key is removed."), html);
    }

    @Test
    void everythingShownIsEscapedAndTheCertificateListed() throws Exception {
        account.state = new AccountState(Optional.of(new SignedIn("<script>", "z.", "k.", Optional.empty(), SINCE,
                "s:1", "")), "wrong <b>", List.of(new AccountState.Field("Revoked",
                        "yes: the account revoked this host; join again with a new invite")), RenameState.IDLE);
        String html = get(PAGE).body();
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertTrue(html.contains("wrong &lt;b&gt;"), html);
        assertTrue(html.contains("the account revoked this host"), html);
        assertTrue(html.contains("<td>k. (the zone&#39;s master key)</td>"), html);
    }

    @Test
    void theJsonSaysWhoIsSignedInAndHowTheRenameWentWithoutKeys() throws Exception {
        Answer json = get(PAGE + ".json");
        assertEquals("application/json", json.contentType());
        assertEquals("{\"hostName\":\"laptop\",\"ula\":\"" + page.identity.ulaText() + "\",\"account\":true,"
                + "\"signedIn\":{\"user\":\"alice\",\"zone\":\"alice.members.example.\","
                + "\"hostKey\":\"laptop.alice.members.example.\",\"host\":\"laptop\",\"since\":\"2026-12-06T12:00:00Z\","
                + "\"server\":\"127.0.0.1:8853\",\"pin\":\"\"},\"lastError\":\"\",\"certificate\":[],"
                + "\"rename\":{\"phase\":\"IDLE\",\"from\":\"\",\"to\":\"\",\"message\":\"\",\"changed\":null}}",
                json.body());

        page.account = null;
        assertTrue(get(PAGE + ".json").body().contains("\"account\":false,\"signedIn\":null"));
        assertTrue(get(PAGE).body().contains("This runtime has no sign-in"));
    }
}
