package io.homeward.kerberos.internal.kdc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.math.BigInteger;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.api.auth.Credentials;
import io.homeward.api.auth.RevokedCertificates;
import io.homeward.api.auth.RevokedCertificatesListener;
import io.homeward.api.auth.TsigKey;
import io.homeward.api.kerberos.AuthenticationRefusedException;
import io.homeward.api.kerberos.KdcStatus;
import io.homeward.api.kerberos.ServiceAcceptor;
import io.homeward.api.peers.Peer;
import io.homeward.api.peers.PeerDirectory;
import io.homeward.kerberos.internal.pkinit.TestAccountCa;
import io.homeward.kerberos.internal.service.ServiceAcceptorsComponent;
import io.homeward.kerberos.internal.wire.ErrorCodes;
import io.homeward.kerberos.internal.wire.KdcReq;
import io.homeward.kerberos.internal.wire.KdcReqBody;
import io.homeward.kerberos.internal.wire.KerberosFlags;
import io.homeward.kerberos.internal.wire.KerberosMessage;
import io.homeward.kerberos.internal.wire.KrbError;
import io.homeward.kerberos.internal.wire.PrincipalName;
import io.homeward.kit.schedule.ExecutorScheduler;
import io.homeward.testkit.RecordingLogger;
import io.homeward.testkit.TestHostIdentity;
import io.homeward.testkit.TestRevocations;

/** The component on loopback standing in for the ULA: realm, default service, a real datagram, the status. */
class KdcComponentTest {
    private static final String REALM = "HOME.ALICE.MEMBERS.EXAMPLE";

    @TempDir
    Path directory;

    private final RecordingLogger log = new RecordingLogger();
    private final List<Optional<String>> heard = new CopyOnWriteArrayList<>();
    private KdcComponent component;

    @AfterEach
    void stop() {
        if (component != null) {
            component.deactivate();
        }
    }

    @Test
    void answersOnTheHostsAddressInTheHostsRealm() throws Exception {
        TestAccountCa ca = TestAccountCa.create("members.example", Instant.now());
        TestAccountCa.Host home = ca.host("home", TestAccountCa.ZONE, Instant.now());
        component = component(credentials(List.of(home.certificate(), ca.certificate),
                Optional.of(home.keys().getPrivate())));

        assertEquals(REALM, component.realm());
        assertEquals(List.of("host/home.alice.members.example@" + REALM), component.services());
        int port = udpPort();

        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(10_000);
            byte[] asReq = KdcReq.of(KerberosMessage.AS_REQ, List.of(), new KdcReqBody(KerberosFlags.NONE,
                    Optional.of(PrincipalName.of(PrincipalName.NT_PRINCIPAL, "alice")), REALM,
                    Optional.of(PrincipalName.ticketGrantingService(REALM)), Optional.empty(),
                    Instant.now().plus(Duration.ofHours(1)), Optional.empty(), 5, List.of(18), List.of(),
                    Optional.empty(), List.of())).encode();
            socket.send(new DatagramPacket(asReq, asReq.length, new InetSocketAddress(loopback(), port)));
            DatagramPacket answer = new DatagramPacket(new byte[4096], 4096);
            socket.receive(answer);
            KrbError error = assertInstanceOf(KrbError.class, KerberosMessage.decode(Arrays.copyOf(answer.getData(),
                    answer.getLength())));
            assertEquals(ErrorCodes.KDC_ERR_PREAUTH_REQUIRED, error.errorCode());
        }
        KdcStatus status = component.status();
        assertEquals(1, status.requests());
        assertEquals(1, status.errorsByCode().get(ErrorCodes.KDC_ERR_PREAUTH_REQUIRED));
        String text = KdcText.render(status, component.frontDoorCounts());
        assertTrue(text.contains("25×1"), text);
        assertTrue(text.contains("25×1 KDC_ERR_PREAUTH_REQUIRED") && text.contains("Requests: 1 (0 TCP, 1 UDP)"),
                text);
        for (int i = 0; i < 200 && heard.isEmpty(); i++) {
            Thread.sleep(25);
        }
        assertEquals(List.of(Optional.of(REALM)), heard, "its listener hears the realm once it answers");
    }

    @Test
    void makesTheKeysOfARegisteredServiceEvenBeforeItsAcceptorIsThere() throws Exception {
        TestAccountCa ca = TestAccountCa.create("members.example", Instant.now());
        TestAccountCa.Host home = ca.host("home", TestAccountCa.ZONE, Instant.now());
        component = component(credentials(List.of(home.certificate(), ca.certificate),
                Optional.of(home.keys().getPrivate())));

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> component.register("HTTP"));

        assertTrue(refused.getMessage().contains("no acceptor"), refused.getMessage());
        assertTrue(component.exportKeytab("HTTP").isPresent());
        assertTrue(component.services().contains("HTTP/home.alice.members.example@" + REALM));
        assertThrows(IllegalArgumentException.class, () -> component.register("HTTP/x"));
    }

    @Test
    void registersAServiceWithTheBundlesAcceptors() throws Exception {
        TestAccountCa ca = TestAccountCa.create("members.example", Instant.now());
        TestAccountCa.Host home = ca.host("home", TestAccountCa.ZONE, Instant.now());
        component = component(credentials(List.of(home.certificate(), ca.certificate),
                Optional.of(home.keys().getPrivate())));
        component.bindAcceptorFactory(new ServiceAcceptorsComponent(log.logger()));

        ServiceAcceptor acceptor = component.register("HTTP");

        assertEquals("HTTP/home.alice.members.example@" + REALM, acceptor.principal());
        assertEquals(60, assertThrows(AuthenticationRefusedException.class,
                () -> acceptor.acceptNegotiate(new byte[] {0x60, 0x01})).errorCode());
    }

    @Test
    void saysWhyItDoesNotRunWhenNotSignedIn() {
        component = component(null);

        assertTrue(component.status().listening().get(0).contains("not signed in"), component.status().toString());
        assertEquals(List.of(), heard);
    }

    @Test
    void saysWhyItDoesNotRunWithoutACertificate() {
        component = component(credentials(List.of(), Optional.empty()));

        KdcStatus status = component.status();
        assertTrue(status.listening().get(0).startsWith("not running: this host has no certificate"),
                status.listening().toString());
        assertEquals(List.of(), component.services());
        assertThrows(IllegalStateException.class, () -> component.register("HTTP"));
        assertEquals(List.of(), heard);
    }

    private int udpPort() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            for (String where : component.status().listening()) {
                if (where.endsWith(" UDP")) {
                    return Integer.parseInt(where.substring(where.lastIndexOf(':') + 1, where.length() - 4));
                }
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the KDC did not bind: " + component.status().listening());
    }

    private KdcComponent component(Credentials credentials) {
        ExecutorScheduler thread = new ExecutorScheduler("test-kdc-bind");
        KdcComponent started = new KdcComponent(log.logger(), directory, credentials, new TestHostIdentity(
                TestHostIdentity.example("test", "home").eui64(), "test", loopback(), "home"), new NoPeers(),
                new TestRevocations(), config(0), Clock.systemUTC(), new SecureRandom(), thread, thread::stopNow);
        started.addKdcListener(heard::add);
        return started;
    }

    static Inet6Address loopback() {
        return TestHostIdentity.ula("::1");
    }

    static Credentials credentials(List<X509Certificate> chain, Optional<PrivateKey> key) {
        return new Credentials() {
            @Override
            public String userName() {
                return "alice";
            }

            @Override
            public String zone() {
                return TestAccountCa.ZONE + ".";
            }

            @Override
            public TsigKey tsigKey() {
                return new TsigKey("home.alice.members.example.", "hmac-sha256", new byte[32]);
            }

            @Override
            public List<X509Certificate> certificateChain() {
                return chain;
            }

            @Override
            public Optional<PrivateKey> privateKey() {
                return key;
            }
        };
    }

    static final class NoPeers implements PeerDirectory {
        @Override
        public List<Peer> peers() {
            return List.of();
        }

        @Override
        public Optional<Peer> peer(Inet6Address ula) {
            return Optional.empty();
        }
    }

    static KdcComponent.Config config(int port) {
        return new KdcComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return KdcComponent.Config.class;
            }

            @Override
            public int port() {
                return port;
            }

            @Override
            public int ticketLifetimeHours() {
                return 10;
            }

            @Override
            public int renewableLifetimeHours() {
                return 0;
            }

            @Override
            public int clockSkewSeconds() {
                return 300;
            }

            @Override
            public int maxMessageBytes() {
                return 65_536;
            }

            @Override
            public int maxUdpReplyBytes() {
                return 4096;
            }

            @Override
            public int maxConnections() {
                return 4;
            }

            @Override
            public int idleTimeoutSeconds() {
                return 15;
            }

            @Override
            public int replayCacheCapacity() {
                return 1000;
            }

            @Override
            public String[] services() {
                return new String[] {"host"};
            }
        };
    }
}
