package io.homeward.itests;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Certificate renewal with a short lifetime (docs/enrollment.md, "After a successful enrollment"): a rendezvous whose
 * CA issues three-minute host certificates and an agent that joined it with an invite code. The agent renews at two
 * thirds of the lifetime, before expiry; with the rendezvous stopped across the renewal time it says the renewal
 * failed, retries, and renews once the rendezvous is back. Every wait is bounded by the certificate's expiry and a
 * margin.
 */
class EnrollmentRenewalTest {
    @RegisterExtension
    static final LabDirectory WORK = new LabDirectory("homeward-renewal");

    private static final int LIFETIME_MINUTES = 3;
    private static final String HOST = "roamer";
    private static final String FQDN = HOST + "." + EnrollingRendezvous.zone("alice");

    private EnrollingRendezvous rendezvous;
    private TerminalShell agent;

    @AfterEach
    void stop() throws Exception {
        try {
            if (agent != null) {
                agent.stop(60);
            }
        } finally {
            if (agent != null) {
                agent.close();
            }
            if (rendezvous != null) {
                rendezvous.close();
            }
        }
    }

    @Test
    void theAgentRenewsBeforeExpiryAndAfterTheRendezvousWasDownAcrossTheRenewalTime() throws Exception {
        Tool.requireInstalled("script");
        Path work = WORK.path();
        rendezvous = EnrollingRendezvous.start(work.resolve("rendezvous"), """
                ,
                  "io.homeward.rendezvous.ca": { "hostLifetimeMinutes": %d }""".formatted(LIFETIME_MINUTES));
        String code = rendezvous.invite("alice", HOST, "1h");
        Path data = work.resolve("agent");
        agent = TerminalShell.start(List.of(), List.of("--feature", "agent", "--data", data.toString(), "--config",
                hostSafeAgentConfig(work).toString(), "--console-port", Integer.toString(RendezvousConfigDir.freePort()),
                "--join", code), work.resolve("agent.stderr"), 120);

        X509Certificate first = awaitCertificate(data, Optional.empty(), Instant.now().plusSeconds(90));
        assertShownByCertCommand(first);
        X509Certificate second = awaitCertificate(data, Optional.of(first), first.getNotAfter().toInstant());
        Instant renewed = Instant.now();
        System.out.printf(Locale.ROOT, "renewed %s (until %s) at %s, %d s before it expired%n", hex(first), first.getNotAfter()
                .toInstant(), renewed, Duration.between(renewed, first.getNotAfter().toInstant()).toSeconds());
        assertTrue(second.getNotAfter().after(first.getNotAfter()));
        assertShownByCertCommand(second);

        rendezvous.stop();
        awaitFailedRenewal(twoThirds(second).plusSeconds(20));
        rendezvous.launch();
        Instant back = Instant.now();
        X509Certificate third = awaitCertificate(data, Optional.of(second), second.getNotAfter().toInstant().plusSeconds(120));
        System.out.printf(Locale.ROOT, "rendezvous back at %s; renewed after %d s (the old certificate expired at %s)%n", back,
                Duration.between(back, Instant.now()).toSeconds(), second.getNotAfter().toInstant());
        assertNotEquals(second.getSerialNumber(), third.getSerialNumber());
        assertShownByCertCommand(third);
    }

    /** Polls the agent's stored certificate (every 0.5 s) until it is there and not {@code previous}; fails at the deadline. */
    private static X509Certificate awaitCertificate(Path data, Optional<X509Certificate> previous, Instant deadline)
            throws IOException, GeneralSecurityException, InterruptedException {
        Optional<X509Certificate> now;
        do {
            now = AgentFiles.certificate(data, FQDN);
            if (now.isPresent() && (previous.isEmpty() || !now.get().getSerialNumber().equals(previous.get().getSerialNumber()))) {
                return now.get();
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("no " + (previous.isEmpty() ? "certificate" : "certificate other than " + hex(previous.get()))
                + " for " + FQDN + " by " + deadline + "; the agent has " + now.map(EnrollmentRenewalTest::hex));
    }

    /**
     * Asks {@code homeward:cert} (every 0.5 s) until it shows the failed renewal; fails with its last answer at the
     * deadline. The rendezvous is started again right after, well before the agent's retry.
     */
    private void awaitFailedRenewal(Instant deadline) throws IOException, InterruptedException {
        String shown;
        do {
            shown = String.join("\n", agent.run("homeward:cert", 30)).toLowerCase(Locale.ROOT);
            if (shown.contains("renew") && (shown.contains("fail") || shown.contains("retry") || shown.contains("retrying"))) {
                return;
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("homeward:cert shows the failed renewal by " + deadline + ": " + shown);
    }

    private void assertShownByCertCommand(X509Certificate certificate) throws IOException, InterruptedException {
        String shown = String.join("\n", agent.run("homeward:cert", 30)).replace(":", "").toLowerCase(Locale.ROOT);
        assertTrue(shown.contains(hex(certificate)), "homeward:cert shows serial " + hex(certificate) + ": " + shown);
    }

    /** When the agent renews: two thirds into the certificate's validity. */
    private static Instant twoThirds(X509Certificate certificate) {
        Instant from = certificate.getNotBefore().toInstant();
        return from.plus(Duration.between(from, certificate.getNotAfter().toInstant()).multipliedBy(2).dividedBy(3));
    }

    private static String hex(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }

    /** Only what keeps an agent in the host's own network namespace harmless: no tunnel interface. */
    static Path hostSafeAgentConfig(Path work) throws IOException {
        Path dir = Files.createDirectories(work.resolve("agent-config"));
        Files.writeString(dir.resolve("homeward.json"), """
                {
                  ":configurator:resource-version": 1,
                  ":configurator:symbolic-name": "itest-joined-agent",
                  ":configurator:version": "1.0.0",
                  "io.homeward.tunnel": { "interfaceName": "" }
                }
                """);
        return dir;
    }
}
