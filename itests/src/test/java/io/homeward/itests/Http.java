package io.homeward.itests;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A plain HTTP GET with optional basic authentication, retried while the server is still starting. */
final class Http {
    /** The console guard's cookie, which its pages hand out (bundle io.homeward.console.guard). */
    private static final String GUARD_COOKIE = "homeward-guard";

    private Http() {
    }

    record Response(int status, String body) {
    }

    static Response get(String url, String user, String password) throws IOException, InterruptedException {
        IOException last = null;
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                return once(url, user, password);
            } catch (IOException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new IOException("no answer from " + url + " within 15 s", last);
    }

    /**
     * A form POST as the console's own page sends it: the page is fetched first, which hands the login the console
     * guard's token in a cookie, then the form goes with that cookie and the page's Origin. Returns the status.
     */
    static int post(String url, String user, String password, String form) throws IOException, InterruptedException {
        URI target = URI.create(url);
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(2)).build();
        String authorization = basic(user, password);
        // As a browser loads the page before it submits the form: until the page answers with the guard's cookie (the
        // console re-registers its servlet for a moment after its own settings change), bounded.
        for (int attempt = 0; attempt < 50 && cookies.getCookieStore().getCookies().stream()
                .noneMatch(c -> c.getName().equals(GUARD_COOKIE)); attempt++) {
            if (attempt > 0) {
                Thread.sleep(100);
            }
            browser.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5)).header("Authorization", authorization)
                    .build(), HttpResponse.BodyHandlers.discarding());
        }
        return browser.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5)).header("Authorization", authorization)
                .header("Origin", target.getScheme() + "://" + target.getRawAuthority())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Response once(String url, String user, String password) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        c.setConnectTimeout(2000);
        c.setReadTimeout(5000);
        if (user != null) {
            c.setRequestProperty("Authorization", basic(user, password));
        }
        int status = c.getResponseCode();
        if (status == 404) {
            // The console registers its servlet shortly after its bundle starts.
            throw new IOException("404 from " + url);
        }
        InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        c.disconnect();
        return new Response(status, body);
    }

    /** The {@code Authorization} header value of HTTP basic authentication (RFC 7617 §2). */
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
