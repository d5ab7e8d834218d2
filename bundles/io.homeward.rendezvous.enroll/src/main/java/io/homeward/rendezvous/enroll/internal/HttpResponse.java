package io.homeward.rendezvous.enroll.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP/1.1 answer; the connection closes after it (RFC 9112 §9.6).
 *
 * @param status      the status code
 * @param contentType the media type of the body
 * @param headers     further header fields
 * @param body        the body
 */
record HttpResponse(int status, String contentType, Map<String, String> headers, byte[] body) {
    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(200, "OK"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(411, "Length Required"), Map.entry(413, "Content Too Large"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(503, "Service Unavailable"));
    /** RFC 9110 §11.6.1: a 401 names the schemes that would do. */
    static final String CHALLENGE = "Homeward-Invite, Homeward-Key";

    HttpResponse {
        headers = Map.copyOf(headers);
    }

    static HttpResponse ok(String contentType, byte[] body) {
        return new HttpResponse(200, contentType, Map.of(), body);
    }

    /** An error: one line of text a person can act on. */
    static HttpResponse error(int status, String line) {
        Map<String, String> headers = status == 401 ? Map.of("WWW-Authenticate", CHALLENGE) : Map.of();
        return new HttpResponse(status, "text/plain; charset=utf-8", headers,
                (line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpResponse(status, contentType, more, body);
    }

    void write(OutputStream out) throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Content-Type", contentType);
        all.put("Content-Length", Integer.toString(body.length));
        all.put("Cache-Control", "no-store");
        all.put("Connection", "close");
        all.putAll(headers);
        StringBuilder head = new StringBuilder(256).append("HTTP/1.1 ").append(status).append(' ')
                .append(REASONS.getOrDefault(status, "Error")).append("\r\n");
        all.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }
}
