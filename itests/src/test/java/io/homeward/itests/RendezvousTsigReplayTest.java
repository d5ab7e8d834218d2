package io.homeward.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * TSIG hardening against the real rendezvous runtime: hmac-sha1 with the real nsupdate (RFC 8945 §6), FORMERR
 * for a truncated MAC (§5.2.2.1), and captured signed messages that cannot be replayed: a DELETE sent again,
 * and an SOA query seen in clear over UDP used to bind a DNS Push session over TLS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RendezvousTsigReplayTest {
    private static final String ZONE = "alice.members.example.";

    @TempDir
    static Path dir;

    private RendezvousServer server;

    @BeforeAll
    void start() throws Exception {
        server = RendezvousServer.start(dir, 60);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void nsupdateWithHmacSha1AddsARecord() throws Exception {
        Tool.Result add = Tool.run("server 127.0.0.1 " + server.dnsPort + "\nzone " + ZONE
                + "\nupdate add sha1.alice.members.example. 120 A 192.0.2.11\nsend\n", "nsupdate", "-y",
                RendezvousServer.toolKey("hmac-sha1", "alice"));
        assertEquals(0, add.exit(), add.out());
        assertTrue(dig("+short", "A", "sha1.alice.members.example.").contains("192.0.2.11"));
    }

    @Test
    void aCapturedDeleteReplayedAfterTheRecordWasAddedAgainIsRefused() throws Exception {
        assertEquals(Rcode.NOERROR, udp(signedUpdate(update -> update.add(host(), Type.A, 60, "192.0.2.21"))).getRcode());
        byte[] delete = signedUpdate(update -> update.delete(host(), Type.A));
        assertEquals(Rcode.NOERROR, udp(delete).getRcode());
        assertEquals(Rcode.NOERROR, udp(signedUpdate(update -> update.add(host(), Type.A, 60, "192.0.2.21"))).getRcode());

        assertEquals(Rcode.REFUSED, udp(delete).getRcode(), "the captured DELETE sent again");
        assertTrue(dig("+short", "A", "replayed.alice.members.example.").contains("192.0.2.21"), "the record stays");
    }

    @Test
    void aMacTruncatedBelowTheMinimumGetsFormerr() throws Exception {
        Message query = Message.newQuery(Record.newRecord(Name.fromString(ZONE), Type.SOA, DClass.IN));
        aliceKey().apply(query, null);
        TSIGRecord full = query.getTSIG();
        Message truncated = new Message(query.toWire());
        truncated.removeRecord(truncated.getTSIG(), Section.ADDITIONAL);
        truncated.addRecord(new TSIGRecord(full.getName(), DClass.ANY, 0, full.getAlgorithm(), full.getTimeSigned(),
                full.getFudge(), Arrays.copyOf(full.getSignature(), 8), full.getOriginalID(), 0, null),
                Section.ADDITIONAL);
        Message answer = udp(truncated.toWire());
        assertEquals(Rcode.FORMERR, answer.getRcode());
        assertNull(answer.getTSIG());
    }

    @Test
    void aSignedSoaQuerySeenInClearOverUdpBindsNoDnsPushSession() throws Exception {
        Message query = Message.newQuery(Record.newRecord(Name.fromString(ZONE), Type.SOA, DClass.IN));
        aliceKey().apply(query, null);
        byte[] captured = query.toWire();
        assertEquals(Rcode.NOERROR, udp(captured).getRcode(), "the victim's query over UDP");

        try (RawPushClient attacker = new RawPushClient(server.tlsPort)) {
            assertEquals(Rcode.NOERROR, attacker.send(captured), "answered, as any SOA query");
            assertEquals(Rcode.REFUSED, attacker.subscribe(2, "_afpovertcp._tcp." + ZONE, Type.PTR));
        }
        try (RawPushClient victim = new RawPushClient(server.tlsPort)) {
            assertEquals(Rcode.NOERROR, victim.bindWithSignedSoa(ZONE, RendezvousServer.key("alice")));
            assertEquals(Rcode.NOERROR, victim.subscribe(2, "_afpovertcp._tcp." + ZONE, Type.PTR));
        }
    }

    private interface Change {
        void apply(Update update) throws Exception;
    }

    private byte[] signedUpdate(Change change) throws Exception {
        Update update = new Update(Name.fromString(ZONE));
        change.apply(update);
        aliceKey().apply(update, null);
        return update.toWire();
    }

    private static Name host() throws Exception {
        return Name.fromString("replayed." + ZONE);
    }

    private static TSIG aliceKey() throws Exception {
        return new TSIG(TSIG.HMAC_SHA256, Name.fromString(ZONE),
                new SecretKeySpec(RendezvousServer.key("alice").secret(), "HmacSHA256"));
    }

    private Message udp(byte[] wire) throws Exception {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(5000);
            socket.send(new DatagramPacket(wire, wire.length, InetAddress.getByName("127.0.0.1"), server.dnsPort));
            DatagramPacket answer = new DatagramPacket(new byte[4096], 4096);
            socket.receive(answer);
            return new Message(Arrays.copyOf(answer.getData(), answer.getLength()));
        }
    }

    private String dig(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("dig", "@127.0.0.1", "-p", Integer.toString(server.dnsPort)));
        command.addAll(List.of(args));
        return Tool.run(null, command.toArray(new String[0])).out();
    }
}
