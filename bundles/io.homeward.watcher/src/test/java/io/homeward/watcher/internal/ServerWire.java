package io.homeward.watcher.internal;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Arrays;

import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;

/** What a test server needs beyond dnsjava: raw answer TTLs (LLQ removes) and signing exact bytes. */
public final class ServerWire {
    private final TSIG tsig;

    public ServerWire(Clock clock) {
        this.tsig = TestKeys.serverTsig(clock);
    }

    /** Overwrites the TTL of answer {@code index}; used for TTL 0xFFFFFFFF, which dnsjava cannot write. */
    public static byte[] withAnswerTtl(byte[] wire, int index, long ttl) {
        byte[] copy = wire.clone();
        ByteBuffer in = ByteBuffer.wrap(copy);
        int questions = Short.toUnsignedInt(in.getShort(4));
        in.position(12);
        for (int i = 0; i < questions; i++) {
            skipName(in);
            in.position(in.position() + 4);
        }
        for (int i = 0; ; i++) {
            skipName(in);
            in.position(in.position() + 4);
            if (i == index) {
                in.putInt((int) ttl);
                return copy;
            }
            in.position(in.position() + 4);
            in.position(in.position() + 2 + Short.toUnsignedInt(in.getShort(in.position())));
        }
    }

    private static void skipName(ByteBuffer in) {
        while (true) {
            int length = Byte.toUnsignedInt(in.get());
            if (length == 0) {
                return;
            }
            if ((length & 0xC0) == 0xC0) {
                in.get();
                return;
            }
            in.position(in.position() + length);
        }
    }

    /** Signs these exact bytes (a response to {@code request}, or unsolicited when null) and appends the TSIG RR. */
    public byte[] sign(byte[] unsigned, TSIGRecord request) {
        try {
            Message message = new Message(unsigned);
            TSIGRecord signature = tsig.generate(message, unsigned, Rcode.NOERROR, request);
            byte[] rr = signature.toWire(Section.ADDITIONAL);
            byte[] signed = Arrays.copyOf(unsigned, unsigned.length + rr.length);
            System.arraycopy(rr, 0, signed, unsigned.length, rr.length);
            int additional = Short.toUnsignedInt(ByteBuffer.wrap(signed).getShort(10)) + 1;
            signed[10] = (byte) (additional >>> 8);
            signed[11] = (byte) additional;
            return signed;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the message parsed from {@code wire} is signed with the user's key. */
    public boolean verify(Message message, byte[] wire, TSIGRecord request) {
        return message.getTSIG() != null && tsig.verify(message, wire, request) == Rcode.NOERROR;
    }
}
