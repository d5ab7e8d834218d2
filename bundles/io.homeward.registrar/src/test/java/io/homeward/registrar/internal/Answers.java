package io.homeward.registrar.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;

import io.homeward.api.auth.TsigKey;

/** Server-side answers to an UPDATE, built the way an RFC 2136/8945/9664 server would. */
final class Answers {
    private Answers() {
    }

    static TSIG tsig(TsigKey key) throws IOException {
        return new TSIG(Name.fromString(key.algorithm()), Name.fromString(key.name()),
                new SecretKeySpec(key.secret(), "HmacSHA256"));
    }

    static Message header(Message request, int rcode) {
        Message response = new Message(request.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setOpcode(Opcode.UPDATE);
        response.getHeader().setRcode(rcode);
        return response;
    }

    /** NOERROR with the granted lease (or none), signed with {@code key} over the request's MAC. */
    static byte[] granted(byte[] requestWire, TsigKey key, Duration lease) throws IOException {
        Message request = new Message(requestWire);
        Message response = header(request, Rcode.NOERROR);
        if (lease != null) {
            byte[] seconds = ByteBuffer.allocate(4).putInt((int) lease.toSeconds()).array();
            response.addRecord(new OPTRecord(1440, 0, 0, 0, List.of(new GenericEDNSOption(2, seconds))),
                    Section.ADDITIONAL);
        }
        tsig(key).apply(response, request.getTSIG());
        return response.toWire();
    }

    /** An unsigned error answer with a TSIG error, as RFC 8945 §5.3.2 describes for BADKEY and BADSIG. */
    static byte[] tsigError(byte[] requestWire, int error, byte[] other) throws IOException {
        Message request = new Message(requestWire);
        Message response = header(request, Rcode.NOTAUTH);
        TSIGRecord asked = request.getTSIG();
        response.addRecord(new TSIGRecord(asked.getName(), DClass.ANY, 0, asked.getAlgorithm(), asked.getTimeSigned(),
                Duration.ofSeconds(300), new byte[0], request.getHeader().getID(), error, other), Section.ADDITIONAL);
        return response.toWire();
    }

    static byte[] plain(byte[] requestWire, int rcode) throws IOException {
        return header(new Message(requestWire), rcode).toWire();
    }

    static byte[] serverTime(Instant time) {
        return Arrays.copyOfRange(ByteBuffer.allocate(8).putLong(time.getEpochSecond()).array(), 2, 8);
    }
}
