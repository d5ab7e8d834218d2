package io.homeward.ike.internal.crypto;

import io.homeward.ike.internal.wire.IdPayload;

/**
 * The octets an AUTH payload signs (RFC 7296 §2.15): the signer's IKE_SA_INIT message as sent (with the cookie if
 * there was one, without the non-ESP marker), the peer's nonce, and prf(SK_p, RestOfIDPayload) with the signer's
 * SK_pi or SK_pr and its ID payload.
 */
public final class AuthOctets {
    private AuthOctets() {
    }

    /**
     * @param realMessage the IKE_SA_INIT message the signer sent: the request for the initiator, the response for
     *                    the responder
     * @param peerNonce   the other side's nonce data
     * @param skP         SK_pi for the initiator's AUTH, SK_pr for the responder's
     * @param id          the signer's IDi or IDr
     */
    public static byte[] signed(byte[] realMessage, byte[] peerNonce, Prf prf, byte[] skP, IdPayload id) {
        return Bytes.concat(realMessage, peerNonce, macedId(prf, skP, id));
    }

    /** MACedIDForI / MACedIDForR = prf(SK_p, RestOfIDPayload). */
    public static byte[] macedId(Prf prf, byte[] skP, IdPayload id) {
        return prf.apply(skP, id.restOfPayload());
    }
}
