package io.homeward.rendezvous.enroll.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.KeyManager;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import io.homeward.api.dns.DnsTransport;
import io.homeward.api.rendezvous.DnsListenerStatus;
import io.homeward.api.rendezvous.ListenerState;
import io.homeward.kit.enroll.EnrollmentAuthorization;
import io.homeward.kit.enroll.EnrollmentAuthorization.Scheme;
import io.homeward.kit.enroll.InviteCode;
import io.homeward.kit.schedule.ExecutorScheduler;
import io.homeward.rendezvous.enroll.internal.Machines.NewInvite;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

/** An enrollment server on a free loopback port with a test CA, two users (alice, bob) and a test TLS identity. */
final class EnrollmentFixture implements AutoCloseable {
    /** A key pair and its PKCS#10 request as a request body (base64). */
    record Csr(KeyPair keys, byte[] body) {
    }

    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final TestCa ca;
    final TestAccounts accounts = new TestAccounts(clock, "alice", "bob");
    final TestTls tls;
    final RecordingLogger log = new RecordingLogger();
    final Path directory;
    private final HttpLimits limits;
    private final ExecutorScheduler timers = new ExecutorScheduler("test-est-timers");
    EnrollmentServer server;

    EnrollmentFixture(Path directory) throws Exception {
        this(directory, new HttpLimits(HttpLimits.MAX_HEAD, HttpLimits.MAX_BODY, Duration.ofSeconds(10), 8, 2));
    }

    EnrollmentFixture(Path directory, HttpLimits limits) throws Exception {
        this.directory = directory;
        this.limits = limits;
        this.ca = new TestCa(clock);
        this.tls = new TestTls();
        start();
    }

    private void start() throws Exception {
        EnrollmentSettings settings = new EnrollmentSettings(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                limits, List.of(), 0, 0, 0);
        server = new EnrollmentServer(settings, ca, accounts, tls, dns(), () -> 3478, directory, clock,
                new SecureRandom(), timers, log.logger());
    }

    void restart() throws Exception {
        server.close();
        start();
    }

    static DnsListenerStatus dns() {
        return new DnsListenerStatus() {
            @Override
            public List<ListenerState> listeners() {
                return List.of(new ListenerState(DnsTransport.UDP, "127.0.0.1:8053", 0, 0, 0),
                        new ListenerState(DnsTransport.TCP, "127.0.0.1:8053", 0, 0, 0),
                        new ListenerState(DnsTransport.TLS, "127.0.0.1:8853", 0, 0, 0));
            }

            @Override
            public String tlsFingerprint() {
                throw new UnsupportedOperationException("the enrollment server reads RendezvousTls");
            }
        };
    }

    EstClient client() throws Exception {
        return new EstClient(server.port(), tls.certificate(), null);
    }

    /** A client presenting a host certificate (with the CA's above it). */
    EstClient client(KeyPair keys, X509Certificate certificate) throws Exception {
        return new EstClient(server.port(), tls.certificate(),
                TestTls.keyManagers(keys.getPrivate(), certificate, ca.certificate()));
    }

    InviteCode invite(String user, Optional<String> host) throws Exception {
        NewInvite made = server.machines().invite(Optional.of(user), host, Duration.ofHours(1));
        return InviteCode.decode(made.code());
    }

    static Csr csr(String subject) throws Exception {
        KeyPair keys = TestCa.ecKeys();
        byte[] der = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())).getEncoded();
        return new Csr(keys, Base64.getEncoder().encode(der));
    }

    String inviteProof(InviteCode code, byte[] body) {
        return EnrollmentAuthorization.sign(Scheme.INVITE, code.id(), code.secret(), clock.instant().getEpochSecond(),
                body).header();
    }

    String keyProof(String keyName, byte[] key, byte[] body) {
        return EnrollmentAuthorization.sign(Scheme.KEY, keyName, key, clock.instant().getEpochSecond(), body).header();
    }

    static X509Certificate certificate(EstClient.Answer answer) throws Exception {
        CMSSignedData data = new CMSSignedData(Base64.getMimeDecoder().decode(answer.body()));
        X509CertificateHolder holder = data.getCertificates().getMatches(null).iterator().next();
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    @Override
    public void close() throws Exception {
        server.close();
        timers.shutdown(Duration.ofSeconds(2));
    }
}
