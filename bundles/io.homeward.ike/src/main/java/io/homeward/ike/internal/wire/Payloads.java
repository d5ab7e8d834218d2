package io.homeward.ike.internal.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The generic payload chain (RFC 7296 §3.2): each payload behind a 4-octet header naming the next one's type, the
 * critical bit and its own length. An SK or SKF payload ends the chain: its Next Payload field names the first
 * payload inside it (§3.14, RFC 7383 §2.5).
 */
public final class Payloads {
    /** Most payloads one message or one SK payload may hold; more is refused, not read. */
    public static final int MAX_PAYLOADS = 64;
    public static final int GENERIC_HEADER_LENGTH = 4;
    private static final int CRITICAL = 0x80;

    private Payloads() {
    }

    /** The type of the first payload, {@link PayloadType#NONE} for none. */
    public static int firstType(List<Payload> payloads) {
        return payloads.isEmpty() ? PayloadType.NONE : payloads.get(0).type();
    }

    /** Octets of the chain, generic headers included. */
    public static int length(List<Payload> payloads) {
        return payloads.stream().mapToInt(payload -> GENERIC_HEADER_LENGTH + payload.bodyLength()).sum();
    }

    public static byte[] encode(List<Payload> payloads) {
        ByteBuffer out = ByteBuffer.allocate(length(payloads));
        write(payloads, out);
        return out.array();
    }

    /** Writes the chain; an SK or SKF payload may only be the last. */
    public static void write(List<Payload> payloads, ByteBuffer out) {
        for (int i = 0; i < payloads.size(); i++) {
            Payload payload = payloads.get(i);
            boolean last = i == payloads.size() - 1;
            int next = last ? PayloadType.NONE : payloads.get(i + 1).type();
            if (payload instanceof EncryptedPayload sk) {
                next = requireLast(last, sk.firstInner());
            } else if (payload instanceof EncryptedFragmentPayload skf) {
                next = requireLast(last, skf.firstInner());
            }
            int length = GENERIC_HEADER_LENGTH + payload.bodyLength();
            if (length > 0xFFFF) {
                throw new IllegalArgumentException("payload of type " + payload.type() + " has " + length + " octets");
            }
            out.put((byte) next).put((byte) 0).putShort((short) length);
            payload.writeBody(out);
        }
    }

    /** Reads the chain that starts with a payload of type {@code firstType} and fills the range exactly. */
    public static List<Payload> decode(int firstType, byte[] buffer, int offset, int length) throws IkeFormatException {
        return read(firstType, new WireReader(buffer, offset, length));
    }

    static List<Payload> read(int firstType, WireReader in) throws IkeFormatException {
        List<Payload> payloads = new ArrayList<>();
        int type = firstType;
        while (type != PayloadType.NONE) {
            if (payloads.size() == MAX_PAYLOADS) {
                throw new IkeFormatException("more than " + MAX_PAYLOADS + " payloads");
            }
            int next = in.u8("next payload");
            boolean critical = (in.u8("payload flags") & CRITICAL) != 0;
            int length = in.u16("payload length");
            if (length < GENERIC_HEADER_LENGTH) {
                throw new IkeFormatException("payload of type " + type + " with length " + length + " below 4");
            }
            WireReader body = in.sub(length - GENERIC_HEADER_LENGTH, "payload of type " + type);
            if (type == PayloadType.SK || type == PayloadType.SKF) {
                if (in.remaining() != 0) {
                    throw new IkeFormatException(in.remaining() + " octets after the encrypted payload, which is last");
                }
                payloads.add(type == PayloadType.SK ? new EncryptedPayload(next, body.rest())
                        : EncryptedFragmentPayload.read(next, body));
                return payloads;
            }
            payloads.add(body(type, critical, body));
            type = next;
        }
        if (in.remaining() != 0) {
            throw new IkeFormatException(in.remaining() + " octets after the last payload");
        }
        return payloads;
    }

    private static Payload body(int type, boolean critical, WireReader in) throws IkeFormatException {
        return switch (type) {
            case PayloadType.SA -> SaPayload.read(in);
            case PayloadType.KE -> KePayload.read(in);
            case PayloadType.IDI -> IdPayload.read(false, in);
            case PayloadType.IDR -> IdPayload.read(true, in);
            case PayloadType.CERT -> CertPayload.read(in);
            case PayloadType.CERTREQ -> CertReqPayload.read(in);
            case PayloadType.AUTH -> AuthPayload.read(in);
            case PayloadType.NONCE -> NoncePayload.read(in);
            case PayloadType.NOTIFY -> NotifyPayload.read(in);
            case PayloadType.DELETE -> DeletePayload.read(in);
            case PayloadType.VENDOR_ID -> VendorIdPayload.read(in);
            case PayloadType.TSI -> TrafficSelectorPayload.read(false, in);
            case PayloadType.TSR -> TrafficSelectorPayload.read(true, in);
            default -> {
                if (critical && !PayloadType.isKnown(type)) {
                    throw new IkeFormatException(NotifyType.UNSUPPORTED_CRITICAL_PAYLOAD, new byte[] {(byte) type},
                            "critical payload of unknown type " + type);
                }
                yield new OpaquePayload(type, in.rest());
            }
        };
    }

    private static int requireLast(boolean last, int firstInner) {
        if (!last) {
            throw new IllegalArgumentException("an encrypted payload is the last of its message (RFC 7296 §3.14)");
        }
        return firstInner;
    }
}
