package io.homeward.rendezvous.enroll.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one HTTP/1.1 request (RFC 9112) within fixed bounds: the request line and header fields at most
 * {@link HttpLimits#maxHead()} bytes, a body only with a {@code Content-Length} of at most {@link HttpLimits#maxBody()}
 * (no chunked bodies: the server answers one small request per connection). Anything else is an
 * {@link HttpException} with the status to answer.
 */
final class HttpRequestReader {
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final int MAX_LENGTH_DIGITS = 9;

    private HttpRequestReader() {
    }

    static HttpRequest read(InputStream in, HttpLimits limits) throws IOException, HttpException {
        byte[] buffer = new byte[limits.maxHead() + limits.maxBody()];
        int filled = 0;
        int headEnd = -1;
        while (headEnd < 0) {
            if (filled >= limits.maxHead()) {
                throw new HttpException(413, "the request line and headers are larger than " + limits.maxHead() + " bytes");
            }
            int n = in.read(buffer, filled, limits.maxHead() - filled);
            if (n < 0) {
                throw new HttpException(400, "the connection ended before the request's headers did");
            }
            int from = Math.max(0, filled - 3);
            filled += n;
            headEnd = endOfHead(buffer, from, filled);
        }
        String head = new String(buffer, 0, headEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n", -1);
        String[] requestLine = lines[0].split(" ", -1);
        if (requestLine.length != 3 || !TOKEN.matcher(requestLine[0]).matches() || !requestLine[1].startsWith("/")) {
            throw new HttpException(400, "this is not an HTTP request line");
        }
        if (!requestLine[2].equals("HTTP/1.1") && !requestLine[2].equals("HTTP/1.0")) {
            throw new HttpException(400, "only HTTP/1.1 is served here, not " + requestLine[2]);
        }
        Map<String, String> headers = headers(Arrays.copyOfRange(lines, 1, lines.length));
        String method = requestLine[0];
        String target = requestLine[1];
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        if (headers.containsKey("transfer-encoding")) {
            throw new HttpException(411, "send the body with a Content-Length, not a Transfer-Encoding");
        }
        String length = headers.get("content-length");
        if (length == null) {
            if (method.equals("POST")) {
                throw new HttpException(411, "a POST needs a Content-Length");
            }
            return new HttpRequest(method, path, headers, new byte[0]);
        }
        if (!DIGITS.matcher(length).matches()) {
            throw new HttpException(400, "the Content-Length is not a number");
        }
        if (length.length() > MAX_LENGTH_DIGITS || Integer.parseInt(length) > limits.maxBody()) {
            throw new HttpException(413, "the body is larger than " + limits.maxBody() + " bytes");
        }
        int bodyLength = Integer.parseInt(length);
        int bodyStart = headEnd + 4;
        int end = bodyStart + bodyLength;
        if (filled > end) {
            throw new HttpException(400, "more bytes than the Content-Length says (one request per connection)");
        }
        while (filled < end) {
            int n = in.read(buffer, filled, end - filled);
            if (n < 0) {
                throw new HttpException(400, "the connection ended " + (end - filled) + " bytes before the body did");
            }
            filled += n;
        }
        return new HttpRequest(method, path, headers, Arrays.copyOfRange(buffer, bodyStart, end));
    }

    /** Where the blank line after the header fields starts, or -1 while it has not arrived. */
    private static int endOfHead(byte[] buffer, int from, int to) {
        for (int i = from; i + 3 < to; i++) {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, String> headers(String[] lines) throws HttpException {
        Map<String, String> headers = new HashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon <= 0 || !TOKEN.matcher(line.substring(0, colon)).matches()) {
                throw new HttpException(400, "a header line is not 'name: value'");
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (headers.putIfAbsent(name, value) != null && (name.equals("content-length") || name.equals("authorization"))) {
                throw new HttpException(400, "the " + name + " header appears twice");
            }
        }
        return headers;
    }
}
