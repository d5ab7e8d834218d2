package io.homeward.ike.internal.proposal;

import java.util.List;

import io.homeward.ike.internal.wire.Proposal;
import io.homeward.ike.internal.wire.SaPayload;
import io.homeward.ike.internal.wire.Transform;

/** The proposal a responder chose for the IKE SA, and the suite in it. */
public record IkeChoice(int proposalNumber, IkeSuite suite) {

    /** SAr: the chosen proposal's number with one transform of each type (RFC 7296 §3.3.1); SPI empty or 8 octets. */
    public SaPayload answer(byte[] spi) {
        return new SaPayload(List.of(new Proposal(proposalNumber, Proposal.IKE, spi, List.of(suite.cipher().transform(),
                new Transform(Transform.PRF, suite.prf().transformId()),
                new Transform(Transform.KE, suite.group().transformId())))));
    }
}
