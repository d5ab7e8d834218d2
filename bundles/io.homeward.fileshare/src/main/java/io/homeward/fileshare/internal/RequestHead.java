package io.homeward.fileshare.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP/1.1 request line and header fields (RFC 9112 §2–§5), read with bounds: the whole head in at most
 * {@code maxBytes} octets and before a deadline, so a slow or endless sender holds a connection thread only that
 * long. The body, if any, is not read: the share answers GET and HEAD only.
 *
 * @param method  the method, for example {@code GET}
 * @param target  the request target as sent (origin-form, RFC 9112 §3.2.1)
 * @param headers the header fields by lower-case name; a repeated field keeps its last value
 */
record RequestHead(String method, String target, Map<String, String> headers) {
    private static final int MAX_FIELDS = 64;

    /** What the server answers a head it cannot read with: the status and a one-line reason. */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        BadRequest(int status, String reason) {
            super(reason);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * Reads up to the empty line that ends the head.
     *
     * @throws BadRequest 400 for a malformed head, 408 when the deadline passed, 431 when it is too long
     * @throws IOException when the connection fails or closes before the head is complete
     */
    static RequestHead read(InputStream in, int maxBytes, Clock clock, Instant deadline)
            throws IOException, BadRequest {
        byte[] head = new byte[maxBytes];
        int length = 0;
        while (length < 4 || !endsHead(head, length)) {
            if (length == maxBytes) {
                throw new BadRequest(431, "request head longer than " + maxBytes + " octets");
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new BadRequest(408, "request head not complete in time");
            }
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                throw new BadRequest(408, "request head not complete in time");
            }
            if (b < 0) {
                throw new IOException("connection closed before the request head was complete");
            }
            head[length++] = (byte) b;
        }
        return parse(new String(head, 0, length - 4, StandardCharsets.ISO_8859_1));
    }

    private static boolean endsHead(byte[] head, int length) {
        return head[length - 4] == '\r' && head[length - 3] == '\n' && head[length - 2] == '\r'
                && head[length - 1] == '\n';
    }

    static RequestHead parse(String text) throws BadRequest {
        String[] lines = text.split("\r\n", -1);
        String[] requestLine = lines[0].split(" ", -1);
        if (requestLine.length != 3 || requestLine[0].isEmpty() || !requestLine[0].chars().allMatch(RequestHead::tchar)
                || !requestLine[1].startsWith("/") || !requestLine[2].matches("HTTP/1\\.[01]")) {
            throw new BadRequest(400, "not an HTTP/1.1 request line");
        }
        if (lines.length - 1 > MAX_FIELDS) {
            throw new BadRequest(431, "more than " + MAX_FIELDS + " header fields");
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0 || !lines[i].substring(0, colon).chars().allMatch(RequestHead::tchar)) {
                throw new BadRequest(400, "a malformed header field");
            }
            headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        return new RequestHead(requestLine[0], requestLine[1], Map.copyOf(headers));
    }

    /** RFC 9110 §5.6.2 token characters. */
    private static boolean tchar(int c) {
        return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }
}
