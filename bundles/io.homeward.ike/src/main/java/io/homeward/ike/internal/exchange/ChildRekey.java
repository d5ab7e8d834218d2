package io.homeward.ike.internal.exchange;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.homeward.api.sa.SaSpec;
import io.homeward.api.sa.SaStatus;
import io.homeward.api.sa.SecurityAssociationDatabase.Sending;
import io.homeward.ike.internal.crypto.KeyExchange;
import io.homeward.ike.internal.crypto.KeyExchangeGroup;
import io.homeward.ike.internal.proposal.ChildChoice;
import io.homeward.ike.internal.proposal.ChildSuite;
import io.homeward.ike.internal.wire.DeletePayload;
import io.homeward.ike.internal.wire.ExchangeType;
import io.homeward.ike.internal.wire.KePayload;
import io.homeward.ike.internal.wire.NoncePayload;
import io.homeward.ike.internal.wire.NotifyPayload;
import io.homeward.ike.internal.wire.NotifyType;
import io.homeward.ike.internal.wire.Payload;
import io.homeward.ike.internal.wire.Proposal;
import io.homeward.ike.internal.wire.SaPayload;
import io.homeward.ike.internal.wire.TrafficSelectorPayload;

/**
 * Rekeying and deleting Child SAs, make-before-break (RFC 7296 §1.3.3, §1.4.1, §2.8): the initiator of the rekey offers
 * a new SPI, a nonce and, if the ESP proposals allow the IKE SA's group, a key exchange in it (perfect forward secrecy;
 * the same proposals without it follow for a responder configured without PFS), adds the new pair sending at once when
 * the response comes, then deletes the old one with an INFORMATIONAL DELETE; the responder adds the new pair when it
 * answers, sending on it after its first inbound packet; each side removes the old pair when the DELETE exchange
 * completes. Simultaneous rekeys of one Child SA keep the exchange without the lowest nonce (§2.8.1); a rekey of a
 * Child SA already replaced or being deleted, or during a rekey of the IKE SA, is answered TEMPORARY_FAILURE (§2.25).
 */
final class ChildRekey {
    private static final int ESP_SPI_LENGTH = 4;

    private ChildRekey() {
    }

    /** A new Child SA in the SA database, its lifetimes started and the events told. */
    static ChildSa added(IkeSa sa, SaSpec spec, ChildSuite suite, Optional<Sending> sending) {
        IkeContext context = sa.context;
        if (sending.isPresent()) {
            context.database().add(spec, sending.get());
        } else {
            context.database().install(spec);
        }
        sa.reservationUsed(spec.inboundSpi());
        ChildSa child = new ChildSa(sa, spec, suite, context.clock().instant());
        sa.children.add(child);
        scheduleRekey(child, context.settings().lifetimes().jittered(context.settings().lifetimes().childRekey(),
                context.random()));
        child.expiryTimer = context.scheduler().schedule(() -> expired(child),
                context.settings().lifetimes().childLifetime());
        if (!spec.esn()) {
            checkSequenceLater(child);
        }
        context.logger().info("IKE SA {}: Child SA {} installed", sa, spec);
        context.events().childInstalled(sa.status(), spec);
        return child;
    }

    /**
     * Starts rekeying the Child SA as the initiator (§1.3.3): SK {N(REKEY_SA), SA, Ni, KEi, TSi, TSr}.
     *
     * @return false when it cannot start now: the Child SA is not installed, the IKE SA is being rekeyed or its
     *         requests are full
     */
    static boolean start(ChildSa old, String why) {
        IkeSa sa = old.owner;
        if (old.state != ChildSa.State.INSTALLED || !sa.children.contains(old) || sa.ikeRekey.busy()) {
            return false;
        }
        IkeContext context = sa.context;
        int spi = sa.reserveSpi();
        byte[] ni = context.nonce();
        Optional<KeyExchange> keyExchange = Optional.of(sa.suite.group())
                .filter(context.settings().childProposals().groups()::contains)
                .map(group -> group.generate(context.random()));
        List<Payload> payloads = new ArrayList<>();
        payloads.add(new NotifyPayload(Proposal.ESP, spi(old.inboundSpi()), NotifyType.REKEY_SA.code(), new byte[0]));
        payloads.add(context.settings().childProposals().rekeyOffer(spi, keyExchange.map(KeyExchange::group)));
        payloads.add(new NoncePayload(ni));
        keyExchange.ifPresent(exchange -> payloads.add(new KePayload(exchange.group().transformId(),
                exchange.publicValue())));
        payloads.add(TrafficSelectors.of(false, context.host().ula()));
        payloads.add(TrafficSelectors.of(true, old.spec.peer()));
        old.state = ChildSa.State.REKEYING;
        old.stopRekeying();
        boolean queued = sa.request(new LocalRequest(ExchangeType.CREATE_CHILD_SA, payloads,
                response -> answered(old, spi, ni, keyExchange, response), "rekey Child SA " + old + " (" + why + ")"));
        if (!queued) {
            sa.releaseSpi(spi);
            old.state = ChildSa.State.INSTALLED;
        }
        return queued;
    }

    /** The response to this side's rekey: the new pair added and the old one deleted, or the rekey tried later. */
    private static void answered(ChildSa old, int spi, byte[] ni, Optional<KeyExchange> keyExchange,
            List<Payload> response) {
        IkeSa sa = old.owner;
        IkeContext context = sa.context;
        Optional<NotifyPayload> error = IkeSa.error(response);
        Optional<byte[]> nr = first(response, NoncePayload.class).map(NoncePayload::data);
        Optional<ChildChoice> choice = error.isPresent() ? Optional.empty()
                : first(response, SaPayload.class).flatMap(answer -> context.settings().childProposals()
                        .acceptedRekey(answer, keyExchange.map(KeyExchange::group)));
        Optional<byte[]> secret = Optional.empty();
        String refusal = error.map(IkeSa::name).orElse("an SA, Nonce or KE payload that does not answer the offer");
        if (choice.isPresent() && choice.get().suite().group().isPresent()) {
            KeyExchange own = keyExchange.orElseThrow();
            secret = first(response, KePayload.class).filter(ke -> ke.group() == own.group().transformId())
                    .flatMap(ke -> sharedSecret(own, ke));
        }
        boolean keyed = choice.isPresent() && nr.isPresent()
                && (choice.get().suite().group().isEmpty() || secret.isPresent());
        if (!keyed) {
            sa.releaseSpi(spi);
            context.logger().info("IKE SA {}: {} refused the rekey of Child SA {}: {}", sa, sa.peerFqdn, old,
                    refusal);
            if (old.collision != null) {
                old.state = ChildSa.State.REKEYED;
                old.collision = null;
            } else if (old.state == ChildSa.State.REKEYING && sa.children.contains(old)) {
                old.state = ChildSa.State.INSTALLED;
                scheduleRekey(old, context.settings().lifetimes().jittered(Lifetimes.RETRY, context.random()));
            }
            return;
        }
        SaSpec spec = ChildSaInstall.spec(old.spec.peer(), sa.peerEndpoint, spi, choice.get(),
                context.settings().suite(choice.get().suite().cipher()).orElseThrow(), sa.keys, secret, ni, nr.get(),
                true);
        ChildSa made = added(sa, spec, choice.get().suite(), Optional.of(Sending.NOW));
        if (!sa.children.contains(old)) {
            context.logger().info("IKE SA {}: the peer deleted Child SA {} while it was rekeyed; its replacement goes"
                    + " too (RFC 7296 §2.25.1)", sa, old);
            delete(made, "its Child SA was deleted while rekeyed");
        } else if (old.collision != null && lower(lowest(ni, nr.get()), old.collision.lowestNonce())) {
            context.logger().info("IKE SA {}: both sides rekeyed Child SA {}; this side's exchange had the lowest nonce"
                    + " and its Child SA {} goes (RFC 7296 §2.8.1)", sa, old, made);
            old.state = ChildSa.State.REKEYED;
            old.collision = null;
            delete(made, "redundant rekey");
        } else {
            old.collision = null;
            delete(old, "rekeyed as " + made);
        }
    }

    /**
     * The peer's CREATE_CHILD_SA (§1.3): a rekey of one of this IKE SA's Child SAs is answered SK {SA, Nr, [KEr,]
     * TSi, TSr} and its pair added (this side without PFS groups answers without KEr, the KE payload ignored); a new
     * Child SA beside the one between the two ULAs is answered NO_ADDITIONAL_SAS.
     */
    static List<Payload> answer(IkeSa sa, List<Payload> payloads) {
        IkeContext context = sa.context;
        Optional<NotifyPayload> rekey = payloads.stream().filter(NotifyPayload.class::isInstance)
                .map(NotifyPayload.class::cast).filter(notify -> notify.is(NotifyType.REKEY_SA)).findFirst();
        if (rekey.isEmpty()) {
            context.logger().info("IKE SA {}: CREATE_CHILD_SA from {} for another Child SA answered NO_ADDITIONAL_SAS",
                    sa, sa.peerFqdn);
            return List.of(NotifyPayload.of(NotifyType.NO_ADDITIONAL_SAS));
        }
        Optional<ChildSa> old = rekey.get().protocol() == Proposal.ESP
                && rekey.get().spi().length == ESP_SPI_LENGTH
                        ? byOutboundSpi(sa, ByteBuffer.wrap(rekey.get().spi()).getInt())
                        : Optional.empty();
        if (old.isEmpty()) {
            context.logger().info("IKE SA {}: {} rekeys a Child SA unknown here (CHILD_SA_NOT_FOUND)", sa,
                    sa.peerFqdn);
            return List.of(new NotifyPayload(rekey.get().protocol(), rekey.get().spi(),
                    NotifyType.CHILD_SA_NOT_FOUND.code(), new byte[0]));
        }
        ChildSa child = old.get();
        if (sa.ikeRekey.busy() || child.state == ChildSa.State.REKEYED || child.state == ChildSa.State.DELETING) {
            context.logger().info("IKE SA {}: rekey of Child SA {} answered TEMPORARY_FAILURE: it is {}{}", sa, child,
                    child.state, sa.ikeRekey.busy() ? " and the IKE SA is being rekeyed" : "");
            return List.of(NotifyPayload.of(NotifyType.TEMPORARY_FAILURE));
        }
        Optional<SaPayload> offer = first(payloads, SaPayload.class);
        Optional<NoncePayload> ni = first(payloads, NoncePayload.class);
        Optional<KePayload> ke = first(payloads, KePayload.class);
        Optional<ChildChoice> choice = offer.flatMap(o -> context.settings().childProposals().choose(o,
                ke.map(k -> OptionalInt.of(k.group())).orElse(OptionalInt.empty())).or(() -> ke.isPresent()
                        && context.settings().childProposals().groups().isEmpty()
                                ? context.settings().childProposals().choose(o, OptionalInt.empty())
                                : Optional.empty()));
        if (choice.isEmpty() || ni.isEmpty()) {
            context.logger().warn("IKE SA {}: no ESP proposal of {} acceptable for the rekey of Child SA {}", sa,
                    sa.peerFqdn, child);
            return List.of(NotifyPayload.of(NotifyType.NO_PROPOSAL_CHOSEN));
        }
        Optional<KeyExchangeGroup> group = choice.get().suite().group();
        if (group.isPresent() && group.get().transformId() != ke.get().group()) {
            return List.of(NotifyPayload.of(NotifyType.INVALID_KE_PAYLOAD,
                    ByteBuffer.allocate(2).putShort((short) group.get().transformId()).array()));
        }
        List<TrafficSelectorPayload> selectors = payloads.stream().filter(TrafficSelectorPayload.class::isInstance)
                .map(TrafficSelectorPayload.class::cast).toList();
        if (selectors.stream().noneMatch(ts -> !ts.responder() && TrafficSelectors.covers(ts, child.spec.peer()))
                || selectors.stream().noneMatch(ts -> ts.responder()
                        && TrafficSelectors.covers(ts, context.host().ula()))) {
            return List.of(NotifyPayload.of(NotifyType.TS_UNACCEPTABLE));
        }
        Optional<KeyExchange> own = group.map(g -> g.generate(context.random()));
        Optional<byte[]> secret = own.flatMap(exchange -> sharedSecret(exchange, ke.get()));
        if (own.isPresent() && secret.isEmpty()) {
            return List.of(NotifyPayload.of(NotifyType.INVALID_SYNTAX));
        }
        int spi = sa.reserveSpi();
        byte[] nr = context.nonce();
        SaSpec spec = ChildSaInstall.spec(child.spec.peer(), sa.peerEndpoint, spi, choice.get(),
                context.settings().suite(choice.get().suite().cipher()).orElseThrow(), sa.keys, secret,
                ni.get().data(), nr, false);
        ChildSa made = added(sa, spec, choice.get().suite(), Optional.of(Sending.AFTER_FIRST_INBOUND));
        if (child.state == ChildSa.State.REKEYING) {
            child.collision = new ChildSa.Collision(made, lowest(ni.get().data(), nr));
        } else {
            child.state = ChildSa.State.REKEYED;
            child.stopRekeying();
        }
        context.logger().info("IKE SA {}: {} rekeyed Child SA {} as {}", sa, sa.peerFqdn, child, made);
        List<Payload> answer = new ArrayList<>();
        answer.add(choice.get().answer(spi));
        answer.add(new NoncePayload(nr));
        own.ifPresent(exchange -> answer.add(new KePayload(exchange.group().transformId(), exchange.publicValue())));
        answer.add(TrafficSelectors.of(false, child.spec.peer()));
        answer.add(TrafficSelectors.of(true, context.host().ula()));
        return answer;
    }

    /**
     * The Child SAs an INFORMATIONAL DELETE of the peer names (§1.4.1), removed here; the answer names this side's
     * inbound SPIs of them, except of those this side is deleting already (§2.25.1).
     */
    static List<Payload> deleted(IkeSa sa, List<Payload> payloads) {
        List<Integer> answered = new ArrayList<>();
        for (DeletePayload delete : payloads.stream().filter(DeletePayload.class::isInstance)
                .map(DeletePayload.class::cast).filter(d -> d.protocol() == Proposal.ESP).toList()) {
            for (int spi : delete.spis()) {
                byOutboundSpi(sa, spi).ifPresent(child -> {
                    if (child.state != ChildSa.State.DELETING) {
                        answered.add(child.inboundSpi());
                    }
                    removed(child, "deleted by the peer");
                });
            }
        }
        return answered.isEmpty() ? List.of() : List.of(new DeletePayload(Proposal.ESP, answered));
    }

    /** Deletes the Child SA with an INFORMATIONAL DELETE of its inbound SPI; its pair goes on the response. */
    static void delete(ChildSa child, String why) {
        IkeSa sa = child.owner;
        child.state = ChildSa.State.DELETING;
        child.cancelTimers();
        boolean queued = sa.request(new LocalRequest(ExchangeType.INFORMATIONAL,
                List.of(new DeletePayload(Proposal.ESP, List.of(child.inboundSpi()))), response -> removed(child, why),
                "delete Child SA " + child + " (" + why + ")"));
        if (!queued) {
            removed(child, why + "; the peer could not be told");
        }
    }

    /** The Child SA's pair removed from the SA database and the events told. */
    private static void removed(ChildSa child, String why) {
        IkeSa sa = child.owner;
        if (!sa.children.remove(child)) {
            return;
        }
        child.cancelTimers();
        sa.context.database().remove(child.spec.peer(), child.inboundSpi());
        sa.context.logger().info("IKE SA {}: Child SA {} removed: {}", sa, child, why);
        sa.context.events().childRemoved(sa.status(), child.spec);
    }

    /** The operator's rekey of the IKE SA's newest installed Child SA; false when there is none to rekey now. */
    static boolean rekeyNewest(IkeSa sa) {
        return sa.children.stream().filter(child -> child.state == ChildSa.State.INSTALLED)
                .reduce((older, newer) -> newer).map(child -> start(child, "asked by the operator")).orElse(false);
    }

    private static void scheduleRekey(ChildSa child, Duration delay) {
        IkeContext context = child.owner.context;
        child.rekeyAt = context.clock().instant().plus(delay);
        child.rekeyTimer = context.scheduler().schedule(() -> due(child, "its rekey time"), delay);
    }

    private static void due(ChildSa child, String why) {
        child.rekeyTimer = null;
        if (child.state != ChildSa.State.INSTALLED || child.owner.state != IkeSaState.ESTABLISHED
                || !child.owner.children.contains(child)) {
            return;
        }
        if (!start(child, why)) {
            IkeContext context = child.owner.context;
            context.logger().debug("IKE SA {}: rekey of Child SA {} cannot start now; again in about {} s",
                    child.owner, child, Lifetimes.RETRY.toSeconds());
            scheduleRekey(child, context.settings().lifetimes().jittered(Lifetimes.RETRY, context.random()));
        }
    }

    /** The hard lifetime: a Child SA not replaced by now is deleted. */
    private static void expired(ChildSa child) {
        child.expiryTimer = null;
        if (child.owner.state == IkeSaState.ESTABLISHED && child.owner.children.contains(child)
                && child.state != ChildSa.State.DELETING) {
            child.owner.context.logger().warn("IKE SA {}: Child SA {} reached its lifetime without a rekey; deleted",
                    child.owner, child);
            delete(child, "its lifetime ended");
        }
    }

    /** Without ESN the SA must be replaced before its sequence numbers run out (RFC 4303 §3.3.3). */
    private static void checkSequenceLater(ChildSa child) {
        IkeContext context = child.owner.context;
        child.sequenceTimer = context.scheduler().schedule(() -> {
            child.sequenceTimer = null;
            long sent = context.database().list().stream()
                    .filter(status -> status.peer().equals(child.spec.peer())
                            && status.inboundSpi() == child.inboundSpi())
                    .mapToLong(SaStatus::packetsOut).findFirst().orElse(0);
            if (sent >= Lifetimes.SEQUENCE_LIMIT) {
                child.stopRekeying();
                due(child, sent + " packets sent without ESN");
            } else if (child.state == ChildSa.State.INSTALLED) {
                checkSequenceLater(child);
            }
        }, Lifetimes.SEQUENCE_CHECK);
    }

    private static Optional<ChildSa> byOutboundSpi(IkeSa sa, int spi) {
        return sa.children.stream().filter(child -> child.outboundSpi() == spi).findFirst();
    }

    private static Optional<byte[]> sharedSecret(KeyExchange exchange, KePayload ke) {
        try {
            return Optional.of(exchange.sharedSecret(ke.data()));
        } catch (InvalidKeyException e) {
            return Optional.empty();
        }
    }

    static <T extends Payload> Optional<T> first(List<Payload> payloads, Class<T> type) {
        return payloads.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    private static byte[] spi(int spi) {
        return ByteBuffer.allocate(ESP_SPI_LENGTH).putInt(spi).array();
    }

    /** The lower of an exchange's two nonces (§2.8.1: compared as octet strings). */
    static byte[] lowest(byte[] ni, byte[] nr) {
        return lower(ni, nr) ? ni : nr;
    }

    static boolean lower(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b) < 0;
    }
}
