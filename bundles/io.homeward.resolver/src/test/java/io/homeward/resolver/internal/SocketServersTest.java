package io.homeward.resolver.internal;

import static io.homeward.resolver.internal.Fixtures.HOME;
import static io.homeward.resolver.internal.Fixtures.parse;
import static io.homeward.resolver.internal.Fixtures.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.DataInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import io.homeward.kit.dns.DnsOverTls;
import io.homeward.kit.dns.UdpQuery;
import io.homeward.kit.log.CountedLog;
import io.homeward.kit.net.RateLimiter;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

/** The real sockets on the loopback address, an ephemeral port, the directory faked. */
class SocketServersTest {
    private static final Duration IDLE = Duration.ofMillis(300);

    private UdpServer udp;
    private TcpServer tcp;
    private InetSocketAddress at;

    @BeforeEach
    void listen() throws Exception {
        MutableClock clock = new MutableClock();
        ZoneSoa soa = new ZoneSoa();
        SignedIn signedIn = Fixtures.signedIn(clock);
        NameServer server = new NameServer(() -> Optional.of(Fixtures.view(List.of(HOME))),
                () -> Optional.of(signedIn), soa, new Forwarder(new SigningRendezvous(clock), new Random(3), soa),
                Runnable::run, new RateLimiter<>(1000, 2000, 16, clock), new ServedCounters(),
                new CountedLog(new RecordingLogger().logger(), clock, Duration.ofMinutes(1)));
        InetAddress loopback = InetAddress.getLoopbackAddress();
        udp = UdpServer.bind(new InetSocketAddress(loopback, 0), server);
        at = new InetSocketAddress(loopback, udp.port());
        tcp = TcpServer.bind(at, server, 1, IDLE);
    }

    @AfterEach
    void close() {
        tcp.close();
        udp.close();
    }

    @Test
    void answersOverUdp() throws Exception {
        byte[] answer = new UdpQuery(Duration.ofSeconds(2), 1).exchange(at,
                query("home.alice.members.example.", Type.AAAA).toWire());
        assertEquals(Fixtures.HOME_ULA, ((AAAARecord) parse(answer).getSectionArray(Section.ANSWER)[0]).getAddress());
    }

    @Test
    void answersOverTcpSeveralQueriesOnOneConnection() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(at, 2000);
            socket.setSoTimeout(2000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            for (String host : List.of("home", "laptop")) {
                DnsOverTls.write(socket.getOutputStream(), query(host + ".alice.members.example.", Type.AAAA).toWire());
                Message response = parse(DnsOverTls.read(in));
                assertEquals(1, response.getSectionArray(Section.ANSWER).length, host);
            }
        }
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTime() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try (Socket socket = new Socket()) {
                socket.connect(at, 2000);
                socket.getOutputStream().write(0);
                assertEquals(-1, socket.getInputStream().read(), "half a length prefix, then silence: closed");
            }
        });
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAtOnce() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try (Socket first = new Socket(); Socket second = new Socket()) {
                first.connect(at, 2000);
                DnsOverTls.write(first.getOutputStream(), query("home.alice.members.example.", Type.AAAA).toWire());
                DnsOverTls.read(new DataInputStream(first.getInputStream()));
                second.connect(at, 2000);
                second.setSoTimeout(IDLE.toMillisPart() / 2);
                assertEquals(-1, second.getInputStream().read(), "over the limit of 1: closed without a word");
            }
        });
    }
}
