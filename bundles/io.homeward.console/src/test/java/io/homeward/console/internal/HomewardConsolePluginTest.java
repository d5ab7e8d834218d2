package io.homeward.console.internal;

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

class HomewardConsolePluginTest {
    private final HomewardConsolePlugin plugin = new HomewardConsolePlugin();
    private final StringWriter body = new StringWriter();
    private final Map<String, String> headers = new HashMap<>();

    @Test
    void theJsonPathAnswersJson() throws IOException {
        plugin.runtimeStatus = Fixtures.status();
        plugin.hostIdentity = Fixtures.identity("eth0");
        plugin.doGet(request("/homeward.json", "/system/console/homeward.json", null), response());
        assertEquals("application/json", headers.get("contentType"));
        assertTrue(body.toString().startsWith("{\"feature\":\"all-in-one\",\"identity\":{\"hostName\":\"alice-mbp\""), body::toString);
        assertTrue(body.toString().contains("\"subscriptions\":null"), body::toString);
    }

    @Test
    void aWatcherThatAppearsIsShownOnTheNextRequest() throws IOException {
        plugin.subscriptionStatus = Fixtures.watcher();
        plugin.doGet(request("/homeward.json", "/system/console/homeward.json", null), response());
        assertTrue(body.toString().contains("\"subscriptions\":[{\"name\":\"laptop.alice.members.example.\",\"type\":\"AAAA\","
                + "\"mechanism\":\"llq-udp\""), body::toString);
    }

    @Test
    void thePageAnswersAnHtmlFragment() throws IOException {
        plugin.doGet(request("/homeward", "/system/console/homeward", null), response());
        assertEquals("text/html", headers.get("contentType"));
        assertTrue(body.toString().contains(Html.escape(ConsoleFacts.NO_IDENTITY)), body::toString);
        assertFalse(body.toString().contains("<html"), body::toString);
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
