package io.homeward.fileshare.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.log.Logger;

import io.homeward.kit.log.CountedLog;

/**
 * Answers one request on a connection: the Negotiate check first (RFC 4559 §4: 401 with
 * {@code WWW-Authenticate: Negotiate} without credentials or with refused ones, the reason in the body), then GET or
 * HEAD of a file (200 with its content type) or a directory (an HTML listing). Each connection carries one request
 * ({@code Connection: close}).
 */
final class ShareHandler {
    /** Longest request head read; Negotiate tokens of tickets without a PAC are well under 4 KiB in base64. */
    static final int MAX_HEAD_BYTES = 16 * 1024;

    private final NegotiateGate gate;
    private final SharedFiles files;
    private final ShareCounters counters;
    private final Clock clock;
    private final Duration timeout;
    private final Logger log;
    private final CountedLog refusals;

    ShareHandler(NegotiateGate gate, SharedFiles files, ShareCounters counters, Clock clock, Duration timeout,
            Logger log) {
        this.gate = gate;
        this.files = files;
        this.counters = counters;
        this.clock = clock;
        this.timeout = timeout;
        this.log = log;
        this.refusals = new CountedLog(log, clock, Duration.ofMinutes(1));
    }

    void handle(InputStream in, OutputStream out, InetAddress from) throws IOException {
        RequestHead request;
        try {
            request = RequestHead.read(in, MAX_HEAD_BYTES, clock, clock.instant().plus(timeout));
        } catch (RequestHead.BadRequest e) {
            counters.malformed();
            refusals.info("malformed requests", from, "A malformed request from {}: {}", from.getHostAddress(),
                    e.getMessage());
            text(out, e.status(), Map.of(), e.getMessage());
            return;
        }
        NegotiateGate.Outcome outcome = gate.check(request.header("Authorization"));
        if (outcome instanceof NegotiateGate.Challenge) {
            counters.challenged();
            text(out, 401, Map.of("WWW-Authenticate", "Negotiate"), "Negotiate authentication required");
            return;
        }
        if (outcome instanceof NegotiateGate.Refused refused) {
            counters.refused();
            refusals.info("refused Negotiate tokens", from, "Refused the Negotiate token of {}: Kerberos error {}: {}",
                    from.getHostAddress(), refused.errorCode(), refused.reason());
            text(out, 401, Map.of("WWW-Authenticate", "Negotiate"), refused.errorCode() == 0 ? refused.reason()
                    : "Kerberos error " + refused.errorCode() + ": " + refused.reason());
            return;
        }
        NegotiateGate.Accepted accepted = (NegotiateGate.Accepted) outcome;
        counters.served();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("WWW-Authenticate",
                accepted.responseToken().isEmpty() ? "Negotiate" : "Negotiate " + accepted.responseToken());
        boolean head = request.method().equals("HEAD");
        if (!head && !request.method().equals("GET")) {
            headers.put("Allow", "GET, HEAD");
            text(out, 405, headers, "this share is read-only: GET and HEAD only");
            return;
        }
        Optional<Path> found = files.resolve(request.target());
        if (found.isEmpty()) {
            text(out, 404, headers, "not found");
            return;
        }
        Path path = found.get();
        String name = files.shareName(path);
        String who = accepted.client().principal();
        if (Files.isDirectory(path)) {
            String target = request.target();
            if (!target.split("\\?", 2)[0].endsWith("/")) {
                headers.put("Location", target.split("\\?", 2)[0] + "/");
                text(out, 301, headers, "moved to a trailing slash");
                return;
            }
            byte[] page = files.listing(path).getBytes(StandardCharsets.UTF_8);
            log.info("{} listed {} from {}", who, name, from.getHostAddress());
            headers.put("Content-Type", "text/html; charset=utf-8");
            respond(out, 200, headers, page.length);
            if (!head) {
                out.write(page);
            }
            out.flush();
            return;
        }
        long size = Files.size(path);
        log.info("{} read {} ({} bytes) from {}", who, name, size, from.getHostAddress());
        headers.put("Content-Type", SharedFiles.contentType(path));
        respond(out, 200, headers, size);
        if (!head) {
            Files.copy(path, out);
        }
        out.flush();
    }

    private static void text(OutputStream out, int status, Map<String, String> headers, String line)
            throws IOException {
        byte[] body = (line.replaceAll("[\\r\\n]+", " ") + "\n").getBytes(StandardCharsets.UTF_8);
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "text/plain; charset=utf-8");
        respond(out, status, all, body.length);
        out.write(body);
        out.flush();
    }

    private static void respond(OutputStream out, int status, Map<String, String> headers, long length)
            throws IOException {
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(length).append("\r\n");
        head.append("Cache-Control: no-store\r\nConnection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 301 -> "Moved Permanently";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 431 -> "Request Header Fields Too Large";
            default -> "Status";
        };
    }
}
