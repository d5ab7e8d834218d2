package io.homeward.rendezvous.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.homeward.kit.html.Html;
import io.homeward.testkit.RecordingLogger;

class RendezvousConsolePluginTest {
    private final RendezvousConsolePlugin plugin = new RendezvousConsolePlugin(new RecordingLogger().logger(), Fixtures.CLOCK);
    private final StringWriter body = new StringWriter();
    private final Map<String, String> headers = new HashMap<>();

    @Test
    void theJsonPathAnswersJsonReadAtTheClocksInstant() throws IOException {
        plugin.zoneDirectory = Fixtures.zones();
        plugin.doGet(request("/homeward-rendezvous.json", "/system/console/homeward-rendezvous.json", null), response());
        assertEquals("application/json", headers.get("contentType"));
        assertEquals("UTF-8", headers.get("charset"));
        String json = body.toString();
        assertTrue(json.startsWith("{\"now\":\"2026-11-21T10:05:00Z\",\"listeners\":null,\"zones\":[{\"zone\":"), json);
        assertTrue(json.contains("\"leaseRemaining\":\"in 1 h 12 min\""), json);
    }

    @Test
    void thePageIsAnHtmlFragmentThatFollowsServicesAsTheyComeAndGo() throws IOException {
        plugin.watchStatus = Fixtures.watches();
        plugin.accountService = Fixtures.accounts();
        plugin.doGet(request("/homeward-rendezvous", "/system/console/homeward-rendezvous", null), response());
        assertEquals("text/html", headers.get("contentType"));
        assertTrue(body.toString().contains("<td>llq-udp</td>"), body::toString);
        assertFalse(body.toString().contains("<html"), body::toString);

        plugin.watchStatus = null;
        body.getBuffer().setLength(0);
        plugin.doGet(request("/homeward-rendezvous", "/system/console/homeward-rendezvous", null), response());
        assertFalse(body.toString().contains("<td>llq-udp</td>"), body::toString);
        assertTrue(body.toString().contains(Html.escape(Source.WATCHES.notRunning())), body::toString);
        assertTrue(body.toString().contains("<td>alice</td>"), body::toString);
    }

    private static HttpServletRequest request(String pathInfo, String uri, String format) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPathInfo" -> pathInfo;
                    case "getRequestURI" -> uri;
                    case "getParameter" -> "format".equals(args[0]) ? format : null;
                    case "getMethod" -> "GET";
                    default -> null;
                });
    }

    private HttpServletResponse response() {
        PrintWriter writer = new PrintWriter(body);
        return (HttpServletResponse) Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getWriter" -> {
                            return writer;
                        }
                        case "setContentType" -> headers.put("contentType", (String) args[0]);
                        case "setCharacterEncoding" -> headers.put("charset", (String) args[0]);
                        default -> {
                            return null;
                        }
                    }
                    return null;
                });
    }
}
