package io.homeward.rendezvous.dns.internal.llq;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIGRecord;

import io.homeward.kit.dns.wire.LlqOption;
import io.homeward.rendezvous.dns.internal.tsig.SigningKey;
import io.homeward.rendezvous.dns.internal.watch.Question;

/**
 * Builds an LLQ Event Response (RFC 8764 §7.1): a response (QR, AA) with the LLQ's question, the changed records
 * as answers (TTL 0xFFFFFFFF for a removal) and an OPT carrying the EVENT option, signed with the LLQ's key.
 * Written by hand because the removal TTL does not fit in a dnsjava record.
 */
final class EventMessage {
    private static final int FLAGS_QR_AA = 0x8400;
    private static final int HEADER_LENGTH = 12;
    private static final int ARCOUNT_OFFSET = 10;

    private EventMessage() {
    }

    /** Bytes of an event besides its answers: header, question, OPT with the option, and room for the TSIG. */
    static int overhead(Question question, SigningKey key, int payload) {
        return HEADER_LENGTH + question.name().length() + 4 + opt(payload, LlqOption.reply(LlqOption.EVENT, 0, 0, 0))
                .length + key.name().length() + key.algorithm().length() + 100;
    }

    static byte[] build(int messageId, Question question, List<byte[]> answers, LlqOption option, int payload,
            SigningKey key, Clock clock) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH);
        header.putShort((short) messageId).putShort((short) FLAGS_QR_AA).putShort((short) 1)
                .putShort((short) answers.size()).putShort((short) 0).putShort((short) 1);
        out.writeBytes(header.array());
        out.writeBytes(question.name().toWire());
        out.writeBytes(new byte[] {(byte) (question.type() >>> 8), (byte) question.type(), 0, (byte) DClass.IN});
        answers.forEach(out::writeBytes);
        out.writeBytes(opt(payload, option));
        byte[] unsigned = out.toByteArray();
        TSIGRecord tsig = key.tsig(clock).generate(new Message(messageId), unsigned, Rcode.NOERROR, null, true);
        out.writeBytes(tsig.toWire(Section.ADDITIONAL));
        byte[] signed = out.toByteArray();
        ByteBuffer.wrap(signed).putShort(ARCOUNT_OFFSET, (short) 2);
        return signed;
    }

    private static byte[] opt(int payload, LlqOption option) {
        return new OPTRecord(payload, 0, 0, 0, List.of(option.toOption())).toWire(Section.ADDITIONAL);
    }
}
