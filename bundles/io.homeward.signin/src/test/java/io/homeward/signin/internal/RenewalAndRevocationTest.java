package io.homeward.signin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.LogLevel;

import io.homeward.api.watch.RecordListener;
import io.homeward.api.watch.RecordWatcher;
import io.homeward.api.watch.Subscription;
import io.homeward.api.watch.WatchMechanism;
import io.homeward.api.watch.WatchedRecord;

/** Renewal at two thirds of the lifetime, retried while the rendezvous is down; revocations from the CRL and TXT. */
class RenewalAndRevocationTest {
    @TempDir
    Path data;

    private TestRendezvous rendezvous;
    private final List<RecordListener> listeners = new ArrayList<>();
    private final List<String> watched = new ArrayList<>();
    private final RecordWatcher watcher = (name, type, listener) -> {
        watched.add(name + " " + type);
        listeners.add(listener);
        return new Subscription() {
            @Override
            public WatchMechanism mechanism() {
                return WatchMechanism.DNS_PUSH;
            }

            @Override
            public void close() {
                listeners.remove(listener);
            }
        };
    };

    @BeforeEach
    void start() throws Exception {
        rendezvous = new TestRendezvous("laptop");
    }

    @AfterEach
    void stop() throws Exception {
        rendezvous.close();
    }

    private SignInManager signedIn() throws Exception {
        SignInManager manager = rendezvous.manager(data, "laptop");
        manager.watch(watcher);
        manager.signIn(rendezvous.request(), TestRendezvous.PASSWORD.toCharArray());
        return manager;
    }

    private X509Certificate published() {
        return rendezvous.publisher.published.certificateChain().get(0);
    }

    @Test
    void theCertificateIsRenewedAtTwoThirdsRetriedWhileTheRendezvousIsDownAndPublishedAnew() throws Exception {
        SignInManager manager = signedIn();
        X509Certificate first = published();
        Instant due = manager.status().certificate().renewal().due().orElseThrow();
        Duration lifetime = Duration.between(first.getNotBefore().toInstant(), first.getNotAfter().toInstant());
        assertEquals(first.getNotBefore().toInstant().plus(lifetime.multipliedBy(2).dividedBy(3)), due);

        rendezvous.scheduler.advance(Duration.between(rendezvous.clock.instant(), due).minusSeconds(1));
        assertEquals(0, rendezvous.est.reenrolled.get());

        rendezvous.est.mode = FakeEstServer.Mode.DOWN;
        rendezvous.scheduler.advance(Duration.ofSeconds(1));
        String failed = manager.status().certificate().renewal().lastResult();
        assertTrue(failed.contains("the rendezvous is restarting") && failed.contains("retrying"), failed);
        assertEquals(Optional.of(Duration.ofSeconds(30)), rendezvous.scheduler.nextDelay());
        rendezvous.scheduler.advance(Duration.ofSeconds(30));
        assertEquals(Optional.of(Duration.ofSeconds(60)), rendezvous.scheduler.nextDelay());
        assertEquals(first, published());

        rendezvous.est.mode = FakeEstServer.Mode.NORMAL;
        rendezvous.scheduler.advance(Duration.ofSeconds(60));

        X509Certificate renewed = published();
        assertEquals(1, rendezvous.est.reenrolled.get());
        assertNotEquals(first.getSerialNumber(), renewed.getSerialNumber());
        assertTrue(manager.status().certificate().renewal().lastResult().startsWith("renewed at"));
        assertTrue(manager.status().certificate().renewal().due().orElseThrow().isAfter(renewed.getNotBefore()
                .toInstant()));
        assertEquals(renewed, rendezvous.manager(data, "laptop").resume() ? published() : null,
                "the renewed certificate is what a restart finds");
    }

    @Test
    void withoutTheRendezvousTheRenewalGivesUpWhenTheCertificateExpires() throws Exception {
        rendezvous.est.ca.lifetime = Duration.ofHours(3);
        SignInManager manager = signedIn();
        Instant expiry = published().getNotAfter().toInstant();
        rendezvous.est.mode = FakeEstServer.Mode.DOWN;

        rendezvous.scheduler.advance(Duration.between(rendezvous.clock.instant(), expiry).plusSeconds(1));

        assertTrue(manager.status().certificate().renewal().lastResult().contains("expired"),
                manager.status().certificate().renewal().lastResult());
        assertEquals(0, rendezvous.scheduler.pending());
        assertTrue(rendezvous.log.has(LogLevel.ERROR, "expired"));
    }

    @Test
    void itsOwnSerialInTheZoneRevokesTheHostAndWithdrawsItsCredentials() throws Exception {
        SignInManager manager = signedIn();
        assertEquals(List.of("_revoked._homeward.alice.members.test. 16"), watched);
        BigInteger serial = published().getSerialNumber();

        listeners.get(0).added(txt("\"serial=" + serial.toString(16) + "\" \"host=laptop\" \"until="
                + published().getNotAfter().toInstant() + "\""));

        assertNull(rendezvous.publisher.published);
        SignInStatus status = manager.status();
        assertTrue(status.certificate().revoked());
        assertEquals(1, status.certificate().revokedKnown());
        assertTrue(status.describeCertificate().contains("Revoked:                    yes"),
                status.describeCertificate());
        assertTrue(manager.revocations().serials().contains(serial));
        assertEquals(1, rendezvous.log.count(LogLevel.ERROR, "revoked by the account at"));
        assertEquals(0, rendezvous.scheduler.pending(), "a revoked host renews nothing");

        SignInManager restarted = rendezvous.manager(data, "laptop");
        assertFalse(restarted.resume());
        assertNull(rendezvous.publisher.published, "a restart does not bring a revoked host back");
        assertTrue(restarted.status().certificate().revoked());
        assertTrue(restarted.status().lastError().contains("join again with a new invite"));
    }

    @Test
    void anotherHostsRevocationIsCountedBadRecordsAreIgnoredAndExpiredOnesForgotten() throws Exception {
        SignInManager manager = signedIn();
        RecordListener listener = listeners.get(0);

        listener.added(txt("\"serial=abc123\" \"host=desktop\" \"until=" + rendezvous.clock.instant().plusSeconds(60)
                + "\""));
        listener.added(txt("\"hello\""));
        listener.added(txt("\"serial=xyz\" \"until=2030-01-01T00:00:00Z\""));

        assertNotNull(rendezvous.publisher.published);
        assertEquals(1, manager.status().certificate().revokedKnown());
        assertEquals(2, rendezvous.log.count(LogLevel.WARN, "not a revocation"));
        rendezvous.clock.advance(Duration.ofSeconds(61));
        assertEquals(0, manager.status().certificate().revokedKnown());
    }

    @Test
    void theCrlAtStartRevokesAHostThatWasRevokedWhileItWasOff() throws Exception {
        signedIn();
        rendezvous.est.ca.revoke(published().getSerialNumber());

        SignInManager restarted = rendezvous.manager(data, "laptop");
        restarted.resume();
        assertNotNull(rendezvous.publisher.published);
        restarted.checkStored();

        assertNull(rendezvous.publisher.published);
        assertTrue(restarted.status().certificate().revoked());
        assertTrue(restarted.status().lastError().contains("join again with a new invite"));
        assertTrue(restarted.revocations().isRevoked(restarted.status().current().orElseThrow().certificate()
                .orElseThrow().leaf()));
    }

    @Test
    void aSignInStoredByAnOlderAgentEnrollsWithItsKeyAtStartRetryingWhileDownAndThenForgetsIt() throws Exception {
        new CredentialsFile(data.resolve("signin")).write(new StoredKey(TestRendezvous.ZONE, "alice",
                TestRendezvous.ALICE_KEY, rendezvous.dns.address(), rendezvous.est.fingerprint(),
                rendezvous.clock.instant()));
        rendezvous.est.mode = FakeEstServer.Mode.DOWN;
        SignInManager manager = rendezvous.manager(data, "laptop");

        assertTrue(manager.resume());
        manager.checkStored();
        assertTrue(manager.status().lastError().contains("retrying in 30 s"), manager.status().lastError());
        assertEquals(TestRendezvous.ZONE, rendezvous.publisher.published.tsigKey().name());

        rendezvous.est.mode = FakeEstServer.Mode.NORMAL;
        rendezvous.scheduler.advance(Duration.ofSeconds(30));

        assertEquals("laptop.alice.members.test.", rendezvous.publisher.published.tsigKey().name());
        assertEquals(2, rendezvous.publisher.published.certificateChain().size());
        String file = Files.readString(data.resolve("signin/credentials.properties"));
        assertFalse(file.contains(Base64.getEncoder().encodeToString(TestRendezvous.ALICE_KEY.secret())));
        assertEquals("", manager.status().lastError());
    }

    private static WatchedRecord txt(String rdata) {
        return new WatchedRecord("_revoked._homeward.alice.members.test.", 16, 60, rdata);
    }
}
