package io.homeward.rendezvous.dns.internal.push;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;
import org.xbill.DNS.WireParseException;

import io.homeward.kit.dns.wire.DsoMessage;
import io.homeward.rendezvous.dns.internal.watch.Question;

/** The DNS Push TLVs this server reads and writes (RFC 8765 §6): SUBSCRIBE data and PUSH messages. */
final class PushCodec {
    /** Keeps a PUSH message, header and TLV header included, inside a stream message. */
    private static final int MAX_PUSH_DATA = 65535 - 16;

    private PushCodec() {
    }

    /** SUBSCRIBE data: NAME | TYPE | CLASS and nothing after; TYPE and CLASS may be ANY. Empty when malformed. */
    static Optional<Question> subscription(byte[] data) {
        try {
            DNSInput in = new DNSInput(data);
            Name name = new Name(in);
            int type = in.readU16();
            int dclass = in.readU16();
            if (in.remaining() != 0 || (dclass != DClass.IN && dclass != DClass.ANY)
                    || !(Type.isRR(type) || type == Type.ANY)) {
                return Optional.empty();
            }
            return Optional.of(new Question(name, type));
        } catch (WireParseException e) {
            return Optional.empty();
        }
    }

    /** The changes (records in wire form, TTL marking adds and removes) in as few PUSH messages as fit. */
    static List<byte[]> pushMessages(List<byte[]> changes) {
        List<byte[]> messages = new ArrayList<>();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (byte[] change : changes) {
            if (data.size() > 0 && data.size() + change.length > MAX_PUSH_DATA) {
                messages.add(push(data.toByteArray()));
                data.reset();
            }
            data.writeBytes(change);
        }
        messages.add(push(data.toByteArray()));
        return messages;
    }

    private static byte[] push(byte[] data) {
        return DsoMessage.unidirectional(new DsoMessage.Tlv(DsoMessage.PUSH, data)).toWire();
    }
}
