package io.homeward.ike.internal.proposal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import io.homeward.ike.internal.crypto.KeyExchangeGroup;
import io.homeward.ike.internal.wire.Proposal;
import io.homeward.ike.internal.wire.SaPayload;
import io.homeward.ike.internal.wire.Transform;

/**
 * This side's ESP algorithms in order of preference (RFC 7296 §2.7, §3.3): AEAD ciphers, the ESN choices (strongSwan's
 * kernel-libipsec accepts only "no ESN") and the key exchange groups for PFS in CREATE_CHILD_SA.
 */
public record ChildProposals(List<Aead> ciphers, List<Boolean> esn, List<KeyExchangeGroup> groups) {
    private static final Set<Integer> TYPES = Set.of(Transform.ENCR, Transform.INTEG, Transform.KE, Transform.ESN);
    private static final int SPI_SIZE = 4;

    public ChildProposals {
        ciphers = List.copyOf(ciphers);
        esn = List.copyOf(esn);
        groups = List.copyOf(groups);
        if (ciphers.isEmpty() || esn.isEmpty()) {
            throw new IllegalArgumentException("an ESP offer needs a cipher and an ESN choice");
        }
    }

    /**
     * SAi2, or the SA of a CREATE_CHILD_SA: one proposal with this side's inbound SPI, every cipher and ESN choice,
     * and the KE groups when {@code withKeyExchange}.
     */
    public SaPayload offer(int spi, boolean withKeyExchange) {
        return new SaPayload(List.of(proposal(1, spi, withKeyExchange ? groups : List.of())));
    }

    /**
     * The SA of a CREATE_CHILD_SA that rekeys a Child SA (RFC 7296 §1.3.3) with this side's new inbound SPI: with
     * perfect forward secrecy, proposal 1 holds the one KE group of {@code pfs} and proposal 2 is the same without
     * it, for a responder configured without PFS (strongSwan's default ESP proposals carry no group).
     */
    public SaPayload rekeyOffer(int spi, Optional<KeyExchangeGroup> pfs) {
        List<Proposal> proposals = new ArrayList<>();
        pfs.ifPresent(group -> proposals.add(proposal(1, spi, List.of(group))));
        proposals.add(proposal(proposals.size() + 1, spi, List.of()));
        return new SaPayload(proposals);
    }

    private Proposal proposal(int number, int spi, List<KeyExchangeGroup> keGroups) {
        List<Transform> transforms = new ArrayList<>();
        ciphers.forEach(cipher -> transforms.add(cipher.transform()));
        keGroups.forEach(group -> transforms.add(new Transform(Transform.KE, group.transformId())));
        esn.forEach(on -> transforms.add(new Transform(Transform.ESN, on ? 1 : 0)));
        return new Proposal(number, Proposal.ESP, ByteBuffer.allocate(SPI_SIZE).putInt(spi).array(), transforms);
    }

    /**
     * The suite and the responder's inbound SPI of its answer to {@link #rekeyOffer}: one proposal with one transform
     * of each type, a KE transform only of the {@code pfs} group offered.
     */
    public Optional<ChildChoice> acceptedRekey(SaPayload answer, Optional<KeyExchangeGroup> pfs) {
        if (answer.proposals().size() != 1) {
            return Optional.empty();
        }
        List<Transform> transforms = answer.proposals().get(0).transforms();
        boolean withGroup = transforms.stream().anyMatch(transform -> transform.transformType() == Transform.KE);
        if (withGroup && pfs.isEmpty() || transforms.size() != (withGroup ? 3 : 2)) {
            return Optional.empty();
        }
        return choose(answer, withGroup ? OptionalInt.of(pfs.get().transformId()) : OptionalInt.empty())
                .filter(choice -> choice.suite().group().equals(withGroup ? pfs : Optional.empty()));
    }

    /**
     * The first of the initiator's ESP proposals this side accepts. Without a KE payload ({@code keGroup} empty:
     * IKE_AUTH, or CREATE_CHILD_SA without PFS) KE transforms other than NONE are passed over, as strongSwan does
     * in IKE_AUTH; with one the proposal must offer a group of ours, the KE payload's if it can (else
     * INVALID_KE_PAYLOAD). Empty: NO_PROPOSAL_CHOSEN.
     */
    public Optional<ChildChoice> choose(SaPayload offer, OptionalInt keGroup) {
        for (Proposal proposal : offer.proposals()) {
            Offered offered = new Offered(proposal);
            if (proposal.protocol() != Proposal.ESP || proposal.spi().length != SPI_SIZE || !offered.onlyTypes(TYPES)
                    || !offered.integrityNoneAllowed() || !offered.has(Transform.ESN)) {
                continue;
            }
            Optional<Aead> cipher = offered.first(ciphers, offered::offers);
            Optional<Boolean> extended = offered.first(esn, on -> offered.contains(Transform.ESN, on ? 1 : 0));
            Optional<KeyExchangeGroup> group = keGroup.isPresent() ? offered.group(groups, keGroup.getAsInt())
                    : Optional.empty();
            if (cipher.isPresent() && extended.isPresent() && (keGroup.isEmpty() || group.isPresent())) {
                return Optional.of(new ChildChoice(proposal.number(), new ChildSuite(cipher.get(), extended.get(),
                        group), ByteBuffer.wrap(proposal.spi()).getInt()));
            }
        }
        return Optional.empty();
    }

    /**
     * The suite and the responder's inbound SPI of its SAr2 when it is our one proposal, number 1, with one transform
     * of each type this side offered.
     */
    public Optional<ChildChoice> accepted(SaPayload answer, OptionalInt keGroup) {
        if (answer.proposals().size() != 1 || answer.proposals().get(0).number() != 1) {
            return Optional.empty();
        }
        List<Transform> transforms = answer.proposals().get(0).transforms();
        int expected = keGroup.isPresent() ? 3 : 2;
        return transforms.size() == expected ? choose(answer, keGroup) : Optional.empty();
    }
}
