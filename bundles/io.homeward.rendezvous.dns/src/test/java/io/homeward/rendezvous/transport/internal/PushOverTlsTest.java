package io.homeward.rendezvous.transport.internal;

import static io.homeward.rendezvous.dns.internal.ServerFixture.ALICE;
import static io.homeward.rendezvous.dns.internal.ServerFixture.BOB;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

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
import org.xbill.DNS.Update;

import io.homeward.api.watch.WatchMechanism;
import io.homeward.kit.dns.wire.DsoMessage;
import io.homeward.kit.dns.wire.LlqOption;
import io.homeward.rendezvous.dns.internal.ServerFixture;
import io.homeward.rendezvous.dns.internal.watch.RecordWire;
import io.homeward.rendezvous.dns.internal.watch.WatchSettings;

/** DNS Push end to end: the real DNS-over-TLS listener with the server as its in-process request handler. */
class PushOverTlsTest {
    static final Name BROWSE = Name.fromConstantString("_afpovertcp._tcp.alice.members.example.");
    /** The transport closes silent connections after this long, unless a DSO session says otherwise. */
    static final long IDLE_MILLIS = 1000;

    @TempDir
    Path dir;
    ServerFixture f;
    ListenerSet listeners;
    TlsIdentity identity;

    @BeforeEach
    void start() throws Exception {
        f = new ServerFixture(dir.resolve("dns"));
        SecureRandom random = new SecureRandom();
        identity = TlsIdentityStore.selfSigned(dir.resolve("tls"), "ns.members.example", Clock.systemUTC(), random,
                f.log.logger());
        listeners = new ListenerSet(new ListenerSettings(InetAddress.getLoopbackAddress(), 0, 0,
                new StreamSettings(16, 64, IDLE_MILLIS, 262_144, 16), 2, 64), f.server.requests(), identity,
                f.server.watches()::closed, Clock.systemUTC(), random, f.log.logger());
    }

    @AfterEach
    void stop() throws Exception {
        listeners.close();
        f.close();
    }

    private DsoTestClient connect() throws Exception {
        return DsoTestClient.tls(identity.leaf(), listeners.status().tlsPort());
    }

    private TSIG aliceKey() {
        return f.clientKey(ALICE, TSIG.HMAC_SHA256);
    }

    static Record ptr(String instance) {
        return ServerFixture.rr("_afpovertcp._tcp", Type.PTR, 300, instance + "._afpovertcp._tcp", ALICE);
    }

    private static void assertPush(DsoMessage message, byte[]... records) {
        assertEquals(0, message.id(), "PUSH is unidirectional");
        assertFalse(message.response());
        assertEquals(DsoMessage.PUSH, message.tlvs().get(0).type());
        ByteBuffer expected = ByteBuffer.allocate(65535);
        for (byte[] r : records) {
            expected.put(r);
        }
        assertArrayEquals(java.util.Arrays.copyOf(expected.array(), expected.position()), message.tlvs().get(0).data());
    }

    @Test
    void pushesTheCurrentAnswersThenEveryAddAndRemove() throws Exception {
        f.addToAlice(ptr("alice-mbp"));
        try (DsoTestClient client = connect()) {
            assertEquals(Rcode.NOERROR, client.bind(ALICE, aliceKey()).getRcode());
            DsoMessage subscribed = client.request(2, DsoMessage.Tlv.subscribe(BROWSE, Type.PTR, DClass.IN));
            assertEquals(DsoMessage.reply(2, Rcode.NOERROR, List.of()).toString(), subscribed.toString());
            assertTrue(subscribed.tlvs().isEmpty());
            assertPush(client.readDso(), RecordWire.added(ptr("alice-mbp")));

            f.addToAlice(ptr("alice-mini"));
            assertPush(client.readDso(), RecordWire.added(ptr("alice-mini")));
            Update delete = new Update(ALICE);
            delete.delete(ptr("alice-mbp"));
            assertEquals(Rcode.NOERROR, f.signedUpdate(delete).getRcode());
            assertPush(client.readDso(), RecordWire.removed(ptr("alice-mbp")));
            assertEquals(WatchMechanism.DNS_PUSH, f.server.watches().watches().get(0).mechanism());

            client.send(DsoMessage.unsubscribe(2).toWire());
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!f.server.watches().watches().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(f.server.watches().watches().isEmpty(), "UNSUBSCRIBE ends the subscription");
            f.addToAlice(ptr("after-unsubscribe"));
            DsoMessage next = client.request(3, DsoMessage.Tlv.keepalive(15_000, 15_000));
            assertEquals(3, next.id(), "no PUSH after UNSUBSCRIBE: the next message is the keepalive answer");

            f.server.watches().shutdown();
            DsoMessage retry = client.readDso();
            assertEquals(DsoMessage.RETRY_DELAY, retry.tlvs().get(0).type());
            assertEquals(WatchSettings.DEFAULTS.retryDelay().toMillis(), (long) ByteBuffer.wrap(retry.tlvs().get(0).data()).getInt());
        }
    }

    /** An agent watches every machine of its user on one session: five names each, 128 machines here. */
    @Test
    void oneSessionCarriesHundredsOfSubscriptionsAndPushesEachChangeOnce() throws Exception {
        int names = 640;
        int window = 16;
        try (DsoTestClient client = connect()) {
            assertEquals(Rcode.NOERROR, client.bind(ALICE, aliceKey()).getRcode());
            for (int first = 0; first < names; first += window) {
                for (int n = first; n < first + window; n++) {
                    client.send(DsoMessage.request(n + 2, DsoMessage.Tlv.subscribe(
                            Name.fromString("peer" + n, ALICE), Type.AAAA, DClass.IN)).toWire());
                }
                for (int n = first; n < first + window; n++) {
                    DsoMessage answer = client.readDso();
                    assertTrue(answer.response());
                    assertEquals(Rcode.NOERROR, answer.rcode(), "SUBSCRIBE " + answer.id());
                }
            }
            assertEquals(names, f.server.watches().watches().size());
            Record moved = ServerFixture.rr("peer" + (names - 1), Type.AAAA, 60, "fd00::1", ALICE);
            f.addToAlice(moved);
            assertPush(client.readDso(), RecordWire.added(moved));
            DsoMessage next = client.request(1, DsoMessage.Tlv.keepalive(15_000, 15_000));
            assertEquals(1, next.id(), "one PUSH for the one subscription of the name");
        }
    }

    @Test
    void refusesSubscribeOnAnUnboundConnectionAndOutsideTheBoundZone() throws Exception {
        try (DsoTestClient client = connect()) {
            assertEquals(Rcode.REFUSED,
                    client.request(2, DsoMessage.Tlv.subscribe(BROWSE, Type.PTR, DClass.IN)).rcode());
            client.bind(ALICE, aliceKey());
            Name bobs = Name.fromConstantString("_afpovertcp._tcp.bob.members.example.");
            assertEquals(Rcode.REFUSED,
                    client.request(3, DsoMessage.Tlv.subscribe(bobs, Type.PTR, DClass.IN)).rcode());
            assertEquals(Rcode.REFUSED,
                    client.request(4, DsoMessage.Tlv.subscribe(BOB, Type.SOA, DClass.IN)).rcode());
            assertEquals(Rcode.NOERROR,
                    client.request(5, DsoMessage.Tlv.subscribe(BROWSE, Type.PTR, DClass.IN)).rcode());
        }
    }

    @Test
    void anSoaQuerySignedWithAnotherZonesKeyDoesNotBind() throws Exception {
        try (DsoTestClient client = connect()) {
            client.bind(BOB, f.clientKey(BOB, TSIG.HMAC_SHA256));
            assertEquals(Rcode.REFUSED,
                    client.request(2, DsoMessage.Tlv.subscribe(BROWSE, Type.PTR, DClass.IN)).rcode());
        }
    }

    @Test
    void theKeepaliveSessionOutlivesTheTransportIdleTimeout() throws Exception {
        try (DsoTestClient session = connect(); DsoTestClient plain = connect()) {
            session.bind(ALICE, aliceKey());
            plain.bind(ALICE, aliceKey());
            DsoMessage keepalive = session.request(1, DsoMessage.Tlv.keepalive(15_000, 15_000));
            assertEquals(Rcode.NOERROR, keepalive.rcode());
            ByteBuffer values = ByteBuffer.wrap(keepalive.tlvs().get(0).data());
            assertEquals(30_000, values.getInt(), "the server's inactivity timeout");
            assertEquals(60_000, values.getInt(), "the server's keepalive interval");
            assertTrue(plain.closedByServer(), "a connection without a session still times out");
            Thread.sleep(IDLE_MILLIS);
            assertEquals(Rcode.NOERROR,
                    session.request(2, DsoMessage.Tlv.subscribe(BROWSE, Type.PTR, DClass.IN)).rcode(),
                    "the session connection is still open after twice the idle timeout");
        }
    }

    @Test
    void anLlqOverTlsGetsItsAnswersAndEventsAndOutlivesTheIdleTimeout() throws Exception {
        f.addToAlice(ptr("alice-mbp"));
        try (DsoTestClient client = connect()) {
            Message setup = Message.newQuery(Record.newRecord(BROWSE, Type.PTR, org.xbill.DNS.DClass.IN));
            setup.addRecord(new org.xbill.DNS.OPTRecord(1440, 0, 0, 0, List.of(
                    LlqOption.reply(LlqOption.SETUP, 0, 0, 3600).toOption())), org.xbill.DNS.Section.ADDITIONAL);
            aliceKey().apply(setup, null);
            client.send(setup.toWire());
            Message ack = new Message(client.read());
            assertEquals(List.of(ptr("alice-mbp")), ack.getSection(org.xbill.DNS.Section.ANSWER),
                    "over a stream the setup is answered at once, without a challenge");
            long id = LlqOption.from(ack.getOPT()).orElseThrow().id();
            Thread.sleep(2 * IDLE_MILLIS);
            f.addToAlice(ptr("alice-mini"));
            Message event = new Message(client.read());
            assertEquals(new LlqOption(1, LlqOption.EVENT, 0, id, 3600), LlqOption.from(event.getOPT()).orElseThrow());
            assertEquals(List.of(ptr("alice-mini")), event.getSection(org.xbill.DNS.Section.ANSWER));
            assertEquals(WatchMechanism.LLQ_TLS, f.server.watches().watches().get(0).mechanism());
        }
    }

    @Test
    void dsoOverPlainTcpIsRefused() throws Exception {
        try (DsoTestClient client = DsoTestClient.tcp(listeners.status().tcpPort())) {
            client.bind(ALICE, aliceKey());
            assertEquals(Rcode.REFUSED, client.request(1, DsoMessage.Tlv.keepalive(15_000, 15_000)).rcode());
            assertEquals(Rcode.REFUSED,
                    client.request(2, DsoMessage.Tlv.subscribe(BROWSE, Type.PTR, DClass.IN)).rcode());
            assertTrue(f.server.watches().watches().isEmpty());
            Message plainQuery = Message.newQuery(Record.newRecord(ALICE, Type.SOA, org.xbill.DNS.DClass.IN));
            client.send(plainQuery.toWire());
            assertEquals(Rcode.NOERROR, new Message(client.read()).getRcode(), "ordinary DNS still works");
        }
    }
}
