package io.homeward.fileshare.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import io.homeward.api.kerberos.ServiceTickets;
import io.homeward.api.peers.Peer;
import io.homeward.api.peers.PeerDirectory;

/**
 * The client side of the share, through Homeward's own Kerberos client: {@code GET http://HOST:PORT/PATH} on another
 * of the user's hosts with {@code Authorization: Negotiate} (RFC 4559 §4) carrying a SPNEGO token for
 * {@code HTTP/HOST} from {@link ServiceTickets}. HOST is reached at its ULA as the peer directory lists it (through
 * the tunnel). A 200 must carry the service's answer token ({@code WWW-Authenticate: Negotiate <token>}, mutual
 * authentication, RFC 4559 §5). One request per connection, the answer read up to {@link #MAX_ANSWER_BYTES}.
 */
final class ShareFetch {
    static final int MAX_ANSWER_BYTES = 1024 * 1024;
    private static final String NEGOTIATE = "negotiate";

    /** What the share answered: the status line's code, its answer token (empty if none) and the body. */
    record Answer(int status, String reason, String answerToken, byte[] body) {
        String text() {
            String content = new String(body, StandardCharsets.UTF_8).stripTrailing();
            if (status == 200 && answerToken.isEmpty()) {
                return "refused: 200 without the service's Negotiate answer token (no mutual authentication)";
            }
            return status == 200 ? content : status + " " + reason + (content.isEmpty() ? "" : ": " + content);
        }
    }

    private final ServiceTickets tickets;
    private final PeerDirectory peers;
    private final Duration timeout;

    ShareFetch(ServiceTickets tickets, PeerDirectory peers, Duration timeout) {
        this.tickets = tickets;
        this.peers = peers;
        this.timeout = timeout;
    }

    /** Fetches {@code url}, or fails with a one-line reason that names the step. */
    Answer fetch(String url) throws IOException, InterruptedException {
        URI uri = target(url);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        InetAddress address = ula(host);
        String token = Base64.getEncoder().encodeToString(token(host));
        String path = uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Negotiate "
                + token + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return answer(socket.getInputStream());
        }
    }

    private static URI target(String url) throws IOException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IOException("not a URL: " + e.getMessage());
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IOException("not http://HOST[:PORT]/PATH: " + url);
        }
        return uri;
    }

    /** The host's ULA: the directory lists the user's hosts by their label, the first of the name. */
    private InetAddress ula(String host) throws UnknownHostException {
        String label = host.split("\\.", 2)[0];
        return peers.peers().stream().filter(peer -> peer.hostName().equalsIgnoreCase(label)).findFirst()
                .map(Peer::ula).orElseThrow(() -> new UnknownHostException(
                        "the peer directory does not list " + host + " (yet)"));
    }

    private byte[] token(String host) throws IOException, InterruptedException {
        try {
            return tickets.negotiateToken(FileShareComponent.SERVICE, host).timeout(timeout.toMillis()).getValue();
        } catch (InvocationTargetException e) {
            Throwable why = e.getCause();
            throw new IOException("no ticket for " + FileShareComponent.SERVICE + "/" + host + ": "
                    + (why instanceof TimeoutException ? "no answer within " + timeout.toSeconds() + " s"
                            : why.getMessage()));
        }
    }

    static Answer answer(InputStream in) throws IOException {
        byte[] all = in.readNBytes(MAX_ANSWER_BYTES + ShareHandler.MAX_HEAD_BYTES);
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("the share's answer has no complete head (" + all.length + " bytes)");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.") || !status[1].matches("\\d{3}")) {
            throw new IOException("not an HTTP status line: " + lines[0]);
        }
        String answerToken = "";
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).strip().equalsIgnoreCase("WWW-Authenticate")) {
                String[] value = lines[i].substring(colon + 1).strip().split("\\s+", 2);
                if (value[0].equalsIgnoreCase(NEGOTIATE) && value.length == 2) {
                    answerToken = value[1];
                }
            }
        }
        if (!answerToken.isEmpty()) {
            try {
                Base64.getDecoder().decode(answerToken);
            } catch (IllegalArgumentException e) {
                throw new IOException("the service's Negotiate answer token is not base64");
            }
        }
        byte[] body = Arrays.copyOfRange(all, end + 4, Math.min(all.length, end + 4 + MAX_ANSWER_BYTES));
        return new Answer(Integer.parseInt(status[1]), status.length > 2 ? status[2] : "", answerToken, body);
    }
}
