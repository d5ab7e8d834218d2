package io.homeward.ike.internal.wire;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * An IKE message (RFC 7296 §3): the header and its payloads. An encrypted message's last payload is a sealed
 * {@link EncryptedPayload} or {@link EncryptedFragmentPayload}.
 */
public record IkeMessage(IkeHeader header, List<Payload> payloads) {

    public IkeMessage {
        payloads = List.copyOf(payloads);
    }

    /** Reads a whole datagram (without the non-ESP marker). */
    public static IkeMessage decode(byte[] buffer, int offset, int length) throws IkeFormatException {
        WireReader in = new WireReader(buffer, offset, length);
        IkeHeader header = IkeHeader.read(in, length);
        return new IkeMessage(header, Payloads.read(header.nextPayload(), in));
    }

    /** The message with the header's Next Payload and Length set from the payloads. */
    public byte[] encode() {
        int length = IkeHeader.LENGTH + Payloads.length(payloads);
        ByteBuffer out = ByteBuffer.allocate(length);
        header.withChain(Payloads.firstType(payloads), length).write(out);
        Payloads.write(payloads, out);
        return out.array();
    }

    public <T extends Payload> List<T> all(Class<T> kind) {
        return payloads.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    public <T extends Payload> Optional<T> first(Class<T> kind) {
        return payloads.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    public List<NotifyPayload> notifies(NotifyType type) {
        return all(NotifyPayload.class).stream().filter(notify -> notify.is(type)).toList();
    }
}
