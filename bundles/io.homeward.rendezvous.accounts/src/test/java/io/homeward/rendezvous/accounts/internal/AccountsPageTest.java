package io.homeward.rendezvous.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import io.homeward.testkit.RecordingLogger;

class AccountsPageTest {
    private static final String PAGE = "/system/console/homeward-accounts";

    @TempDir
    Path data;

    private final Map<String, Object> sessionAttributes = new HashMap<>();
    private final HttpSession session = (HttpSession) Proxy.newProxyInstance(HttpSession.class.getClassLoader(),
            new Class<?>[] {HttpSession.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getAttribute" -> sessionAttributes.get((String) args[0]);
                case "setAttribute" -> sessionAttributes.put((String) args[0], args[1]);
                case "removeAttribute" -> sessionAttributes.remove((String) args[0]);
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private HttpServletRequest request(String method, Map<String, String> parameters) {
        return request(method, PAGE, parameters);
    }

    private HttpServletRequest request(String method, String uri, Map<String, String> parameters) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getRequestURI" -> uri;
                    case "getPathInfo" -> null;
                    case "getSession" -> args == null || (Boolean) args[0] || !sessionAttributes.isEmpty() ? session : null;
                    case "getProtocol" -> "HTTP/1.1";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** Records status, headers and body. */
    private static final class Captured {
        final Map<String, String> headers = new HashMap<>();
        final StringWriter body = new StringWriter();
        int status = 200;
        final HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                HttpServletResponse.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "setStatus" -> status = (Integer) args[0];
                        case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                        case "getWriter" -> {
                            return new PrintWriter(body, true);
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                    return null;
                });
    }

    @Test
    void aPostedFormChangesTheAccountsAndTheNextPageShowsTheOutcomeOnce() throws Exception {
        AccountsPage plugin = new AccountsPage(TestComponents.accounts(data, new RecordingLogger()));

        Captured posted = new Captured();
        plugin.service(request("POST", Map.of("action", "add", "user", "alice", "password", "alice password")), posted.response);
        assertEquals(303, posted.status);
        assertEquals(PAGE, posted.headers.get("Location"));

        Captured page = new Captured();
        plugin.service(request("GET", Map.of()), page.response);
        assertEquals("text/html;charset=UTF-8", page.headers.get("Content-Type"));
        String html = page.body.toString();
        assertTrue(html.contains("<p class=\"ui-state-highlight\" role=\"status\">Added user alice (zone alice.members.example.).</p>"), html);
        assertTrue(html.contains("<td>alice</td><td>alice.members.example.</td>"), html);

        Captured again = new Captured();
        plugin.service(request("GET", Map.of()), again.response);
        assertFalse(again.body.toString().contains("Added user alice"), "the outcome is shown once");
    }

    @Test
    void aRefusedFormShowsTheReason() throws Exception {
        AccountsPage plugin = new AccountsPage(TestComponents.accounts(data, new RecordingLogger()));
        plugin.service(request("POST", Map.of("action", "add", "user", "bob", "password", "short")), new Captured().response);
        Captured page = new Captured();
        plugin.service(request("GET", Map.of()), page.response);
        assertTrue(page.body.toString().contains("<p class=\"ui-state-error\" role=\"status\">a password needs at least 8 characters</p>"),
                page.body.toString());
        assertTrue(page.body.toString().contains("0 users under members.example."));
    }

    @Test
    void theJsonFormListsTheUsersWithoutTheFormOutcome() throws Exception {
        AccountsPage plugin = new AccountsPage(TestComponents.accounts(data, new RecordingLogger()));
        plugin.service(request("POST", Map.of("action", "add", "user", "alice", "password", "alice password")), new Captured().response);
        Captured json = new Captured();
        plugin.service(request("GET", PAGE + ".json", Map.of()), json.response);
        assertEquals("application/json;charset=UTF-8", json.headers.get("Content-Type"));
        assertTrue(json.body.toString().matches("\\{\"domain\":\"members.example.\",\"users\":\\[\\{\"user\":\"alice\","
                + "\"zone\":\"alice.members.example.\",\"created\":\"[^\"]+Z\",\"passwordChanged\":\"[^\"]+Z\"}]}"),
                json.body.toString());
        Captured page = new Captured();
        plugin.service(request("GET", Map.of()), page.response);
        assertTrue(page.body.toString().contains("Added user alice"), "the outcome waits for the page");
    }
}
