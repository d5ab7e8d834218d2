package io.homeward.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A web site of another origin than the console, on a free loopback port: the pages a hostile site would serve to a
 * person who is signed in to the console in the same browser.
 */
public final class OtherSite implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> pages = new ConcurrentHashMap<>();

    private OtherSite(HttpServer server) {
        this.server = server;
        server.createContext("/", this::serve);
        server.start();
    }

    public static OtherSite start() throws IOException {
        return new OtherSite(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    }

    /** Serves the HTML at {@code path}. */
    public void page(String path, String html) {
        pages.put(path, html);
    }

    /** The site's origin under the given host name ({@code 127.0.0.1}: same site as the console, {@code localhost}: another site). */
    public String origin(String host) {
        return "http://" + host + ":" + server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String html = pages.get(exchange.getRequestURI().getPath());
        byte[] body = (html == null ? "not found" : html).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
        exchange.sendResponseHeaders(html == null ? 404 : 200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
