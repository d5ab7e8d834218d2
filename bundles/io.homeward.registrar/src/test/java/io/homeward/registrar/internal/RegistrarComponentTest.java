package io.homeward.registrar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;

import io.homeward.api.auth.Credentials;
import io.homeward.api.endpoint.EndpointSource;
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.registration.RegistrationException;
import io.homeward.testkit.FakePublicEndpoints;
import io.homeward.testkit.RecordingLogger;
import io.homeward.testkit.SelfSignedTls;

/** The component with its real thread and sockets, against the loopback TLS stub. */
class RegistrarComponentTest {
    private final RecordingLogger log = new RecordingLogger();

    private static RegistrarComponent.Config config(String server, String pin) {
        return new RegistrarComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RegistrarComponent.Config.class;
            }

            @Override
            public String dnsServer() {
                return "127.0.0.1:8053";
            }

            @Override
            public String server() {
                return server;
            }

            @Override
            public String tlsFingerprint() {
                return pin;
            }

            @Override
            public int leaseSeconds() {
                return 5400;
            }

            @Override
            public int timeoutSeconds() {
                return 5;
            }
        };
    }

    /** Waits at most ten seconds for a condition the component's own thread brings about. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void signingInPublishesAndACleanStopWithdraws() throws Exception {
        SelfSignedTls tls = new SelfSignedTls();
        try (TlsUpdateServerStub stub = new TlsUpdateServerStub(tls,
                request -> Answers.granted(request, TestInputs.KEY, Duration.ofHours(1)), 2)) {
            RegistrarComponent registrar = new RegistrarComponent(log.logger(), config("127.0.0.1:" + stub.address().getPort(),
                    tls.fingerprint()));
            Credentials alice = TestInputs.credentials(TestInputs.ZONE, TestInputs.KEY);
            HostIdentity laptop = TestInputs.identity("laptop");
            FakePublicEndpoints endpoints = new FakePublicEndpoints(TestInputs.endpoint(EndpointSource.CONFIGURED,
                    "203.0.113.7", 4500));
            registrar.bindCredentials(alice);
            registrar.bindHostIdentity(laptop);
            registrar.bindPublicEndpoints(endpoints);
            await("the registration", () -> registrar.current().isPresent());
            assertEquals(TestInputs.set("laptop", TestInputs.PUBLIC, 4500), registrar.current().get().records());
            assertTrue(RegistrationText.render(registrar.state()).contains("lease 3600 s granted by 127.0.0.1:"));
            registrar.deactivate();
            registrar.unbindCredentials(alice);
            registrar.unbindHostIdentity(laptop);
            registrar.unbindPublicEndpoints(endpoints);
            assertEquals(List.of(), endpoints.listeners());
            assertEquals(2, stub.received.size());
            Message withdraw = new Message(stub.received.get(1));
            assertEquals(6, withdraw.getSection(Section.UPDATE).size());
            assertEquals(null, withdraw.getOPT());
        }
    }

    @Test
    void anInvalidConfigurationIsReportedAndNothingIsSent() throws Exception {
        RegistrarComponent registrar = new RegistrarComponent(log.logger(), config("no-port", "12:34"));
        try {
            registrar.bindCredentials(TestInputs.credentials(TestInputs.ZONE, TestInputs.KEY));
            registrar.bindHostIdentity(TestInputs.identity("laptop"));
            RegistrationException e = assertThrows(RegistrationException.class,
                    () -> registrar.publish(TestInputs.set("laptop", TestInputs.PUBLIC, 4500), Duration.ofMinutes(90)));
            assertTrue(e.getMessage().startsWith("configuration io.homeward.registrar is invalid: server must be "
                    + "address:port"), e.getMessage());
            assertTrue(e.getMessage().contains("tlsFingerprint must be"), e.getMessage());
            assertEquals(1, log.count(LogLevel.ERROR, "Configuration io.homeward.registrar is invalid"));
        } finally {
            registrar.deactivate();
        }
    }
}
