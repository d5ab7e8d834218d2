package io.homeward.ike.internal.wire;

import java.nio.ByteBuffer;

/**
 * One payload of an IKE message without its generic header (RFC 7296 §3.2), which {@link Payloads} writes and
 * reads around it.
 */
public sealed interface Payload permits SaPayload, KePayload, IdPayload, CertPayload, CertReqPayload, AuthPayload,
        NoncePayload, NotifyPayload, DeletePayload, VendorIdPayload, TrafficSelectorPayload, EncryptedPayload,
        EncryptedFragmentPayload, OpaquePayload {

    /** The payload type (RFC 7296 §3.2). */
    int type();

    /** Octets of the body, after the generic header. */
    int bodyLength();

    /** Writes the body, exactly {@link #bodyLength()} octets. */
    void writeBody(ByteBuffer out);
}
