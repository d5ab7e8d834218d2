package io.homeward.signin.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.api.auth.TsigKey;
import io.homeward.testkit.MutableClock;

/** What {@code homeward:whoami} and {@code homeward:cert} print. */
class SignInStatusTest {

    private static StoredKey stored(String user) {
        return new StoredKey("alice.members.test.", user, new TsigKey("alice.members.test.", "hmac-sha256.",
                new byte[32]), new HostPort("127.0.0.1", 8853), "", Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void whoamiNamesUserZoneServerAndLastError() {
        String text = new SignInStatus(Optional.of(stored("alice")), "the stored key could not be verified").describe();
        assertTrue(text.startsWith("Signed in as alice (zone alice.members.test.) since 2026-01-01T00:00:00Z"));
        assertTrue(text.contains("Last error: the stored key could not be verified"));
    }

    @Test
    void certShowsTheHostCertificateItsRenewalAndRevocation() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
        TestAccountCa ca = new TestAccountCa("members.test.", clock);
        IssuedCertificate issued = ca.issueWithNewKey("laptop.alice.members.test");
        StoredKey stored = new StoredKey("alice.members.test.", "alice", new TsigKey("laptop.alice.members.test.",
                "hmac-sha256.", new byte[32]), new HostPort("127.0.0.1", 8853), "", clock.instant(), Optional.empty(),
                Optional.of(new StoredKey.Enrollment("laptop", new HostPort("127.0.0.1", 8443), issued)));
        SignInStatus status = new SignInStatus(Optional.of(stored), "", new SignInStatus.Certificate(true,
                new CertificateRenewal.State(Optional.of(issued.renewalDue()), "failed at x: down; retrying at y"), 3));

        String text = status.describeCertificate();

        for (String shown : List.of("CN=laptop.alice.members.test", "CN=Homeward account CA for members.test.",
                issued.serial().toString(16), issued.notAfter().toString(), issued.renewalDue().toString(),
                "retrying at y", "join again with a new invite")) {
            assertTrue(text.contains(shown), shown);
        }
        assertTrue(text.contains("Revoked certificates known: 3"), text);
        assertTrue(new SignInStatus(Optional.empty(), "").describeCertificate().startsWith("Not signed in"));
    }
}
