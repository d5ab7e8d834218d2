package io.homeward.rendezvous.dns.internal.llq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.crypto.spec.SecretKeySpec;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

import io.homeward.api.dns.DnsTransport;
import io.homeward.kit.dns.wire.LlqOption;
import io.homeward.rendezvous.dns.internal.DnsServer;
import io.homeward.rendezvous.dns.internal.FakeResponder;
import io.homeward.rendezvous.dns.internal.ServerFixture;
import io.homeward.rendezvous.dns.internal.watch.WatchSettings;

/** The client side of LLQ for tests: builds messages with dnsjava, sends them through the server, reads replies. */
final class LlqClient {
    static final Name BROWSE = Name.fromConstantString("_afpovertcp._tcp.alice.members.example.");

    final ServerFixture f;
    final Random random = new Random(7);

    LlqClient(java.nio.file.Path dir, WatchSettings settings) throws IOException {
        f = new ServerFixture(dir);
        f.server.close();
        f.server = new DnsServer(ServerFixture.settings(100_000, 5, 20, List.of()), settings,
                name -> java.util.Optional.ofNullable(f.keys.get(name)), f::scope, f.clock, random, Runnable::run, dir,
                f.log.logger());
    }

    /** An LLQ query the way Apple's client sends it: RD set, OPT with payload 1440 and one LLQ option. */
    static Message request(Name name, int type, int messageId, int opcode, long id, long lease) {
        Message m = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        m.getHeader().setID(messageId);
        m.addRecord(new OPTRecord(1440, 0, 0, 0, List.of(new LlqOption(1, opcode, 0, id, lease).toOption())),
                Section.ADDITIONAL);
        return m;
    }

    Message signed(Message m, Name zone) {
        f.clientKey(zone, TSIG.HMAC_SHA256).apply(m, null);
        return m;
    }

    /** Signs with a host key the server no longer knows (the fixture's secret of that seed). */
    Message signedWithDeletedKey(Message m, Name key, int seed) {
        new TSIG(TSIG.HMAC_SHA256, key, new SecretKeySpec(ServerFixture.secret(seed), "HmacSHA256"), f.clock)
                .apply(m, null);
        return m;
    }

    /** Sends and returns the single reply, checking its signature when signed. */
    Message exchange(Message m, FakeResponder responder) {
        int before = responder.sent().size();
        f.server.requests().handle(m.toWire(), responder);
        if (responder.sent().size() != before + 1) {
            throw new AssertionError("expected one reply, got " + (responder.sent().size() - before));
        }
        byte[] wire = responder.sent().get(before);
        Message reply = parse(wire);
        if (m.getTSIG() != null && reply.getTSIG() != null && reply.getTSIG().getSignature().length > 0) {
            int verified = f.clientKey(m.getTSIG().getName(), TSIG.HMAC_SHA256).verify(reply, wire, m.getTSIG());
            if (verified != 0) {
                throw new AssertionError("the reply's TSIG does not verify: " + verified);
            }
        }
        return reply;
    }

    /** Setup request then challenge response over UDP; returns the LLQ-ID. */
    long establish(Name name, int type, long lease, FakeResponder responder) {
        return establish(name, type, lease, responder, ServerFixture.ALICE);
    }

    /** Setup request then challenge response over UDP, signed with the given key; returns the LLQ-ID. */
    long establish(Name name, int type, long lease, FakeResponder responder, Name key) {
        Message challenge = exchange(signed(request(name, type, 0x1234, LlqOption.SETUP, 0, lease), key), responder);
        LlqOption granted = LlqOption.from(challenge.getOPT()).orElseThrow();
        exchange(signed(request(name, type, 0x1234, LlqOption.SETUP, granted.id(), granted.leaseSeconds()), key),
                responder);
        return granted.id();
    }

    /** The acknowledgement of an event: same header ID, response flags, the question, a copy of its LLQ option. */
    static Message ack(Message event) {
        Message ack = new Message(event.getHeader().getID());
        ack.getHeader().setFlag(Flags.QR);
        ack.getHeader().setFlag(Flags.AA);
        ack.addRecord(event.getQuestion(), Section.QUESTION);
        LlqOption option = LlqOption.from(event.getOPT()).orElseThrow();
        ack.addRecord(new OPTRecord(1440, 0, 0, 0, List.of(option.toOption())), Section.ADDITIONAL);
        return ack;
    }

    static Message parse(byte[] wire) {
        try {
            return new Message(wire);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer TTLs as on the wire: dnsjava turns 0xFFFFFFFF into 0 when it parses. */
    static List<Long> answerTtls(byte[] wire) {
        ByteBuffer in = ByteBuffer.wrap(wire);
        int questions = in.getShort(4) & 0xffff;
        int answers = in.getShort(6) & 0xffff;
        in.position(12);
        for (int i = 0; i < questions; i++) {
            skipName(in);
            in.position(in.position() + 4);
        }
        List<Long> ttls = new ArrayList<>();
        for (int i = 0; i < answers; i++) {
            skipName(in);
            in.position(in.position() + 4);
            ttls.add(Integer.toUnsignedLong(in.getInt()));
            in.position(in.position() + (in.getShort() & 0xffff));
        }
        return ttls;
    }

    private static void skipName(ByteBuffer in) {
        for (;;) {
            int length = in.get() & 0xff;
            if (length == 0) {
                return;
            }
            if ((length & 0xc0) == 0xc0) {
                in.get();
                return;
            }
            in.position(in.position() + length);
        }
    }

    static Record ptr(String instance) {
        return ServerFixture.rr("_afpovertcp._tcp", Type.PTR, 300, instance + "._afpovertcp._tcp", ServerFixture.ALICE);
    }

    static FakeResponder udp() {
        return new FakeResponder(DnsTransport.UDP);
    }
}
