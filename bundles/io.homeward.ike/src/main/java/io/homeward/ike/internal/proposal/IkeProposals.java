package io.homeward.ike.internal.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.homeward.ike.internal.crypto.KeyExchangeGroup;
import io.homeward.ike.internal.crypto.Prf;
import io.homeward.ike.internal.wire.Proposal;
import io.homeward.ike.internal.wire.SaPayload;
import io.homeward.ike.internal.wire.Transform;

/**
 * This side's IKE SA algorithms in order of preference (RFC 7296 §2.7, §3.3): what it offers as initiator, what it
 * chooses from an initiator's offer, and whether a responder's answer is one of its offers.
 */
public record IkeProposals(List<Aead> ciphers, List<Prf> prfs, List<KeyExchangeGroup> groups) {
    private static final Set<Integer> TYPES = Set.of(Transform.ENCR, Transform.PRF, Transform.INTEG, Transform.KE);

    public IkeProposals {
        ciphers = List.copyOf(ciphers);
        prfs = List.copyOf(prfs);
        groups = List.copyOf(groups);
        if (ciphers.isEmpty() || prfs.isEmpty() || groups.isEmpty()) {
            throw new IllegalArgumentException("an IKE offer needs a cipher, a PRF and a key exchange group");
        }
    }

    /** SAi1 (or a rekey's SA with the new SPI): one proposal holding every preference. */
    public SaPayload offer(byte[] spi) {
        List<Transform> transforms = new ArrayList<>();
        ciphers.forEach(cipher -> transforms.add(cipher.transform()));
        prfs.forEach(prf -> transforms.add(new Transform(Transform.PRF, prf.transformId())));
        groups.forEach(group -> transforms.add(new Transform(Transform.KE, group.transformId())));
        return new SaPayload(List.of(new Proposal(1, Proposal.IKE, spi, transforms)));
    }

    /**
     * The first of the initiator's proposals that this side accepts, with this side's preferred transforms in it;
     * the group of the initiator's KE payload when the proposal allows it. A choice whose group differs from
     * {@code keGroup} is answered with INVALID_KE_PAYLOAD naming it (§1.2). Empty: NO_PROPOSAL_CHOSEN.
     */
    public Optional<IkeChoice> choose(SaPayload offer, int keGroup) {
        for (Proposal proposal : offer.proposals()) {
            Offered offered = new Offered(proposal);
            if (proposal.protocol() != Proposal.IKE || !offered.onlyTypes(TYPES) || !offered.integrityNoneAllowed()) {
                continue;
            }
            Optional<Aead> cipher = offered.first(ciphers, offered::offers);
            Optional<Prf> prf = offered.first(prfs, p -> offered.contains(Transform.PRF, p.transformId()));
            Optional<KeyExchangeGroup> group = offered.group(groups, keGroup);
            if (cipher.isPresent() && prf.isPresent() && group.isPresent()) {
                return Optional.of(new IkeChoice(proposal.number(), new IkeSuite(cipher.get(), prf.get(), group.get())));
            }
        }
        return Optional.empty();
    }

    /**
     * The suite of a responder's SAr when it is our one proposal, number 1, with exactly one transform of each type
     * we offered.
     */
    public Optional<IkeSuite> accepted(SaPayload answer) {
        if (answer.proposals().size() != 1 || answer.proposals().get(0).number() != 1
                || answer.proposals().get(0).transforms().size() != 3) {
            return Optional.empty();
        }
        return choose(answer, answer.proposals().get(0).transforms().stream()
                .filter(transform -> transform.transformType() == Transform.KE).mapToInt(Transform::id).findFirst()
                .orElse(-1)).map(IkeChoice::suite);
    }
}
