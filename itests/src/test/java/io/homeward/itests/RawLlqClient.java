package io.homeward.itests;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;

import io.homeward.api.auth.TsigKey;

/**
 * A long-lived query client over UDP written from RFC 8764 with plain dnsjava, so the tests see every datagram:
 * setup, challenge response, refresh, events and acknowledgements, each under the test's control.
 */
final class RawLlqClient implements AutoCloseable {
    static final int SETUP = 1;
    static final int REFRESH = 2;
    static final int EVENT = 3;
    static final int NO_SUCH_LLQ = 4;
    private static final int LLQ_CODE = 1;
    private static final int PAYLOAD_SIZE = 1440;
    private static final int REQUEST_ID = 0x4c51;

    /** The 18 bytes of an LLQ option (RFC 8764 §3.2). */
    record Option(int version, int opcode, int error, long id, long lease) {
        static Option of(Message message) {
            OPTRecord opt = message.getOPT();
            List<EDNSOption> options = opt == null ? List.of() : opt.getOptions(LLQ_CODE);
            if (options.isEmpty()) {
                throw new AssertionError("no LLQ option in\n" + message);
            }
            ByteBuffer data = ByteBuffer.wrap(options.get(0).toWire(), 4, 18);
            return new Option(data.getShort() & 0xffff, data.getShort() & 0xffff, data.getShort() & 0xffff,
                    data.getLong(), Integer.toUnsignedLong(data.getInt()));
        }

        OPTRecord toOpt() {
            ByteBuffer data = ByteBuffer.allocate(18).putShort((short) version).putShort((short) opcode)
                    .putShort((short) error).putLong(id).putInt((int) lease);
            return new OPTRecord(PAYLOAD_SIZE, 0, 0, 0, List.of(new GenericEDNSOption(LLQ_CODE, data.array())));
        }
    }

    /** A datagram from the server, parsed, with its exact bytes. */
    record Received(Message message, byte[] wire) {
        Option option() {
            return Option.of(message);
        }
    }

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final TsigKey key;
    private final Name name;
    private final int type;

    /** @param key the key to sign setup and refresh with, or null to send them unsigned */
    RawLlqClient(InetSocketAddress server, TsigKey key, String name, int type) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.server = server;
        this.key = key;
        this.name = Name.fromString(name);
        this.type = type;
    }

    int localPort() {
        return socket.getLocalPort();
    }

    /** Sends a setup (ID 0, step 1) and returns the answer (the challenge, or a refusal). */
    Received setup(long lease) throws IOException {
        return request(new Option(1, SETUP, 0, 0, lease));
    }

    /** The whole four-way handshake (RFC 8764 §5.2); returns the ACK with the current answers. */
    Received establish(long lease) throws IOException {
        Received challenge = setup(lease);
        Option granted = challenge.option();
        if (challenge.message().getRcode() != 0 || granted.error() != 0 || granted.id() == 0) {
            throw new AssertionError("no challenge: " + challenge.message());
        }
        return request(new Option(1, SETUP, 0, granted.id(), granted.lease()));
    }

    /** A refresh of the LLQ with this ID (lease 0 cancels it); returns the answer. */
    Received refresh(long id, long lease) throws IOException {
        return request(new Option(1, REFRESH, 0, id, lease));
    }

    /** Acknowledges an event (RFC 8764 §7.2): same message ID and question, a copy of its option. */
    void acknowledge(Received event) throws IOException {
        Message ack = new Message(event.message().getHeader().getID());
        ack.getHeader().setFlag(Flags.QR);
        ack.getHeader().setFlag(Flags.AA);
        ack.addRecord(event.message().getQuestion(), Section.QUESTION);
        ack.addRecord(event.option().toOpt(), Section.ADDITIONAL);
        send(ack.toWire());
    }

    /** The next datagram from the server within the time, or null. */
    Received receive(Duration within) throws IOException {
        socket.setSoTimeout((int) Math.max(1, within.toMillis()));
        byte[] buffer = new byte[65535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        byte[] wire = Arrays.copyOf(packet.getData(), packet.getLength());
        return new Received(new Message(wire), wire);
    }

    private Received request(Option option) throws IOException {
        Message query = new Message(REQUEST_ID);
        query.getHeader().setFlag(Flags.RD);
        query.addRecord(Record.newRecord(name, type, DClass.IN), Section.QUESTION);
        query.addRecord(option.toOpt(), Section.ADDITIONAL);
        if (key != null) {
            new TSIG(TSIG.HMAC_SHA256, Name.fromString(key.name()), new SecretKeySpec(key.secret(), "HmacSHA256"))
                    .apply(query, null);
        }
        send(query.toWire());
        Received answer = receive(Duration.ofSeconds(5));
        if (answer == null) {
            throw new AssertionError("no answer from " + server + " within 5 s to " + option);
        }
        return answer;
    }

    private void send(byte[] wire) throws IOException {
        socket.send(new DatagramPacket(wire, wire.length, server));
    }

    @Override
    public void close() {
        socket.close();
    }
}
