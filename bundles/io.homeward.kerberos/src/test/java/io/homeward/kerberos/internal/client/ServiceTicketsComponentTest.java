package io.homeward.kerberos.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;
import org.osgi.util.promise.Promise;

import io.homeward.api.auth.Credentials;
import io.homeward.api.auth.RevokedCertificates;
import io.homeward.api.auth.RevokedCertificatesListener;
import io.homeward.api.auth.TsigKey;
import io.homeward.api.peers.Peer;
import io.homeward.api.peers.PeerDirectory;
import io.homeward.kerberos.internal.pkinit.KeyAgreementGroup;
import io.homeward.kerberos.internal.pkinit.TestAccountCa;
import io.homeward.testkit.RecordingLogger;
import io.homeward.testkit.TestCredentials;
import io.homeward.testkit.TestRevocations;

class ServiceTicketsComponentTest {
    private final RecordingLogger log = new RecordingLogger();

    private static ServiceTicketsComponent.Config config(String group) {
        return new ServiceTicketsComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ServiceTicketsComponent.Config.class;
            }

            @Override
            public int maxTickets() {
                return 8;
            }

            @Override
            public int requestTimeoutSeconds() {
                return 2;
            }

            @Override
            public int endMarginSeconds() {
                return 300;
            }

            @Override
            public String keyAgreement() {
                return group;
            }

            @Override
            public int kdcPort() {
                return 88;
            }
        };
    }

    private static final PeerDirectory NO_PEERS = new PeerDirectory() {
        @Override
        public List<Peer> peers() {
            return List.of();
        }

        @Override
        public Optional<Peer> peer(Inet6Address ula) {
            return Optional.empty();
        }
    };

    private static String failure(Promise<?> promise) throws InterruptedException {
        return promise.getFailure().getMessage();
    }

    @Test
    void eachStepSaysWhyThereIsNoTicketAndDeactivationEndsTheThread() throws Exception {
        ServiceTicketsComponent component = new ServiceTicketsComponent(log.logger(), NO_PEERS, new TestRevocations(),
                config("P-256"));
        String host = "home.alice.members.example";
        assertTrue(failure(component.ticket("HTTP", host)).startsWith("sign-in: "));

        TestCredentials withoutCertificate = TestCredentials.of("alice", "alice.members.example.");
        component.bindCredentials(withoutCertificate);
        assertTrue(failure(component.negotiateToken("HTTP", host)).startsWith("sign-in: "));

        Instant now = Instant.now();
        TestAccountCa ca = TestAccountCa.create("members.example", now);
        TestAccountCa.Host laptop = ca.host("laptop", TestAccountCa.ZONE, now);
        Credentials enrolled = new Credentials() {
            @Override
            public String userName() {
                return "alice";
            }

            @Override
            public String zone() {
                return "alice.members.example.";
            }

            @Override
            public TsigKey tsigKey() {
                return withoutCertificate.tsigKey();
            }

            @Override
            public List<X509Certificate> certificateChain() {
                return List.of(laptop.certificate(), ca.certificate);
            }

            @Override
            public Optional<PrivateKey> privateKey() {
                return Optional.of(laptop.keys().getPrivate());
            }
        };
        component.unbindCredentials(withoutCertificate);
        component.bindCredentials(enrolled);
        assertEquals("AS exchange with the KDC of " + host + ": the peer directory does not list " + host + " (yet)",
                failure(component.ticket("HTTP", host)));
        assertEquals(List.of(), component.tickets());
        TicketsCommand command = new TicketsCommand(component);
        assertEquals("no tickets held", command.tickets());
        assertEquals("no ticket for HTTP/" + host + ": AS exchange with the KDC of " + host
                + ": the peer directory does not list " + host + " (yet)", command.tickets("get", "HTTP", host));
        assertEquals("usage: homeward:tickets [get SERVICE HOST]", command.tickets("list", "HTTP", host));

        component.deactivate();
        assertTrue(failure(component.ticket("HTTP", host)).contains("stopping"));
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().equals("homeward-kerberos-client") && thread.isAlive()));
    }

    @Test
    void theKeyAgreementIsP256OrModp2048() {
        assertEquals(KeyAgreementGroup.P_256, ServiceTicketsComponent.group("p-256", log.logger()));
        assertEquals(KeyAgreementGroup.MODP_2048, ServiceTicketsComponent.group("MODP-2048", log.logger()));
        assertEquals(KeyAgreementGroup.P_256, ServiceTicketsComponent.group("ffdhe4096", log.logger()));
        assertTrue(log.has(LogLevel.WARN, "'ffdhe4096' is neither P-256 nor MODP-2048"));
    }
}
