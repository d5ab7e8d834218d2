package io.homeward.rendezvous.dns.internal;

import static io.homeward.rendezvous.dns.internal.ServerFixture.ALICE;
import static io.homeward.rendezvous.dns.internal.ServerFixture.rr;
import static io.homeward.rendezvous.dns.internal.QueryAnswerTest.name;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Options;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

import io.homeward.api.dns.DnsTransport;

class TsigTest {
    @TempDir
    Path dir;
    ServerFixture f;

    @BeforeEach
    void setUp() throws IOException {
        f = new ServerFixture(dir);
    }

    @AfterEach
    void tearDown() throws IOException {
        f.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hmac-sha256.", "hmac-sha1.", "hmac-sha512.", "hmac-md5.sig-alg.reg.int."})
    void acceptsEachAlgorithmAndSignsTheResponseWithIt(String algorithm) {
        Name alg = Name.fromConstantString(algorithm);
        TSIG key = f.clientKey(ALICE, alg);
        Update update = addHost();
        key.apply(update, null);
        FakeResponder responder = new FakeResponder(DnsTransport.UDP);
        f.server.requests().handle(update.toWire(), responder);
        Message response = responder.only();
        assertEquals(Rcode.NOERROR, response.getRcode());
        assertEquals(alg, response.getTSIG().getAlgorithm());
        assertEquals(Rcode.NOERROR, key.verify(response, responder.sent().get(0), update.getTSIG()));
        assertEquals(1, f.query(name("host"), Type.A).getSection(1).size());
    }

    @Test
    void unknownKeyGetsUnsignedBadkey() {
        TSIG stranger = new TSIG(TSIG.HMAC_SHA256, Name.fromConstantString("carol.members.example."),
                new SecretKeySpec(ServerFixture.secret(9), "HmacSHA256"), f.clock);
        Message response = sendSigned(stranger);
        assertEquals(Rcode.NOTAUTH, response.getRcode());
        assertEquals(Rcode.BADKEY, response.getTSIG().getError());
        assertEquals(0, response.getTSIG().getSignature().length);
        assertEquals(Rcode.NXDOMAIN, f.query(name("host"), Type.A).getRcode());
    }

    @Test
    void unacceptedAlgorithmGetsBadkey() {
        TSIG sha384 = new TSIG(TSIG.HMAC_SHA384, ALICE,
                new SecretKeySpec(f.keys.get(ALICE.toString()).secret(), "HmacSHA384"), f.clock);
        Message response = sendSigned(sha384);
        assertEquals(Rcode.BADKEY, response.getTSIG().getError());
    }

    @Test
    void wrongSecretGetsUnsignedBadsig() {
        TSIG forged = new TSIG(TSIG.HMAC_SHA256, ALICE, new SecretKeySpec(ServerFixture.secret(7), "HmacSHA256"),
                f.clock);
        Message response = sendSigned(forged);
        assertEquals(Rcode.NOTAUTH, response.getRcode());
        assertEquals(Rcode.BADSIG, response.getTSIG().getError());
        assertEquals(0, response.getTSIG().getSignature().length);
        assertEquals(Rcode.NXDOMAIN, f.query(name("host"), Type.A).getRcode());
    }

    @Test
    void skewedClockGetsSignedBadtimeWithServerTime() {
        Clock skewed = Clock.fixed(ServerFixture.START.minus(Duration.ofSeconds(301)), ZoneOffset.UTC);
        TSIG key = new TSIG(TSIG.HMAC_SHA256, ALICE,
                new SecretKeySpec(f.keys.get(ALICE.toString()).secret(), "HmacSHA256"), skewed);
        Update update = addHost();
        key.apply(update, null);
        FakeResponder responder = new FakeResponder(DnsTransport.UDP);
        f.server.requests().handle(update.toWire(), responder);
        Message response = responder.only();
        assertEquals(Rcode.NOTAUTH, response.getRcode());
        TSIGRecord tsig = response.getTSIG();
        assertEquals(Rcode.BADTIME, tsig.getError());
        assertEquals(update.getTSIG().getTimeSigned(), tsig.getTimeSigned());
        assertArrayEquals(time48(ServerFixture.START), tsig.getOther());
        assertEquals(Rcode.NOERROR, key.verify(response, responder.sent().get(0), update.getTSIG()),
                "the BADTIME answer is signed with the zone's key");
        assertEquals(Rcode.NXDOMAIN, f.query(name("host"), Type.A).getRcode());
    }

    @Test
    void largeClientFudgeDoesNotWidenTheWindow() {
        Options.set("tsigfudge", "3600");
        try {
            Clock behind = Clock.fixed(ServerFixture.START.minus(Duration.ofSeconds(400)), ZoneOffset.UTC);
            TSIG key = new TSIG(TSIG.HMAC_SHA256, ALICE,
                    new SecretKeySpec(f.keys.get(ALICE.toString()).secret(), "HmacSHA256"), behind);
            Message response = sendSigned(key);
            assertEquals(Rcode.BADTIME, response.getTSIG().getError());
        } finally {
            Options.unset("tsigfudge");
        }
    }

    @Test
    void withinFudgeIsAccepted() {
        f.clock.advance(Duration.ofSeconds(299));
        Clock behind = Clock.fixed(ServerFixture.START, ZoneOffset.UTC);
        TSIG key = new TSIG(TSIG.HMAC_SHA256, ALICE,
                new SecretKeySpec(f.keys.get(ALICE.toString()).secret(), "HmacSHA256"), behind);
        Message response = sendSigned(key);
        assertEquals(Rcode.NOERROR, response.getRcode());
        assertNotNull(response.getTSIG());
    }

    @Test
    void signedQueryGetsSignedAnswer() {
        TSIG key = f.clientKey(ALICE, TSIG.HMAC_SHA256);
        Message query = Message.newQuery(org.xbill.DNS.Record.newRecord(ALICE, Type.SOA, org.xbill.DNS.DClass.IN));
        key.apply(query, null);
        FakeResponder responder = new FakeResponder(DnsTransport.UDP);
        f.server.requests().handle(query.toWire(), responder);
        Message response = responder.only();
        assertEquals(Rcode.NOERROR, key.verify(response, responder.sent().get(0), query.getTSIG()));
    }

    /** RFC 8945 §5.2.2.1: a MAC shorter than max(10 bytes, half the hash) is a format error, not a bad signature. */
    @ParameterizedTest
    @ValueSource(ints = {0, 9, 15})
    void aMacTruncatedBelowTheMinimumGetsFormerr(int length) throws IOException {
        Update update = addHost();
        f.clientKey(ALICE, TSIG.HMAC_SHA256).apply(update, null);
        TSIGRecord full = update.getTSIG();
        Message truncated = new Message(update.toWire());
        truncated.removeRecord(truncated.getTSIG(), Section.ADDITIONAL);
        truncated.addRecord(new TSIGRecord(full.getName(), DClass.ANY, 0, full.getAlgorithm(), full.getTimeSigned(),
                full.getFudge(), Arrays.copyOf(full.getSignature(), length), full.getOriginalID(), 0, null),
                Section.ADDITIONAL);
        Message response = f.send(truncated, DnsTransport.UDP);
        assertEquals(Rcode.FORMERR, response.getRcode());
        assertNull(response.getTSIG());
        assertEquals(Rcode.NXDOMAIN, f.query(name("host"), Type.A).getRcode());
    }

    private Message sendSigned(TSIG key) {
        Update update = addHost();
        key.apply(update, null);
        return f.send(update, DnsTransport.UDP);
    }

    private static Update addHost() {
        Update update = new Update(ALICE);
        update.add(rr("host", Type.A, "203.0.113.1"));
        return update;
    }

    private static byte[] time48(Instant instant) {
        long t = instant.getEpochSecond();
        return new byte[] {(byte) (t >>> 40), (byte) (t >>> 32), (byte) (t >>> 24), (byte) (t >>> 16),
                (byte) (t >>> 8), (byte) t};
    }
}
