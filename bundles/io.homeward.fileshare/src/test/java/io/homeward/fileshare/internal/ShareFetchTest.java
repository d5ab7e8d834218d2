package io.homeward.fileshare.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.util.promise.Promise;
import org.osgi.util.promise.Promises;

import io.homeward.api.kerberos.HeldTicket;
import io.homeward.api.kerberos.ServiceTickets;
import io.homeward.api.peers.Peer;
import io.homeward.api.peers.PeerDirectory;
import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

class ShareFetchTest {
    private static final String HOME = "home.alice.members.example";

    @TempDir
    Path temp;
    private final RecordingLogger log = new RecordingLogger();
    private final ManualScheduler scheduler = new ManualScheduler(new MutableClock());
    private FileShareComponent share;
    private String url;
    /** What the client's ServiceTickets answers negotiateToken with. */
    private Promise<byte[]> token = Promises.resolved("good".getBytes(StandardCharsets.US_ASCII));
    private String askedFor;

    private final ServiceTickets tickets = new ServiceTickets() {
        @Override
        public Promise<HeldTicket> ticket(String service, String host) {
            throw new UnsupportedOperationException("the fetch asks for a token only");
        }

        @Override
        public Promise<byte[]> negotiateToken(String service, String host) {
            askedFor = service + "/" + host;
            return token;
        }

        @Override
        public List<HeldTicket> tickets() {
            return List.of();
        }
    };

    private final PeerDirectory peers = new PeerDirectory() {
        @Override
        public List<Peer> peers() {
            return List.of(new Peer("home", loopback(), Optional.empty(), Instant.EPOCH, "poll"));
        }

        @Override
        public Optional<Peer> peer(Inet6Address ula) {
            return peers().stream().filter(p -> p.ula().equals(ula)).findFirst();
        }
    };

    private final ShareFetch fetch = new ShareFetch(tickets, peers, Duration.ofSeconds(5));

    @BeforeEach
    void homeSharesANote() throws IOException {
        Path directory = Files.createDirectories(temp.resolve("share"));
        Files.writeString(directory.resolve("notes.txt"), "hello from home\n");
        share = new FileShareComponent(log.logger(), new FakeKerberos(), new InetSocketAddress(loopback(), 0),
                directory, FileShareComponentTest.config(0, 4, 2), Clock.systemUTC(), scheduler, () -> { });
        scheduler.runDue();
        url = "http://" + HOME + ":" + share.listening().orElseThrow().getPort() + "/notes.txt";
    }

    @AfterEach
    void stop() {
        share.deactivate();
    }

    private static Inet6Address loopback() {
        try {
            return (Inet6Address) InetAddress.getByName("::1");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readsTheFileWithATokenForTheHostsHttpService() throws Exception {
        ShareFetch.Answer answer = fetch.fetch(url);
        assertEquals(200, answer.status());
        assertEquals("hello from home", answer.text());
        assertEquals("HTTP/" + HOME, askedFor);
        assertEquals("bXV0dWFs", answer.answerToken(), "the service's token, base64 of 'mutual'");
    }

    @Test
    void aRefusedTokenGivesTheStatusAndTheKerberosError() throws Exception {
        token = Promises.resolved("replayed".getBytes(StandardCharsets.US_ASCII));
        assertEquals("401 Unauthorized: Kerberos error 34: a replayed authenticator of alice@"
                + FakeKerberos.REALM, fetch.fetch(url).text());
    }

    @Test
    void withoutATicketNothingIsSent() {
        token = Promises.failed(new IOException("AS exchange with the KDC of " + HOME + ": KRB-ERROR 72 revoked"));
        IOException e = assertThrows(IOException.class, () -> fetch.fetch(url));
        assertEquals("no ticket for HTTP/" + HOME + ": AS exchange with the KDC of " + HOME
                + ": KRB-ERROR 72 revoked", e.getMessage());
        assertEquals("served:     0", share.report().lines().filter(l -> l.startsWith("served:")).findFirst()
                .orElseThrow());
    }

    @Test
    void aHostTheDirectoryDoesNotListIsNotAsked() {
        IOException e = assertThrows(IOException.class,
                () -> fetch.fetch("http://laptop.alice.members.example:8080/notes.txt"));
        assertEquals("the peer directory does not list laptop.alice.members.example (yet)", e.getMessage());
        assertEquals(null, askedFor);
    }

    @Test
    void onlyPlainHttpUrlsWithAHostAreFetched() {
        for (String bad : List.of("https://" + HOME + "/notes.txt", "http:///notes.txt", "http://" + HOME
                + "/notes.txt?x=1", "not a url at all")) {
            assertThrows(IOException.class, () -> fetch.fetch(bad), bad);
        }
        assertEquals(null, askedFor);
    }

    @Test
    void aSuccessWithoutTheServicesAnswerTokenIsNotTaken() throws IOException {
        ShareFetch.Answer answer = ShareFetch.answer(new ByteArrayInputStream(("HTTP/1.1 200 OK\r\n"
                + "WWW-Authenticate: Negotiate\r\nContent-Length: 3\r\n\r\nhi\n").getBytes(StandardCharsets.US_ASCII)));
        assertTrue(answer.text().startsWith("refused: 200 without the service's Negotiate answer token"),
                answer.text());
    }

    @Test
    void malformedAnswersAreOneLineErrors() {
        assertEquals("the share's answer has no complete head (12 bytes)", assertThrows(IOException.class,
                () -> ShareFetch.answer(new ByteArrayInputStream("HTTP/1.1 200".getBytes(StandardCharsets.US_ASCII))))
                .getMessage());
        assertEquals("not an HTTP status line: SSH-2.0-OpenSSH", assertThrows(IOException.class,
                () -> ShareFetch.answer(new ByteArrayInputStream("SSH-2.0-OpenSSH\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII)))).getMessage());
        assertEquals("the service's Negotiate answer token is not base64", assertThrows(IOException.class,
                () -> ShareFetch.answer(new ByteArrayInputStream(("HTTP/1.1 200 OK\r\nWWW-Authenticate: Negotiate "
                        + "***\r\n\r\n").getBytes(StandardCharsets.US_ASCII)))).getMessage());
    }
}
