package io.homeward.fileshare.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.LogLevel;

import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

class FileShareComponentTest {
    private static final String GOOD = "Negotiate " + Base64.getEncoder().encodeToString("good".getBytes());

    @TempDir
    Path temp;
    private Path share;
    private final RecordingLogger log = new RecordingLogger();
    private final FakeKerberos kerberos = new FakeKerberos();
    private final ManualScheduler scheduler = new ManualScheduler(new MutableClock());
    private FileShareComponent component;

    @BeforeEach
    void shareSomeFiles() throws IOException {
        share = Files.createDirectories(temp.resolve("share"));
        Files.writeString(share.resolve("notes.txt"), "hello from home\n");
        Files.createDirectories(share.resolve("photos"));
        Files.writeString(share.resolve("photos").resolve("<b>&'.txt"), "x");
        Files.writeString(temp.resolve("secret.txt"), "not shared");
    }

    @AfterEach
    void stop() {
        if (component != null) {
            component.deactivate();
        }
    }

    private FileShareComponent start(int port, int maxConnections, int timeoutSeconds) {
        component = new FileShareComponent(log.logger(), kerberos,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), share,
                config(port, maxConnections, timeoutSeconds), Clock.systemUTC(), scheduler, () -> { });
        scheduler.runDue();
        return component;
    }

    private FileShareComponent start() {
        return start(0, 4, 2);
    }

    private String request(String head) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(component.listening().orElseThrow(), 2000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String get(String path, String authorization) throws IOException {
        return request("GET " + path + " HTTP/1.1\r\nHost: home\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n");
    }

    @Test
    void withoutCredentialsTheClientIsChallenged() throws IOException {
        start();
        String response = get("/notes.txt", null);
        assertTrue(response.startsWith("HTTP/1.1 401 "), response);
        assertTrue(response.contains("\r\nWWW-Authenticate: Negotiate\r\n"), response);
        assertFalse(response.contains("hello"), response);
        assertEquals(1, kerberos.registered.get());
    }

    @Test
    void aValidTokenReadsTheFileWithTheMutualAuthenticationToken() throws IOException {
        start();
        String response = get("/notes.txt", GOOD);
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        assertTrue(response.contains("\r\nWWW-Authenticate: Negotiate "
                + Base64.getEncoder().encodeToString("mutual".getBytes()) + "\r\n"), response);
        assertTrue(response.contains("\r\nContent-Type: text/plain; charset=utf-8\r\n"), response);
        assertTrue(response.endsWith("\r\n\r\nhello from home\n"), response);
        assertTrue(log.has(LogLevel.INFO, "alice@HOME.ALICE.MEMBERS.EXAMPLE read /notes.txt (16 bytes)"),
                log.lines().toString());
        assertTrue(component.report().contains("served:     1"), component.report());
    }

    @Test
    void headAnswersWithoutTheBody() throws IOException {
        start();
        String response = request("HEAD /notes.txt HTTP/1.1\r\nAuthorization: " + GOOD + "\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n") && response.contains("Content-Length: 16\r\n"));
        assertTrue(response.endsWith("\r\n\r\n"), response);
    }

    @Test
    void aRefusedTokenGetsTheReasonAndALogLineWithTheCode() throws IOException {
        start();
        String response = get("/notes.txt", "Negotiate " + Base64.getEncoder().encodeToString("replayed".getBytes()));
        assertTrue(response.startsWith("HTTP/1.1 401 "), response);
        assertTrue(response.contains("\r\nWWW-Authenticate: Negotiate\r\n"), response);
        assertTrue(response.endsWith(
                "\r\n\r\nKerberos error 34: a replayed authenticator of alice@HOME.ALICE.MEMBERS.EXAMPLE\n"),
                response);
        assertTrue(log.has(LogLevel.INFO, "Kerberos error 34: a replayed authenticator"), log.lines().toString());
        assertTrue(component.report().contains("refused:    1 (Kerberos)"), component.report());
    }

    @Test
    void aTokenThatIsNotBase64IsRefused() throws IOException {
        start();
        String response = get("/notes.txt", "Negotiate ***");
        assertTrue(response.startsWith("HTTP/1.1 401 ") && response.endsWith("not base64\n"), response);
    }

    @Test
    void anotherSchemeIsChallenged() throws IOException {
        start();
        assertTrue(get("/notes.txt", "Basic YWxpY2U6c2VjcmV0").startsWith("HTTP/1.1 401 "));
    }

    @Test
    void noPathLeavesTheShare() throws IOException {
        start();
        Files.createSymbolicLink(share.resolve("escape"), temp.resolve("secret.txt"));
        for (String path : new String[] {"/../secret.txt", "/%2e%2e/secret.txt", "/photos/%2e%2e/%2e%2e/secret.txt",
            "/..%2fsecret.txt", "/escape", "/notes.txt%00", "/%zz", "/..\\secret.txt"}) {
            String response = get(path, GOOD);
            assertTrue(response.startsWith("HTTP/1.1 404 "), path + ": " + response);
            assertFalse(response.contains("not shared"), path);
        }
    }

    @Test
    void aDirectoryIsListedEscaped() throws IOException {
        start();
        String response = get("/photos/", GOOD);
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        assertTrue(response.contains("Content-Type: text/html; charset=utf-8"), response);
        assertTrue(response.contains("<a href=\"%3Cb%3E%26%27.txt\">&lt;b&gt;&amp;&#39;.txt</a>"), response);
        assertTrue(response.contains("<a href=\"../\">"), response);
        assertTrue(get("/", GOOD).contains("<a href=\"photos/\">photos/</a>"));
    }

    @Test
    void aDirectoryWithoutItsSlashIsRedirected() throws IOException {
        start();
        String response = get("/photos?x=1", GOOD);
        assertTrue(response.startsWith("HTTP/1.1 301 ") && response.contains("\r\nLocation: /photos/\r\n"),
                response);
    }

    @Test
    void theShareIsReadOnly() throws IOException {
        start();
        String response = request("PUT /notes.txt HTTP/1.1\r\nAuthorization: " + GOOD + "\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 405 ") && response.contains("Allow: GET, HEAD"), response);
    }

    @Test
    void malformedOversizedAndSlowRequestsAreRefused() throws IOException {
        start();
        assertTrue(request("hello\r\n\r\n").startsWith("HTTP/1.1 400 "));
        assertTrue(request("GET / HTTP/1.1\r\nX: " + "a".repeat(ShareHandler.MAX_HEAD_BYTES) + "\r\n\r\n")
                .startsWith("HTTP/1.1 431 "));
        assertTrue(request("GET / HTTP/1.1\r\nHost: home\r\n").startsWith("HTTP/1.1 408 "));
        assertTrue(component.report().contains("3 malformed"), component.report());
    }

    @Test
    void connectionsBeyondTheLimitAreClosed() throws IOException {
        start(0, 1, 3);
        try (Socket holding = new Socket()) {
            holding.connect(component.listening().orElseThrow());
            holding.getOutputStream().write("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            try (Socket extra = new Socket()) {
                extra.connect(component.listening().orElseThrow());
                extra.setSoTimeout(2000);
                InputStream in = extra.getInputStream();
                assertEquals(-1, in.read());
            }
        }
    }

    @Test
    void deactivationClosesTheListenerAndTheAcceptor() throws IOException {
        start();
        InetSocketAddress address = component.listening().orElseThrow();
        component.deactivate();
        component = null;
        assertEquals(1, kerberos.closed.get());
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(address, 1000);
                OutputStream out = socket.getOutputStream();
                out.write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                if (socket.getInputStream().read() < 0) {
                    throw new IOException("closed");
                }
            }
        });
    }

    @Test
    void servesOnlyWhileTheKdcAnswers() throws IOException {
        start();
        InetSocketAddress address = component.listening().orElseThrow();

        kerberos.answer(Optional.empty());

        assertTrue(component.listening().isEmpty());
        assertEquals(1, kerberos.closed.get(), "the acceptor closed");
        assertTrue(component.report().contains("(" + FileShareComponent.WAITING + ")"), component.report());
        assertTrue(component.report().contains("principal:  none"), component.report());
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(address, 1000);
                if (socket.getInputStream().read() < 0) {
                    throw new IOException("closed");
                }
            }
        });

        kerberos.answer(Optional.of(FakeKerberos.REALM));

        assertEquals(2, kerberos.registered.get());
        assertTrue(get("/notes.txt", GOOD).startsWith("HTTP/1.1 200 "));
    }

    @Test
    void aRenamedHostsShareServesUnderItsNewPrincipal() throws IOException {
        start();

        kerberos.answer(Optional.empty());
        kerberos.answer(Optional.of("DEN.ALICE.MEMBERS.EXAMPLE"));

        assertTrue(component.report().contains("principal:  HTTP/den.alice.members.example@DEN.ALICE.MEMBERS.EXAMPLE"),
                component.report());
        assertTrue(get("/notes.txt", GOOD).startsWith("HTTP/1.1 200 "));
        assertTrue(log.has(LogLevel.INFO, "for HTTP/den.alice.members.example@DEN.ALICE.MEMBERS.EXAMPLE"),
                log.lines().toString());
    }

    @Test
    void withoutAKdcNothingIsServedAndDeactivationStopsListening() {
        kerberos.answer(Optional.empty());
        start();

        assertTrue(component.listening().isEmpty());
        assertEquals(0, kerberos.registered.get());
        component.deactivate();
        component = null;
        kerberos.answer(Optional.of(FakeKerberos.REALM));
        assertEquals(0, kerberos.registered.get(), "no longer listening to the KDC");
    }

    @Test
    void aBusyAddressIsRetriedUntilItIsFree() throws IOException {
        int port;
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = busy.getLocalPort();
            start(port, 4, 2);
            assertTrue(component.listening().isEmpty());
            assertTrue(component.report().contains("cannot bind"), component.report());
        }
        scheduler.advance(FileShareComponent.BIND_RETRY);
        assertEquals(port, component.listening().orElseThrow().getPort());
        assertTrue(get("/notes.txt", GOOD).startsWith("HTTP/1.1 200 "));
    }

    @Test
    void aPortOutOfRangeIsRefusedInOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FileShareComponent.checkedPort(config(70000, 4, 2)));
        assertEquals("Configuration io.homeward.fileshare: port 70000 is not 1 to 65535", e.getMessage());
        assertEquals(8080, FileShareComponent.checkedPort(config(8080, 4, 2)));
    }

    static FileShareComponent.Config config(int port, int maxConnections, int timeoutSeconds) {
        return new FileShareComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return FileShareComponent.Config.class;
            }

            @Override
            public String directory() {
                return "";
            }

            @Override
            public int port() {
                return port;
            }

            @Override
            public int maxConnections() {
                return maxConnections;
            }

            @Override
            public int timeoutSeconds() {
                return timeoutSeconds;
            }
        };
    }
}
