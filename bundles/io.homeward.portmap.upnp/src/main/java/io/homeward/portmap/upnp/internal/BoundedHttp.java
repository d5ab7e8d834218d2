package io.homeward.portmap.upnp.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Plain HTTP/1.1 to the gateway with connect and read timeouts, no proxy, no redirects, and a cap on
 * every response body so a hostile or broken device cannot exhaust memory.
 */
final class BoundedHttp {
    static final int MAX_BODY = 256 * 1024;

    /** A response: status code and the (capped) body. */
    record Response(int status, byte[] body) {
    }

    private final Duration timeout;

    BoundedHttp(Duration timeout) {
        this.timeout = timeout;
    }

    Response get(URI uri) throws IOException {
        return exchange(uri, "GET", Map.of(), null);
    }

    Response post(URI uri, Map<String, String> headers, byte[] body) throws IOException {
        return exchange(uri, "POST", headers, body);
    }

    /**
     * One retry when the connection is reset or closed before an answer: small embedded HTTP servers do
     * that under load, and the UPnP actions used here may be repeated (an add of the same mapping is a
     * renewal, IGD spec §2.4.16).
     */
    private Response exchange(URI uri, String method, Map<String, String> headers, byte[] body) throws IOException {
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IOException("only http:// URLs are used for UPnP, not " + uri);
        }
        try {
            return once(uri, method, headers, body);
        } catch (SocketException e) {
            if (e instanceof ConnectException) {
                throw e;
            }
            return once(uri, method, headers, body);
        }
    }

    private Response once(URI uri, String method, Map<String, String> headers, byte[] body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        try {
            c.setConnectTimeout((int) timeout.toMillis());
            c.setReadTimeout((int) timeout.toMillis());
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setRequestMethod(method);
            c.setRequestProperty("Connection", "close");
            headers.forEach(c::setRequestProperty);
            if (body != null) {
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = c.getResponseCode();
            if (c.getContentLengthLong() > MAX_BODY) {
                throw new IOException(uri + " announced a body of " + c.getContentLengthLong()
                        + " bytes; at most " + MAX_BODY + " are accepted");
            }
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            return new Response(status, in == null ? new byte[0] : readCapped(in, uri));
        } finally {
            c.disconnect();
        }
    }

    private static byte[] readCapped(InputStream in, URI uri) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (out.size() + n > MAX_BODY) {
                    throw new IOException(uri + " sent a body over " + MAX_BODY + " bytes; refused");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}
