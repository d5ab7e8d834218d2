package io.homeward.rendezvous.enroll.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.kit.enroll.InviteCode;
import io.homeward.rendezvous.enroll.internal.EnrollmentFixture.Csr;

class EnrollmentCommandTest {
    @TempDir
    Path data;

    private EnrollmentFixture fixture;
    private EnrollmentCommand command;

    @BeforeEach
    void start() throws Exception {
        fixture = new EnrollmentFixture(data);
        command = new EnrollmentCommand(fixture.server.machines());
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private String codeIn(String output) {
        return output.lines().map(String::trim).filter(l -> l.startsWith(InviteCode.PREFIX)).findFirst().orElseThrow();
    }

    @Test
    void invitePrintsTheCodeTheCommandAndTheExpiry() throws Exception {
        String output = command.invite("laptop", "--user", "alice", "--valid", "2h");
        assertTrue(output.startsWith("invite for laptop.alice.members.example., valid until "
                + fixture.clock.instant().plusSeconds(7200) + " (2h, once):"), output);
        String code = codeIn(output);
        assertTrue(output.contains("\n  java -jar homeward.jar --feature agent --join " + code + "\n"), output);

        InviteCode decoded = InviteCode.decode(code);
        assertEquals(List.of(InetAddress.getLoopbackAddress()), decoded.addresses());
        assertEquals(8053, decoded.dnsPort());
        assertEquals(8853, decoded.tlsPort());
        assertEquals(fixture.server.port(), decoded.estPort());
        assertEquals(3478, decoded.stunPort());
        assertEquals(fixture.tls.fingerprint().replace(":", ""), HexFormat.of().withUpperCase().formatHex(decoded.pin()));
        assertEquals("alice.members.example.", decoded.zone());
        assertEquals(Optional.of("laptop"), decoded.host());
    }

    @Test
    void inviteNeedsAUserWhenThereAreSeveral() {
        assertEquals("invite: there are several users: say whose machine it is with --user NAME (alice, bob)",
                command.invite());
        assertEquals("invite: there is no user carol", command.invite("--user", "carol"));
        assertTrue(command.invite("--valid").startsWith("invite: --valid needs a value"));
        assertTrue(command.invite("a", "b").startsWith("invite: unexpected 'b'"));
        assertTrue(command.invite("--user", "alice", "--valid", "30d").startsWith("invite: an invite is valid for 1 minute"
                + " to 7 days"));
        assertTrue(command.invite("--user", "alice", "bad_name").startsWith("invite: the host name is not a DNS label"));
    }

    @Test
    void hostsListsMachinesAndInvitesButNeverSecrets() throws Exception {
        String code = codeIn(command.invite("--user", "alice"));
        InviteCode invite = InviteCode.decode(code);
        Csr csr = EnrollmentFixture.csr("CN=laptop.alice.members.example");
        fixture.client().post(EstRoutes.SIMPLEENROLL, fixture.inviteProof(invite, csr.body()), csr.body());
        String pending = codeIn(command.invite("desktop", "--user", "alice"));

        String hosts = command.hosts("alice");
        assertTrue(hosts.startsWith("alice (alice.members.example.)\n  laptop "), hosts);
        String serial = fixture.ca.certificates("alice.members.example.").get(0).serial().toString(16);
        assertTrue(hosts.contains("certificate " + serial + " until "), hosts);
        assertTrue(hosts.contains("invite " + InviteCode.decode(pending).id() + " for desktop until "), hosts);
        assertFalse(hosts.contains(HexFormat.of().formatHex(InviteCode.decode(pending).secret())), hosts);
        assertFalse(hosts.contains(pending), hosts);
        assertTrue(command.hosts().contains("bob (bob.members.example.)\n  no enrolled hosts\n"), command.hosts());
        assertEquals("hosts: there is no user carol", command.hosts("carol"));
    }

    @Test
    void revokeRevokesTheCertificateThenDeletesTheKey() throws Exception {
        for (String user : new String[] {"alice", "bob"}) {
            InviteCode invite = InviteCode.decode(codeIn(command.invite("--user", user)));
            Csr csr = EnrollmentFixture.csr("CN=laptop." + user + ".members.example");
            fixture.client().post(EstRoutes.SIMPLEENROLL, fixture.inviteProof(invite, csr.body()), csr.body());
        }
        assertEquals("revoke: laptop could be laptop.alice.members.example. or laptop.bob.members.example.: give the"
                + " whole name", command.revoke("laptop"));
        assertEquals("revoke: there is no enrolled host desktop (homeward:hosts lists them)", command.revoke("desktop"));

        String serial = fixture.ca.certificates("alice.members.example.").get(0).serial().toString(16);
        assertEquals("revoked 1 certificate (serial " + serial + ") of laptop.alice.members.example. and deleted its"
                + " host key", command.revoke("laptop.alice.members.example"));
        assertTrue(fixture.accounts.hosts("alice").isEmpty());
        assertTrue(fixture.ca.certificates("alice.members.example.").get(0).revoked().isPresent());
        assertEquals(1, fixture.accounts.hosts("bob").size());
        assertTrue(command.hosts("alice").contains(", revoked "), command.hosts("alice"));
        assertEquals("revoked no certificate (none was valid) of laptop.alice.members.example. and found no host key to"
                + " delete", command.revoke("laptop.alice.members.example."));
    }
}
