package io.homeward.registrar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

import io.homeward.kit.dns.Fingerprints;
import io.homeward.kit.dns.SrvLookup;
import io.homeward.testkit.RecordingLogger;
import io.homeward.testkit.SelfSignedTls;

/** The real sockets against an in-process DNS-over-TLS server on loopback. */
class TlsUpdateTest {
    private final RecordingLogger log = new RecordingLogger();

    private UpdateClient client(TlsUpdateServerStub stub, String pin) {
        Network network = new SocketNetwork(Duration.ofSeconds(5), log.logger());
        return new UpdateClient(network, Optional.of(stub.address()),
                SrvLookup.blocking(network::queryUdp, stub.address(), new Random(1)), pin, Clock.systemUTC(), () -> 0x4d2a);
    }

    @Test
    void theServerReceivesTheSignedUpdateAndItsGrantedLeaseComesBack() throws Exception {
        SelfSignedTls tls = new SelfSignedTls();
        try (TlsUpdateServerStub stub = new TlsUpdateServerStub(tls,
                request -> Answers.granted(request, TestInputs.KEY, Duration.ofHours(1)), 1)) {
            UpdateSender.Granted granted = client(stub, tls.fingerprint()).publish(TestInputs.ALICE,
                    TestInputs.set("laptop", TestInputs.PUBLIC, 61_000), Optional.empty(), Duration.ofMinutes(90));
            assertEquals(Duration.ofHours(1), granted.lease());
            assertEquals("127.0.0.1:" + stub.address().getPort(), granted.server());
            Message update = new Message(stub.received.get(0));
            assertEquals(Opcode.UPDATE, update.getHeader().getOpcode());
            assertEquals(0x4d2a, update.getHeader().getID());
            assertEquals(Rcode.NOERROR, Answers.tsig(TestInputs.KEY).verify(update, stub.received.get(0), null));
            assertEquals(List.of(6, 6), List.of(
                    (int) update.getSection(Section.UPDATE).stream().filter(r -> r.getTTL() == 0).count(),
                    (int) update.getSection(Section.UPDATE).stream().filter(r -> r.getTTL() == 120).count()));
            assertEquals(Optional.of(Duration.ofMinutes(90)), LeaseOption.granted(update));
            assertEquals(0, log.count(LogLevel.WARN, "unchecked"));
        }
    }

    @Test
    void aCertificateThatDoesNotMatchThePinIsRefusedBeforeAnythingIsSent() throws Exception {
        SelfSignedTls tls = new SelfSignedTls();
        String otherPin = Fingerprints.normalize("00".repeat(32));
        try (TlsUpdateServerStub stub = new TlsUpdateServerStub(tls,
                request -> Answers.granted(request, TestInputs.KEY, Duration.ofHours(1)), 1)) {
            UpdateFailure failure = assertThrows(UpdateFailure.class, () -> client(stub, otherPin).publish(
                    TestInputs.ALICE, TestInputs.set("laptop", TestInputs.PUBLIC, 61_000), Optional.empty(),
                    Duration.ofMinutes(90)));
            assertTrue(failure.getMessage().contains("does not match the pinned fingerprint " + otherPin),
                    failure.getMessage());
            assertEquals(List.of(), stub.received);
        }
    }

    @Test
    void withoutAPinTheCertificateIsAcceptedAndItsFingerprintLogged() throws Exception {
        SelfSignedTls tls = new SelfSignedTls();
        try (TlsUpdateServerStub stub = new TlsUpdateServerStub(tls,
                request -> Answers.granted(request, TestInputs.KEY, Duration.ofHours(1)), 1)) {
            client(stub, "").withdraw(TestInputs.ALICE, TestInputs.set("laptop", TestInputs.PUBLIC, 61_000));
            assertEquals(1, log.count(LogLevel.WARN, "tlsFingerprint=" + tls.fingerprint()));
        }
    }

    @Test
    void withoutAConfiguredPinTheCertificateSignInProvedAgainstIsPinned() throws Exception {
        SelfSignedTls tls = new SelfSignedTls();
        String signedInAgainst = Fingerprints.normalize("00".repeat(32));
        try (TlsUpdateServerStub stub = new TlsUpdateServerStub(tls,
                request -> Answers.granted(request, TestInputs.KEY, Duration.ofHours(1)), 2)) {
            UpdateFailure failure = assertThrows(UpdateFailure.class, () -> client(stub, "").publish(
                    TestInputs.credentials(TestInputs.ZONE, TestInputs.KEY, signedInAgainst),
                    TestInputs.set("laptop", TestInputs.PUBLIC, 61_000), Optional.empty(), Duration.ofMinutes(90)));
            assertTrue(failure.getMessage().contains("does not match the pinned fingerprint " + signedInAgainst),
                    failure.getMessage());
            assertEquals(List.of(), stub.received);

            client(stub, "").withdraw(TestInputs.credentials(TestInputs.ZONE, TestInputs.KEY,
                    tls.fingerprint()), TestInputs.set("laptop", TestInputs.PUBLIC, 61_000));
            assertEquals(0, log.count(LogLevel.WARN, "unchecked"), "a pin from sign-in is a pin");
        }
    }
}
