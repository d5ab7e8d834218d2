package io.homeward.portmap.pcp.internal.mapping;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;

import io.homeward.api.portmap.MapperProtocol;
import io.homeward.api.portmap.PortMappingException;
import io.homeward.api.portmap.TransportProtocol;
import io.homeward.portmap.pcp.internal.net.GatewayExchange;
import io.homeward.portmap.pcp.internal.net.RetrySchedule;
import io.homeward.portmap.pcp.internal.wire.MalformedPacketException;
import io.homeward.portmap.pcp.internal.wire.NatPmpMessages;
import io.homeward.portmap.pcp.internal.wire.NatPmpReply;
import io.homeward.portmap.pcp.internal.wire.PcpConstants;
import io.homeward.portmap.pcp.internal.wire.PcpMessages;
import io.homeward.portmap.pcp.internal.wire.PcpReply;
import io.homeward.portmap.pcp.internal.wire.ResultCodes;
import io.homeward.portmap.pcp.internal.wire.VersionMismatchException;

/**
 * The two protocols' request/reply pairs. Looks at byte 0 of every reply (RFC 6887 §9): a
 * NAT-PMP "unsupported version" to a PCP request, or the reverse, surfaces as a
 * {@link VersionMismatchException} so the caller can fall back; every other refusal is a
 * {@link PortMappingException} with the reason in words.
 */
public final class ProtocolClient {
    private final GatewayExchange exchange;

    public ProtocolClient(GatewayExchange exchange) {
        this.exchange = exchange;
    }

    /** PCP MAP (RFC 6887 §11); lifetime 0 deletes. */
    Grant pcpMap(InetSocketAddress gateway, InetAddress client, byte[] nonce, TransportProtocol transport, int internalPort,
            int suggestedPort, InetAddress suggestedAddress, long lifetime, RetrySchedule schedule)
            throws PortMappingException, VersionMismatchException {
        byte[] request = PcpMessages.mapRequest(lifetime, client, nonce, transport, internalPort, suggestedPort,
                suggestedAddress);
        String what = lifetime == 0 ? "PCP delete" : "PCP MAP request";
        return exchange.exchange(gateway, request, schedule, what, (data, length) -> {
            int version = data[0] & 0xFF;
            if (version != PcpConstants.PCP_VERSION) {
                throw otherVersion(version, data, length);
            }
            PcpReply reply = PcpMessages.parse(data, length);
            if (reply.opcode() != PcpMessages.OP_MAP) {
                throw new MalformedPacketException("opcode " + reply.opcode() + " does not answer MAP");
            }
            if (reply.result() == PcpConstants.UNSUPPORTED_VERSION) {
                throw new VersionMismatchException(reply.version());
            }
            if (!reply.hasMapData()) {
                throw new GatewayRefusedException(reply.result(), ResultCodes.pcp(reply.result()));
            }
            if (!Arrays.equals(reply.nonce(), nonce)) {
                throw new MalformedPacketException("the mapping nonce is not the one sent (RFC 6887 §11.4)");
            }
            if (reply.protocol() != PcpMessages.protocolNumber(transport) || reply.internalPort() != internalPort) {
                throw new MalformedPacketException("it is for protocol " + reply.protocol() + " port " + reply.internalPort()
                        + ", not " + transport + " port " + internalPort);
            }
            if (reply.result() != 0) {
                throw new GatewayRefusedException(reply.result(), ResultCodes.pcp(reply.result()));
            }
            if (lifetime != 0 && (reply.lifetime() == 0 || reply.externalPort() == 0)) {
                throw new MalformedPacketException("a success with lifetime " + reply.lifetime() + " and port "
                        + reply.externalPort() + " grants nothing");
            }
            return new Grant(MapperProtocol.PCP, reply.externalAddress(), reply.externalPort(), reply.lifetime(),
                    reply.epoch());
        });
    }

    /** NAT-PMP external address request (RFC 6886 §3.2); the grant carries only address and epoch. */
    Grant natPmpAddress(InetSocketAddress gateway, RetrySchedule schedule)
            throws PortMappingException, VersionMismatchException {
        return exchange.exchange(gateway, NatPmpMessages.externalAddressRequest(), schedule, "NAT-PMP address request",
                (data, length) -> {
                    NatPmpReply reply = natPmpReply(data, length, PcpConstants.RESPONSE_BIT);
                    return new Grant(MapperProtocol.NAT_PMP, reply.externalAddress(), 0, 0, reply.epoch());
                });
    }

    /** NAT-PMP mapping request (RFC 6886 §3.3); lifetime 0 with suggested port 0 deletes. */
    Grant natPmpMap(InetSocketAddress gateway, InetAddress externalAddress, TransportProtocol transport, int internalPort,
            int suggestedPort, long lifetime, RetrySchedule schedule) throws PortMappingException, VersionMismatchException {
        int opcode = NatPmpMessages.opcode(transport);
        byte[] request = NatPmpMessages.mappingRequest(transport, internalPort, suggestedPort, lifetime);
        String what = lifetime == 0 ? "NAT-PMP delete" : "NAT-PMP mapping request";
        return exchange.exchange(gateway, request, schedule, what, (data, length) -> {
            NatPmpReply reply = natPmpReply(data, length, PcpConstants.RESPONSE_BIT + opcode);
            if (reply.internalPort() != internalPort) {
                throw new MalformedPacketException("it echoes internal port " + reply.internalPort() + ", not " + internalPort);
            }
            if (lifetime != 0 && (reply.lifetime() == 0 || reply.externalPort() == 0)) {
                throw new MalformedPacketException("a success with lifetime " + reply.lifetime() + " and port "
                        + reply.externalPort() + " grants nothing");
            }
            return new Grant(MapperProtocol.NAT_PMP, externalAddress, reply.externalPort(), reply.lifetime(), reply.epoch());
        });
    }

    private static NatPmpReply natPmpReply(byte[] data, int length, int expectedOpcode)
            throws MalformedPacketException, VersionMismatchException, PortMappingException {
        int version = data[0] & 0xFF;
        if (version != PcpConstants.NAT_PMP_VERSION) {
            throw otherVersion(version, data, length);
        }
        NatPmpReply reply = NatPmpMessages.parse(data, length);
        // A result-1 reply's opcode varies between gateways (RFC 6886 §3.5 vs miniupnpd): only the result counts.
        if (reply.result() == PcpConstants.UNSUPPORTED_VERSION) {
            throw new PortMappingException("the router rejected NAT-PMP version 0 as unsupported");
        }
        if (reply.opcode() != expectedOpcode) {
            throw new MalformedPacketException("opcode " + reply.opcode() + " does not answer the request (expected "
                    + expectedOpcode + ")");
        }
        if (reply.result() != 0) {
            throw new GatewayRefusedException(reply.result(), ResultCodes.natPmp(reply.result()));
        }
        return reply;
    }

    /** A reply in the other protocol: only "unsupported version" (result 1 in byte 3 of both formats) makes sense. */
    private static VersionMismatchException otherVersion(int version, byte[] data, int length)
            throws MalformedPacketException {
        if (length >= 4 && (data[3] & 0xFF) == PcpConstants.UNSUPPORTED_VERSION && data[2] == 0) {
            return new VersionMismatchException(version);
        }
        throw new MalformedPacketException("a version " + version + " packet that is not an 'unsupported version' reply");
    }
}
