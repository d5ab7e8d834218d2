package io.homeward.portmap.pcp.internal.wire;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import io.homeward.api.portmap.TransportProtocol;

/** Encodes NAT-PMP requests and checks and decodes responses (RFC 6886 §3). */
public final class NatPmpMessages {
    static final int OP_EXTERNAL_ADDRESS = 0;
    private static final int ADDRESS_REPLY_LENGTH = 12;
    private static final int MAPPING_REPLY_LENGTH = 16;

    private NatPmpMessages() {
    }

    public static int opcode(TransportProtocol transport) {
        return transport == TransportProtocol.UDP ? 1 : 2;
    }

    public static byte[] externalAddressRequest() {
        return new byte[] {PcpConstants.NAT_PMP_VERSION, OP_EXTERNAL_ADDRESS};
    }

    /** Lifetime 0 with suggested port 0 deletes the mapping (RFC 6886 §3.4). */
    public static byte[] mappingRequest(TransportProtocol transport, int internalPort, int suggestedPort, long lifetime) {
        return ByteBuffer.allocate(12).put((byte) PcpConstants.NAT_PMP_VERSION).put((byte) opcode(transport))
                .putShort((short) 0).putShort((short) internalPort).putShort((short) suggestedPort)
                .putInt((int) lifetime).array();
    }

    public static NatPmpReply parse(byte[] data, int length) throws MalformedPacketException {
        if (length < 4) {
            throw new MalformedPacketException(length + " bytes is too short for a NAT-PMP response (at least 4)");
        }
        ByteBuffer in = ByteBuffer.wrap(Arrays.copyOf(data, length));
        int version = in.get() & 0xFF;
        int opcode = in.get() & 0xFF;
        if (version != PcpConstants.NAT_PMP_VERSION) {
            throw new MalformedPacketException("version " + version + " is not NAT-PMP (0)");
        }
        if (opcode < PcpConstants.RESPONSE_BIT) {
            throw new MalformedPacketException("opcode " + opcode + " is a request, not a response");
        }
        int result = in.getShort() & 0xFFFF;
        int fullLength = opcode == PcpConstants.RESPONSE_BIT ? ADDRESS_REPLY_LENGTH : MAPPING_REPLY_LENGTH;
        if (length > fullLength) {
            throw new MalformedPacketException(length + " bytes is longer than a NAT-PMP response with opcode "
                    + opcode + " (" + fullLength + ")");
        }
        long epoch = length >= 8 ? in.getInt() & 0xFFFFFFFFL : 0;
        if (result != 0) {
            // Error replies may be shortened to the header (RFC 6886 §3.5); only the result matters.
            return new NatPmpReply(opcode, result, epoch, null, 0, 0, 0);
        }
        if (length < fullLength) {
            throw new MalformedPacketException(length + " bytes is too short for a successful NAT-PMP response with opcode "
                    + opcode + " (" + fullLength + ")");
        }
        if (opcode == PcpConstants.RESPONSE_BIT) {
            byte[] address = new byte[4];
            in.get(address);
            return new NatPmpReply(opcode, 0, epoch, address(address), 0, 0, 0);
        }
        int internalPort = in.getShort() & 0xFFFF;
        int externalPort = in.getShort() & 0xFFFF;
        long lifetime = in.getInt() & 0xFFFFFFFFL;
        return new NatPmpReply(opcode, 0, epoch, null, internalPort, externalPort, lifetime);
    }

    private static InetAddress address(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }
}
