package io.homeward.rendezvous.dns.internal.llq;

import static io.homeward.rendezvous.dns.internal.ServerFixture.ALICE;
import static io.homeward.rendezvous.dns.internal.ServerFixture.BOB;
import static io.homeward.rendezvous.dns.internal.llq.LlqClient.BROWSE;
import static io.homeward.rendezvous.dns.internal.llq.LlqClient.answerTtls;
import static io.homeward.rendezvous.dns.internal.llq.LlqClient.parse;
import static io.homeward.rendezvous.dns.internal.llq.LlqClient.ptr;
import static io.homeward.rendezvous.dns.internal.llq.LlqClient.request;
import static io.homeward.rendezvous.dns.internal.llq.LlqClient.udp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

import io.homeward.api.dns.DnsTransport;
import io.homeward.api.rendezvous.WatchState;
import io.homeward.api.watch.WatchMechanism;
import io.homeward.kit.dns.wire.LlqOption;
import io.homeward.rendezvous.dns.internal.FakeResponder;
import io.homeward.rendezvous.dns.internal.ServerFixture;
import io.homeward.rendezvous.dns.internal.watch.WatchSettings;

class LlqServerTest {
    @TempDir
    Path dir;
    LlqClient c;

    @BeforeEach
    void setUp() throws IOException {
        c = new LlqClient(dir, WatchSettings.DEFAULTS);
    }

    @AfterEach
    void tearDown() throws IOException {
        c.f.close();
    }

    @Test
    void fourWayHandshakeOverUdpEndsWithTheCurrentAnswers() {
        c.f.addToAlice(ptr("alice-mbp"));
        FakeResponder client = udp();
        Message challenge = c.exchange(c.signed(request(BROWSE, Type.PTR, 0x1234, LlqOption.SETUP, 0, 7200), ALICE),
                client);
        LlqOption offered = LlqOption.from(challenge.getOPT()).orElseThrow();
        assertEquals(0x1234, challenge.getHeader().getID());
        assertTrue(challenge.getHeader().getFlag(Flags.AA));
        assertTrue(challenge.getSection(Section.ANSWER).isEmpty(), "a challenge carries no answers");
        assertEquals(new LlqOption(1, LlqOption.SETUP, 0, offered.id(), 7200), offered);
        assertNotEquals(0, offered.id());
        assertTrue(c.f.server.watches().watches().isEmpty(), "not established before the challenge is answered");

        Message ack = c.exchange(c.signed(request(BROWSE, Type.PTR, 0x1234, LlqOption.SETUP, offered.id(), 7200),
                ALICE), client);
        assertEquals(List.of(ptr("alice-mbp")), ack.getSection(Section.ANSWER));
        assertEquals(new LlqOption(1, LlqOption.SETUP, 0, offered.id(), 7200), LlqOption.from(ack.getOPT()).orElseThrow());
        WatchState watch = c.f.server.watches().watches().get(0);
        assertEquals(new WatchState(WatchMechanism.LLQ_UDP, client.client().toString(), ALICE.toString(), BROWSE.toString(),
                Type.PTR,
                java.util.Optional.of(ServerFixture.START.plusSeconds(7200)), java.util.Optional.empty(), 0), watch);
    }

    @Test
    void aRepeatedSetupWhileChallengedGetsTheSameChallenge() {
        FakeResponder client = udp();
        long first = LlqOption.from(c.exchange(c.signed(request(BROWSE, Type.PTR, 1, LlqOption.SETUP, 0, 3600), ALICE),
                client).getOPT()).orElseThrow().id();
        long second = LlqOption.from(c.exchange(c.signed(request(BROWSE, Type.PTR, 1, LlqOption.SETUP, 0, 3600), ALICE),
                client).getOPT()).orElseThrow().id();
        assertEquals(first, second);
    }

    @Test
    void aChallengeResponseWithAWrongLeaseIsIgnored() {
        FakeResponder client = udp();
        long id = LlqOption.from(c.exchange(c.signed(request(BROWSE, Type.PTR, 1, LlqOption.SETUP, 0, 3600), ALICE),
                client).getOPT()).orElseThrow().id();
        c.f.server.requests().handle(c.signed(request(BROWSE, Type.PTR, 1, LlqOption.SETUP, id, 7000), ALICE).toWire(),
                client);
        assertEquals(1, client.sent().size(), "no ACK for a lease 3400 s off the granted one");
        assertTrue(c.f.server.watches().watches().isEmpty());
    }

    @Test
    void clampsTheLeaseToTheConfiguredRange() {
        assertEquals(900, offeredLease(60, "192.0.2.21"));
        assertEquals(7200, offeredLease(86_400, "192.0.2.22"));
        assertEquals(3600, offeredLease(3600, "192.0.2.23"));
    }

    private long offeredLease(long requested, String address) {
        FakeResponder client = new FakeResponder(DnsTransport.UDP, address);
        return LlqOption.from(c.exchange(c.signed(request(BROWSE, Type.PTR, 1, LlqOption.SETUP, 0, requested), ALICE),
                client).getOPT()).orElseThrow().leaseSeconds();
    }

    @Test
    void refusesAnUnsignedSetupAndOneSignedWithAnotherZonesKey() {
        Message unsigned = c.exchange(request(BROWSE, Type.PTR, 1, LlqOption.SETUP, 0, 3600), udp());
        assertEquals(Rcode.REFUSED, unsigned.getRcode());
        Message crossZone = c.exchange(c.signed(request(BROWSE, Type.PTR, 1, LlqOption.SETUP, 0, 3600), BOB), udp());
        assertEquals(Rcode.REFUSED, crossZone.getRcode());
        assertTrue(c.f.server.watches().watches().isEmpty());
        assertTrue(c.f.log.contains("INFO", "it is not TSIG-signed"));
        assertTrue(c.f.log.contains("INFO", "is not a key of the name's zone"));
    }

    @Test
    void aHostKeyWatchesItsZoneAndItsDeletionEndsOnlyItsOwnLlqs() throws IOException {
        Name laptop = c.f.enrollHost(ALICE, "laptop", 11);
        FakeResponder host = new FakeResponder(DnsTransport.UDP, "198.51.100.7");
        long id = c.establish(BROWSE, Type.PTR, 3600, host, laptop);
        c.establish(BROWSE, Type.PTR, 3600, udp());
        assertEquals(2, c.f.server.watches().watches().size(), "a host key of the zone watches like its master key");

        c.f.keys.remove(laptop.toString());
        c.f.server.removeHost(ALICE, laptop, laptop);

        assertEquals(1, c.f.server.watches().watches().size(), "the master key's LLQ stays");
        assertTrue(c.f.log.contains("INFO", "its key laptop.alice.members.example. was deleted"));
        int sent = host.sent().size();
        c.f.server.requests().handle(c.signedWithDeletedKey(request(BROWSE, Type.PTR, 7, LlqOption.REFRESH, id, 3600),
                laptop, 11).toWire(), host);
        assertEquals(sent + 1, host.sent().size());
        assertEquals(Rcode.BADKEY, parse(host.sent().get(sent)).getTSIG().getError());
    }

    @Test
    void aSignedSetupCapturedOverUdpIsRefusedWhenReplayedOverTls() {
        Message setup = c.signed(request(BROWSE, Type.PTR, 1, LlqOption.SETUP, 0, 3600), ALICE);
        Message challenge = c.exchange(setup, udp());
        assertEquals(Rcode.NOERROR, challenge.getRcode(), "the victim's own setup over UDP gets its challenge");

        Message replayed = c.exchange(setup, new FakeResponder(DnsTransport.TLS, "198.51.100.66"));

        assertEquals(Rcode.REFUSED, replayed.getRcode());
        assertTrue(c.f.server.watches().watches().isEmpty(), "no LLQ was established for the attacker");
        assertTrue(c.f.log.contains("INFO", "its MAC was used before"));
    }

    @Test
    void answersAnUnsupportedVersionWithBadVers() {
        Message m = request(BROWSE, Type.PTR, 1, LlqOption.SETUP, 0, 3600);
        m.removeAllRecords(Section.ADDITIONAL);
        m.addRecord(new org.xbill.DNS.OPTRecord(1440, 0, 0, 0, List.of(new LlqOption(2, 1, 0, 0, 3600).toOption())),
                Section.ADDITIONAL);
        LlqOption reply = LlqOption.from(c.exchange(c.signed(m, ALICE), udp()).getOPT()).orElseThrow();
        assertEquals(LlqOption.BAD_VERS, reply.error());
    }

    @Test
    void sendsSignedEventsForAddsAndRemoves() {
        FakeResponder client = udp();
        long id = c.establish(BROWSE, Type.PTR, 3600, client);
        c.f.clock.advance(Duration.ofSeconds(100));
        c.f.addToAlice(ptr("alice-mbp"), ServerFixture.rr("alice-mbp", Type.A, "192.0.2.7"));
        byte[] add = client.sent().get(2);
        Message event = parse(add);
        assertTrue(event.getHeader().getFlag(Flags.QR) && event.getHeader().getFlag(Flags.AA));
        assertEquals(BROWSE, event.getQuestion().getName());
        assertEquals(List.of(ptr("alice-mbp")), event.getSection(Section.ANSWER), "only what answers the LLQ");
        assertEquals(List.of(300L), answerTtls(add));
        assertEquals(new LlqOption(1, LlqOption.EVENT, 0, id, 3500), LlqOption.from(event.getOPT()).orElseThrow());
        assertEquals(0, c.f.clientKey(ALICE, TSIG.HMAC_SHA256).verify(event, add, null), "signed with alice's key");

        Update delete = new Update(ALICE);
        delete.delete(ptr("alice-mbp"));
        assertEquals(Rcode.NOERROR, c.f.signedUpdate(delete).getRcode());
        byte[] remove = client.sent().get(3);
        assertEquals(List.of(0xFFFFFFFFL), answerTtls(remove), "TTL 0xFFFFFFFF marks a removal");
        assertEquals(ptr("alice-mbp").rdataToString(),
                parse(remove).getSection(Section.ANSWER).get(0).rdataToString());
    }

    @Test
    void aRecordWhoseUpdateLeaseEndsIsSentAsARemoval() throws IOException {
        FakeResponder client = udp();
        c.establish(BROWSE, Type.PTR, 3600, client);
        Update update = new Update(ALICE);
        update.add(ptr("alice-mbp"));
        update.addRecord(ServerFixture.leaseOpt(120), Section.ADDITIONAL);
        assertEquals(Rcode.NOERROR, c.f.signedUpdate(update).getRcode());
        assertEquals(3, client.sent().size());
        c.f.clock.advance(Duration.ofSeconds(121));
        assertEquals(1, c.f.expireLeases());
        assertEquals(List.of(0xFFFFFFFFL), answerTtls(client.sent().get(3)));
    }

    @Test
    void anAcknowledgedEventIsNotSentAgain() {
        FakeResponder client = udp();
        c.establish(BROWSE, Type.PTR, 3600, client);
        c.f.addToAlice(ptr("alice-mbp"));
        assertEquals(1, c.f.server.watches().watches().get(0).unacked());
        c.f.server.requests().handle(LlqClient.ack(parse(client.sent().get(2))).toWire(), client);
        assertEquals(3, client.sent().size(), "an acknowledgement is not answered");
        assertEquals(0, c.f.server.watches().watches().get(0).unacked());
        c.f.clock.advance(Duration.ofSeconds(30));
        c.f.server.watches().tick();
        assertEquals(3, client.sent().size());
    }

    @Test
    void resendsAfterTwoFourAndEightSecondsThenDropsTheLlq() {
        FakeResponder client = udp();
        c.establish(BROWSE, Type.PTR, 3600, client);
        c.f.addToAlice(ptr("alice-mbp"));
        byte[] event = client.sent().get(2);
        int[] waits = {1, 1, 3, 1, 7, 1};
        int[] expectedSends = {3, 4, 4, 5, 5, 5};
        for (int i = 0; i < waits.length; i++) {
            c.f.clock.advance(Duration.ofSeconds(waits[i]));
            c.f.server.watches().tick();
            assertEquals(expectedSends[i], client.sent().size(), "after step " + i);
        }
        assertArrayEquals(event, client.sent().get(3), "the same event is resent");
        assertArrayEquals(event, client.sent().get(4));
        assertTrue(c.f.server.watches().watches().isEmpty(), "deleted after the third unanswered transmission");
        c.f.addToAlice(ptr("other"));
        assertEquals(5, client.sent().size(), "no events for a deleted LLQ");
    }

    @Test
    void refreshExtendsTheLeaseAndLeaseZeroCancels() {
        FakeResponder client = udp();
        long id = c.establish(BROWSE, Type.PTR, 3600, client);
        c.f.clock.advance(Duration.ofSeconds(1800));
        Message refreshed = c.exchange(c.signed(request(BROWSE, Type.PTR, 0x1234, LlqOption.REFRESH, id, 7200), ALICE),
                client);
        assertTrue(refreshed.getSection(Section.ANSWER).isEmpty());
        assertEquals(new LlqOption(1, LlqOption.REFRESH, 0, id, 7200), LlqOption.from(refreshed.getOPT()).orElseThrow());
        assertEquals(ServerFixture.START.plusSeconds(1800 + 7200),
                c.f.server.watches().watches().get(0).leaseExpires().get());
        c.f.clock.advance(Duration.ofSeconds(3600));
        c.f.server.watches().tick();
        assertEquals(1, c.f.server.watches().watches().size(), "still alive past the first lease");

        Message cancelled = c.exchange(c.signed(request(BROWSE, Type.PTR, 0x1234, LlqOption.REFRESH, id, 0), ALICE),
                client);
        assertEquals(0, LlqOption.from(cancelled.getOPT()).orElseThrow().leaseSeconds());
        assertTrue(c.f.server.watches().watches().isEmpty());
        Message unknown = c.exchange(c.signed(request(BROWSE, Type.PTR, 0x1234, LlqOption.REFRESH, id, 3600), ALICE),
                client);
        assertEquals(LlqOption.NO_SUCH_LLQ, LlqOption.from(unknown.getOPT()).orElseThrow().error());
    }

    @Test
    void anLlqEndsWithItsLease() {
        FakeResponder client = udp();
        c.establish(BROWSE, Type.PTR, 900, client);
        c.f.clock.advance(Duration.ofSeconds(900));
        c.f.server.watches().tick();
        assertTrue(c.f.server.watches().watches().isEmpty());
        c.f.addToAlice(ptr("alice-mbp"));
        assertEquals(2, client.sent().size());
    }

    @Test
    void overTcpTheSetupIsAnsweredAtOnceAndEventsNeedNoRetransmission() {
        c.f.addToAlice(ptr("alice-mbp"));
        FakeResponder connection = new FakeResponder(DnsTransport.TCP);
        Message ack = c.exchange(c.signed(request(BROWSE, Type.PTR, 9, LlqOption.SETUP, 0, 3600), ALICE), connection);
        assertEquals(List.of(ptr("alice-mbp")), ack.getSection(Section.ANSWER));
        assertNotEquals(0, LlqOption.from(ack.getOPT()).orElseThrow().id());
        c.f.addToAlice(ptr("second"));
        assertEquals(2, connection.sent().size());
        assertEquals(0, c.f.server.watches().watches().get(0).unacked());
        assertEquals(WatchMechanism.LLQ_TCP, c.f.server.watches().watches().get(0).mechanism());
        c.f.server.watches().closed(connection);
        assertTrue(c.f.server.watches().watches().isEmpty(), "state goes with the connection");
    }

    @Test
    void refusesSetupsBeyondTheLimitsWithServFull() throws IOException {
        c.f.close();
        c = new LlqClient(dir.resolve("limited"), new WatchSettings(900, 7200, 2, 3, 256, 10_000,
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(60)));
        FakeResponder client = udp();
        c.establish(BROWSE, Type.PTR, 3600, client);
        c.establish(ALICE, Type.SOA, 3600, client);
        LlqOption full = LlqOption.from(c.exchange(c.signed(request(ALICE, Type.A, 1, LlqOption.SETUP, 0, 3600), ALICE),
                client).getOPT()).orElseThrow();
        assertEquals(LlqOption.SERV_FULL, full.error());
        assertEquals(0, full.id());
        FakeResponder other = new FakeResponder(DnsTransport.UDP, "192.0.2.99");
        c.establish(ALICE, Type.A, 3600, other);
        FakeResponder third = new FakeResponder(DnsTransport.UDP, "192.0.2.100");
        LlqOption totalFull = LlqOption.from(c.exchange(c.signed(request(ALICE, Type.A, 1, LlqOption.SETUP, 0, 3600),
                ALICE), third).getOPT()).orElseThrow();
        assertEquals(LlqOption.SERV_FULL, totalFull.error());
        assertEquals(3, c.f.server.watches().watches().size());
    }
}
