package io.homeward.ike.internal.proposal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import io.homeward.ike.internal.crypto.KeyExchangeGroup;
import io.homeward.ike.internal.wire.Proposal;
import io.homeward.ike.internal.wire.Transform;

/** The transforms of one received proposal, read against this side's preferences (RFC 7296 §3.3.6). */
final class Offered {
    static final int INTEG_NONE = 0;

    private final List<Transform> transforms;

    Offered(Proposal proposal) {
        this.transforms = proposal.transforms();
    }

    /** Whether every transform type is one of these: a type not understood makes the proposal unacceptable. */
    boolean onlyTypes(Set<Integer> types) {
        return transforms.stream().allMatch(transform -> types.contains(transform.transformType()));
    }

    boolean has(int type) {
        return transforms.stream().anyMatch(transform -> transform.transformType() == type);
    }

    /** No integrity transform, or NONE among them: what an AEAD needs. */
    boolean integrityNoneAllowed() {
        return !has(Transform.INTEG) || contains(Transform.INTEG, INTEG_NONE);
    }

    boolean contains(int type, int id) {
        return transforms.stream().anyMatch(transform -> transform.transformType() == type && transform.id() == id
                && transform.keyLength() == 0 && !transform.unknownAttributes());
    }

    /** This side's first preference the proposal contains. */
    <T> Optional<T> first(List<T> preferences, Predicate<T> offered) {
        return preferences.stream().filter(offered).findFirst();
    }

    /** The KE payload's group if the proposal and this side allow it, else this side's first one the proposal has. */
    Optional<KeyExchangeGroup> group(List<KeyExchangeGroup> preferences, int keGroup) {
        return KeyExchangeGroup.of(keGroup)
                .filter(group -> preferences.contains(group) && contains(Transform.KE, group.transformId()))
                .or(() -> first(preferences, group -> contains(Transform.KE, group.transformId())));
    }

    boolean offers(Aead aead) {
        return transforms.stream().anyMatch(aead::matches);
    }
}
