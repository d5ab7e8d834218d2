package io.homeward.ike.internal.proposal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.homeward.ike.internal.wire.Proposal;
import io.homeward.ike.internal.wire.SaPayload;
import io.homeward.ike.internal.wire.Transform;

/**
 * The ESP proposal a responder chose, its suite and the SPI the initiator receives on (the proposal's SPI, RFC 7296
 * §3.3.1).
 */
public record ChildChoice(int proposalNumber, ChildSuite suite, int peerSpi) {

    /** SAr2: the chosen proposal with this side's inbound SPI and one transform of each type. */
    public SaPayload answer(int spi) {
        List<Transform> transforms = new ArrayList<>();
        transforms.add(suite.cipher().transform());
        suite.group().ifPresent(group -> transforms.add(new Transform(Transform.KE, group.transformId())));
        transforms.add(new Transform(Transform.ESN, suite.esn() ? 1 : 0));
        return new SaPayload(List.of(new Proposal(proposalNumber, Proposal.ESP,
                ByteBuffer.allocate(4).putInt(spi).array(), transforms)));
    }
}
