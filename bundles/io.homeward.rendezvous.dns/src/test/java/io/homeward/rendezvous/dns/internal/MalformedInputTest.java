package io.homeward.rendezvous.dns.internal;

import static io.homeward.rendezvous.dns.internal.ServerFixture.ALICE;
import static io.homeward.rendezvous.dns.internal.ServerFixture.rr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

import io.homeward.api.dns.DnsTransport;

class MalformedInputTest {
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

    @Test
    void randomBytesNeverThrowAndGetAtMostOneParsableAnswer() throws IOException {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] garbage = new byte[random.nextInt(600)];
            random.nextBytes(garbage);
            assertHandled(garbage);
        }
        assertFalse(f.log.contains("ERROR", ""), "no exception reached the catch-all: " + f.log.lines());
    }

    @Test
    void everyPrefixOfASignedUpdateIsHandled() throws IOException {
        Update update = new Update(ALICE);
        update.add(rr("host", Type.A, "203.0.113.1"));
        update.addRecord(ServerFixture.leaseOpt(3600), Section.ADDITIONAL);
        f.clientKey(ALICE, TSIG.HMAC_SHA256).apply(update, null);
        byte[] wire = update.toWire();
        for (int length = 0; length < wire.length; length++) {
            FakeResponder responder = assertHandled(Arrays.copyOf(wire, length));
            if (length < 12) {
                assertTrue(responder.sent().isEmpty(), "no header, no answer");
            } else {
                assertEquals(Rcode.FORMERR, responder.only().getRcode(), "prefix of " + length);
            }
        }
        assertEquals(Rcode.NXDOMAIN, f.query(QueryAnswerTest.name("host"), Type.A).getRcode());
    }

    @Test
    void compressionLoopIsFormerr() throws IOException {
        ByteBuffer wire = ByteBuffer.allocate(20);
        wire.putShort((short) 0x1234).putShort((short) 0).putShort((short) 1).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0);
        wire.put((byte) 0xC0).put((byte) 12); // a name that points at itself
        wire.putShort((short) Type.A).putShort((short) DClass.IN);
        FakeResponder responder = assertHandled(Arrays.copyOf(wire.array(), wire.position()));
        Message response = responder.only();
        assertEquals(Rcode.FORMERR, response.getRcode());
        assertEquals(0x1234, response.getHeader().getID());
    }

    @Test
    void hugeCountsAreFormerr() throws IOException {
        byte[] request = Message.newQuery(Record.newRecord(ALICE, Type.SOA, DClass.IN)).toWire();
        request[6] = (byte) 0xFF;
        request[7] = (byte) 0xFF;
        assertEquals(Rcode.FORMERR, assertHandled(request).only().getRcode());
    }

    @Test
    void oversizedMessageIsFormerr() throws IOException {
        byte[] request = Arrays.copyOf(Message.newQuery(Record.newRecord(ALICE, Type.SOA, DClass.IN)).toWire(),
                70_000);
        assertEquals(Rcode.FORMERR, assertHandled(request).only().getRcode());
    }

    @Test
    void responsesAreNeverAnswered() throws IOException {
        Message response = f.query(ALICE, Type.SOA);
        assertTrue(assertHandled(response.toWire()).sent().isEmpty());
    }

    @Test
    void unknownOpcodeIsNotimp() throws IOException {
        Message request = Message.newQuery(Record.newRecord(ALICE, Type.SOA, DClass.IN));
        request.getHeader().setOpcode(Opcode.NOTIFY);
        assertEquals(Rcode.NOTIMP, assertHandled(request.toWire()).only().getRcode());
        request.getHeader().setOpcode(Opcode.STATUS);
        assertEquals(Rcode.NOTIMP, assertHandled(request.toWire()).only().getRcode());
    }

    @Test
    void queryWithoutExactlyOneQuestionIsFormerr() throws IOException {
        Message two = Message.newQuery(Record.newRecord(ALICE, Type.SOA, DClass.IN));
        two.addRecord(Record.newRecord(ALICE, Type.NS, DClass.IN), Section.QUESTION);
        assertEquals(Rcode.FORMERR, assertHandled(two.toWire()).only().getRcode());
        Message none = new Message();
        assertEquals(Rcode.FORMERR, assertHandled(none.toWire()).only().getRcode());
    }

    @Test
    void twoOptRecordsAreFormerr() throws IOException {
        Message request = Message.newQuery(Record.newRecord(ALICE, Type.SOA, DClass.IN));
        request.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        request.addRecord(new OPTRecord(4096, 0, 0), Section.ADDITIONAL);
        assertEquals(Rcode.FORMERR, assertHandled(request.toWire()).only().getRcode());
    }

    @Test
    void tsigThatIsNotLastIsFormerr() throws IOException {
        Message request = Message.newQuery(Record.newRecord(ALICE, Type.SOA, DClass.IN));
        f.clientKey(ALICE, TSIG.HMAC_SHA256).apply(request, null);
        request.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        assertEquals(Rcode.FORMERR, assertHandled(request.toWire()).only().getRcode());
    }

    @Test
    void otherClassesAreRefused() throws IOException {
        Message chaos = Message.newQuery(Record.newRecord(ALICE, Type.TXT, DClass.CH));
        assertEquals(Rcode.REFUSED, assertHandled(chaos.toWire()).only().getRcode());
    }

    @Test
    void metaQueryTypesAreRejected() throws IOException {
        Message mailb = Message.newQuery(Record.newRecord(ALICE, Type.MAILB, DClass.IN));
        assertEquals(Rcode.NOTIMP, assertHandled(mailb.toWire()).only().getRcode());
        Message opt = Message.newQuery(Record.newRecord(ALICE, Type.OPT, DClass.IN));
        assertEquals(Rcode.FORMERR, assertHandled(opt.toWire()).only().getRcode());
    }

    /** Feeds the bytes over UDP; every answer sent must itself parse. */
    private FakeResponder assertHandled(byte[] wire) throws IOException {
        FakeResponder responder = new FakeResponder(DnsTransport.UDP);
        f.server.requests().handle(wire, responder);
        assertTrue(responder.sent().size() <= 1);
        for (byte[] sent : responder.sent()) {
            new Message(sent);
        }
        return responder;
    }
}
