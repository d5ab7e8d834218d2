package io.homeward.ike.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.homeward.ike.internal.exchange.TestPki;

class OwnNameTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private final TestPki pki = new TestPki("Homeward account CA for " + TestPki.DOMAIN, NOW);

    @Test
    void theHostTheCertificateNamesInTheZoneWinsOverTheIdentitysName() {
        assertEquals("laptop.alice.members.example",
                OwnName.of(pki.host(TestPki.p256(), "laptop", "alice", NOW), "alice.members.example", "VM"));
    }

    @Test
    void aCertificateNamingNoHostOfTheZoneLeavesTheIdentitysName() {
        assertEquals("vm.bob.members.example",
                OwnName.of(pki.host(TestPki.p256(), "laptop", "alice", NOW), "bob.members.example", "VM"));
        assertEquals("vm.alice.members.example", OwnName.of(pki.ca, "alice.members.example", "vm"),
                "the CA's certificate names no host");
    }
}
