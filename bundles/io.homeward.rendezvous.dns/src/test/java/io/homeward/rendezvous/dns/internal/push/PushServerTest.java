package io.homeward.rendezvous.dns.internal.push;

import static io.homeward.rendezvous.dns.internal.ServerFixture.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

import io.homeward.api.dns.DnsTransport;
import io.homeward.kit.dns.PushBinding;
import io.homeward.kit.dns.wire.DsoMessage;
import io.homeward.rendezvous.dns.internal.DnsServer;
import io.homeward.rendezvous.dns.internal.ServerFixture;
import io.homeward.rendezvous.dns.internal.watch.RecordWire;
import io.homeward.rendezvous.dns.internal.watch.WatchSettings;

/** DSO session rules and timers (RFC 8490, RFC 8765) on a fake clock, and known DSO messages as codec vectors. */
class PushServerTest {
    static final Name BROWSE = Name.fromConstantString("_afpovertcp._tcp.alice.members.example.");

    @TempDir
    Path dir;
    ServerFixture f;
    RecordingConnection connection = new RecordingConnection(DnsTransport.TLS);

    @BeforeEach
    void setUp() throws IOException {
        useSettings(WatchSettings.DEFAULTS);
    }

    @AfterEach
    void tearDown() throws IOException {
        f.close();
    }

    private void useSettings(WatchSettings settings) throws IOException {
        if (f != null) {
            f.close();
        }
        Path home = dir.resolve("server" + System.nanoTime());
        f = new ServerFixture(home);
        f.server.close();
        f.server = new DnsServer(ServerFixture.settings(100_000, 5, 20, List.of()), settings,
                name -> Optional.ofNullable(f.keys.get(name)), f::scope, f.clock, new Random(3), Runnable::run, home,
                f.log.logger());
    }

    private void bind() {
        f.server.requests().handle(signedProof(connection), connection);
    }

    /** The binding query of RFC 7873 cookies: the server cookie this connection gets, in a query signed by ALICE. */
    private byte[] signedProof(RecordingConnection on) {
        return signedProof(on, ALICE);
    }

    /** The binding query for ALICE's zone, signed with the given key of the zone (master or host key). */
    private byte[] signedProof(RecordingConnection on, Name key) {
        byte[] clientCookie = {1, 2, 3, 4, 5, 6, 7, 8};
        f.server.requests().handle(PushBinding.challenge(ALICE, clientCookie).toWire(), on);
        Message challenged = lastMessage(on);
        Optional<byte[]> serverCookie = PushBinding.serverCookie(challenged, clientCookie);
        assertTrue(serverCookie.isPresent(), "the SOA answer over TLS carries a server cookie");
        Message proof = PushBinding.proof(ALICE, clientCookie, serverCookie);
        f.clientKey(key, TSIG.HMAC_SHA256).apply(proof, null);
        return proof.toWire();
    }

    private static Message lastMessage(RecordingConnection on) {
        try {
            return new Message(on.sent.get(on.sent.size() - 1));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aSignedSoaQueryCapturedOverUdpBindsNoTlsConnection() {
        Message query = Message.newQuery(Record.newRecord(ALICE, Type.SOA, DClass.IN));
        f.clientKey(ALICE, TSIG.HMAC_SHA256).apply(query, null);
        byte[] captured = query.toWire();
        f.server.requests().handle(captured, new RecordingConnection(DnsTransport.UDP));

        f.server.requests().handle(captured, connection);
        assertEquals(Rcode.NOERROR, lastMessage(connection).getRcode(), "the query itself is still answered");
        assertEquals(Rcode.REFUSED, request(2, subscribe(BROWSE, Type.PTR)).rcode());
        assertTrue(f.log.contains("INFO", "not bound to a zone"));
    }

    @Test
    void aBindingProofReplayedOnAnotherConnectionBindsNothing() {
        byte[] proof = signedProof(connection);
        f.server.requests().handle(proof, connection);
        assertEquals(Rcode.NOERROR, request(2, subscribe(BROWSE, Type.PTR)).rcode(), "the victim's session");

        RecordingConnection attacker = new RecordingConnection(DnsTransport.TLS);
        signedProof(attacker);
        f.server.requests().handle(proof, attacker);
        f.server.requests().handle(DsoMessage.request(3, subscribe(BROWSE, Type.PTR)).toWire(), attacker);
        assertEquals(Rcode.REFUSED, attacker.last().rcode(), "a proof made for another connection");
        assertTrue(f.log.contains("INFO", "does not carry the server cookie"));
    }

    private DsoMessage request(int id, DsoMessage.Tlv primary) {
        f.server.requests().handle(DsoMessage.request(id, primary).toWire(), connection);
        return connection.last();
    }

    private static DsoMessage.Tlv subscribe(Name name, int type) {
        return DsoMessage.Tlv.subscribe(name, type, DClass.IN);
    }

    @Test
    void encodesAndDecodesKnownDsoMessages() throws Exception {
        HexFormat hex = HexFormat.of();
        DsoMessage keepalive = DsoMessage.parse(hex.parseHex("000130000000000000000000000100080000" + "3a9800003a98"));
        assertEquals(1, keepalive.id());
        assertFalse(keepalive.response());
        assertEquals(DsoMessage.KEEPALIVE, keepalive.tlvs().get(0).type());
        assertEquals("0001b000000000000000000000010008000927c00000ea60", hex.formatHex(DsoMessage.reply(1, 0,
                List.of(DsoMessage.Tlv.keepalive(600_000, 60_000))).toWire()));
        Name btmm = Name.fromConstantString("_afpovertcp._tcp.alice.btmm.example.");
        String subscribe = "00023000000000000000000000400029" + "0b5f6166706f766572746370045f746370"
                + "05616c6963650462746d6d076578616d706c6500000c0001";
        assertEquals(subscribe, hex.formatHex(new DsoMessage(2, false, 0, List.of(subscribe(btmm, Type.PTR))).toWire()));
        Record ptr = Record.fromString(btmm, Type.PTR, DClass.IN, 4500, "alice-mbp._afpovertcp._tcp.alice.btmm.example.",
                Name.root);
        byte[] push = DsoMessage.unidirectional(new DsoMessage.Tlv(DsoMessage.PUSH, RecordWire.added(ptr))).toWire();
        assertEquals(110, push.length);
        assertEquals("000030000000000000000000" + "0041005e", hex.formatHex(push, 0, 16));
        assertEquals("000030000000000000000000004200020002",
                hex.formatHex(DsoMessage.unidirectional(new DsoMessage.Tlv(DsoMessage.UNSUBSCRIBE, new byte[] {0, 2}))
                        .toWire()));
    }

    @Test
    void rejectsMalformedDsoMessages() {
        HexFormat hex = HexFormat.of();
        assertThrows(IllegalArgumentException.class, () -> DsoMessage.parse(hex.parseHex("0001300000010000000000000001")),
                "records in a section");
        assertThrows(IllegalArgumentException.class, () -> DsoMessage.parse(hex.parseHex("00013000000000000000000000010008")),
                "a TLV longer than the message");
    }

    @Test
    void closesASessionWhoseClientStopsSendingKeepalives() {
        bind();
        assertEquals(Rcode.NOERROR, request(1, DsoMessage.Tlv.keepalive(15_000, 15_000)).rcode());
        assertEquals(Rcode.NOERROR, request(2, subscribe(BROWSE, Type.PTR)).rcode());
        assertEquals(Duration.ofSeconds(125), connection.idleTimeout, "the transport waits longer than the session");
        f.clock.advance(Duration.ofSeconds(100));
        request(3, DsoMessage.Tlv.keepalive(15_000, 15_000));
        f.clock.advance(Duration.ofSeconds(100));
        f.server.watches().tick();
        assertFalse(connection.closed, "a keepalive 100 s ago is within twice the 60 s interval");
        f.clock.advance(Duration.ofSeconds(21));
        f.server.watches().tick();
        assertTrue(connection.closed);
        assertTrue(f.server.watches().watches().isEmpty());
    }

    @Test
    void closesASessionWithoutSubscriptionsAfterTwiceTheInactivityTimeout() {
        bind();
        request(1, DsoMessage.Tlv.keepalive(15_000, 15_000));
        f.clock.advance(Duration.ofSeconds(60));
        f.server.watches().tick();
        assertFalse(connection.closed);
        f.clock.advance(Duration.ofSeconds(1));
        f.server.watches().tick();
        assertTrue(connection.closed);
    }

    @Test
    void answersAnUnknownRequestTypeWithDsoTypeNi() {
        DsoMessage reply = request(7, new DsoMessage.Tlv(0xF900, new byte[0]));
        assertEquals(DsoMessage.DSOTYPENI, reply.rcode());
        assertEquals(7, reply.id());
        assertFalse(connection.closed);
    }

    @Test
    void aHostKeyBindsItsZoneAndItsDeletionClosesOnlyItsConnection() throws IOException {
        Name laptop = f.enrollHost(ALICE, "laptop", 11);
        f.server.requests().handle(signedProof(connection, laptop), connection);
        assertEquals(Rcode.NOERROR, request(2, subscribe(BROWSE, Type.PTR)).rcode(), "bound by the host key");
        RecordingConnection master = new RecordingConnection(DnsTransport.TLS);
        f.server.requests().handle(signedProof(master, ALICE), master);
        f.server.requests().handle(DsoMessage.request(2, subscribe(BROWSE, Type.PTR)).toWire(), master);
        assertEquals(2, f.server.watches().watches().size());

        f.keys.remove(laptop.toString());
        f.server.removeHost(ALICE, laptop, laptop);

        assertTrue(connection.closed);
        assertFalse(master.closed);
        assertEquals(1, f.server.watches().watches().size());
        assertTrue(f.log.contains("INFO", "its key laptop.alice.members.example. was deleted"));
    }

    @Test
    void aDuplicateSubscribeIsFatal() {
        bind();
        assertEquals(Rcode.NOERROR, request(2, subscribe(BROWSE, Type.PTR)).rcode());
        f.server.requests().handle(DsoMessage.request(3, subscribe(BROWSE, Type.PTR)).toWire(), connection);
        assertTrue(connection.closed);
    }

    @Test
    void aUnidirectionalMessageBeforeTheSessionIsFatal() {
        bind();
        f.server.requests().handle(DsoMessage.unsubscribe(2).toWire(), connection);
        assertTrue(connection.closed);
    }

    @Test
    void subscriptionsBeyondTheLimitGetServfailWithARetryDelay() throws IOException {
        useSettings(new WatchSettings(900, 7200, 64, 10_000, 1, 10_000, Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofSeconds(90)));
        bind();
        assertEquals(Rcode.NOERROR, request(2, subscribe(BROWSE, Type.PTR)).rcode());
        DsoMessage refused = request(3, subscribe(ALICE, Type.SOA));
        assertEquals(Rcode.SERVFAIL, refused.rcode());
        assertEquals(DsoMessage.RETRY_DELAY, refused.tlvs().get(0).type());
        assertEquals(90_000, ByteBuffer.wrap(refused.tlvs().get(0).data()).getInt());
        assertFalse(connection.closed, "the session and its first subscription stay");
        assertEquals(1, f.server.watches().watches().size());
    }
}
