package io.homeward.portmap.pcp.internal.wire;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import io.homeward.api.portmap.TransportProtocol;

/** Encodes PCP MAP requests and checks and decodes PCP responses (RFC 6887 §7, §11). */
public final class PcpMessages {
    public static final int OP_ANNOUNCE = 0;
    public static final int OP_MAP = 1;
    public static final int NONCE_LENGTH = 12;
    private static final int HEADER_LENGTH = 24;
    private static final int MAP_LENGTH = HEADER_LENGTH + 36;
    private static final int MAX_LENGTH = 1100;

    private PcpMessages() {
    }

    public static int protocolNumber(TransportProtocol transport) {
        return transport == TransportProtocol.UDP ? 17 : 6;
    }

    /**
     * A MAP request. {@code suggestedAddress} null asks for any IPv4 address ({@code ::ffff:0.0.0.0});
     * lifetime 0 deletes the mapping named by the nonce, protocol and internal port (§15).
     */
    public static byte[] mapRequest(long lifetime, InetAddress client, byte[] nonce, TransportProtocol transport,
            int internalPort, int suggestedPort, InetAddress suggestedAddress) {
        ByteBuffer out = ByteBuffer.allocate(MAP_LENGTH);
        out.put((byte) PcpConstants.PCP_VERSION).put((byte) OP_MAP).putShort((short) 0).putInt((int) lifetime);
        out.put(sixteenBytes(client));
        out.put(nonce).put((byte) protocolNumber(transport)).put(new byte[3]);
        out.putShort((short) internalPort).putShort((short) suggestedPort);
        out.put(sixteenBytes(suggestedAddress));
        return out.array();
    }

    public static PcpReply parse(byte[] data, int length) throws MalformedPacketException {
        if (length < HEADER_LENGTH) {
            throw new MalformedPacketException(length + " bytes is too short for a PCP response (at least 24)");
        }
        if (length > MAX_LENGTH) {
            throw new MalformedPacketException(length + " bytes is longer than any PCP message (at most 1100)");
        }
        if (length % 4 != 0) {
            throw new MalformedPacketException(length + " bytes is not a multiple of 4, as every PCP message is");
        }
        ByteBuffer in = ByteBuffer.wrap(Arrays.copyOf(data, length));
        int version = in.get() & 0xFF;
        int rOpcode = in.get() & 0xFF;
        if ((rOpcode & PcpConstants.RESPONSE_BIT) == 0) {
            throw new MalformedPacketException("opcode " + rOpcode + " is a request, not a response");
        }
        in.get();
        int result = in.get() & 0xFF;
        long lifetime = in.getInt() & 0xFFFFFFFFL;
        long epoch = in.getInt() & 0xFFFFFFFFL;
        int opcode = rOpcode & ~PcpConstants.RESPONSE_BIT;
        if (version != PcpConstants.PCP_VERSION && result != PcpConstants.UNSUPPORTED_VERSION) {
            throw new MalformedPacketException("version " + version + " is not PCP (2)");
        }
        if (opcode != OP_MAP || length < MAP_LENGTH) {
            if (opcode == OP_MAP && result == 0) {
                throw new MalformedPacketException(length + " bytes is too short for a successful MAP response (60)");
            }
            return new PcpReply(version, opcode, result, lifetime, epoch, null, 0, 0, 0, null);
        }
        in.position(HEADER_LENGTH);
        byte[] nonce = new byte[NONCE_LENGTH];
        in.get(nonce);
        int protocol = in.get() & 0xFF;
        in.position(in.position() + 3);
        int internalPort = in.getShort() & 0xFFFF;
        int externalPort = in.getShort() & 0xFFFF;
        byte[] address = new byte[16];
        in.get(address);
        return new PcpReply(version, opcode, result, lifetime, epoch, nonce, protocol, internalPort, externalPort,
                address(address));
    }

    /** IPv4 addresses travel IPv4-mapped ({@code ::ffff:a.b.c.d}, RFC 6887 §5); null means {@code ::ffff:0.0.0.0}. */
    private static byte[] sixteenBytes(InetAddress address) {
        byte[] out = new byte[16];
        out[10] = (byte) 0xFF;
        out[11] = (byte) 0xFF;
        if (address instanceof Inet4Address) {
            System.arraycopy(address.getAddress(), 0, out, 12, 4);
        } else if (address != null) {
            return address.getAddress();
        }
        return out;
    }

    /** Java turns a 16-byte IPv4-mapped address into an {@link Inet4Address}. */
    private static InetAddress address(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always an IP address", e);
        }
    }
}
