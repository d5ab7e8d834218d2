package io.homeward.ike.internal.exchange;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.homeward.ike.internal.crypto.IkeSaKeys;
import io.homeward.ike.internal.crypto.KeyExchange;
import io.homeward.ike.internal.proposal.IkeChoice;
import io.homeward.ike.internal.proposal.IkeSuite;
import io.homeward.ike.internal.wire.DeletePayload;
import io.homeward.ike.internal.wire.ExchangeType;
import io.homeward.ike.internal.wire.KePayload;
import io.homeward.ike.internal.wire.NoncePayload;
import io.homeward.ike.internal.wire.NotifyPayload;
import io.homeward.ike.internal.wire.NotifyType;
import io.homeward.ike.internal.wire.Payload;
import io.homeward.ike.internal.wire.Proposal;
import io.homeward.ike.internal.wire.SaPayload;
import io.homeward.kit.schedule.Scheduler.Scheduled;

/**
 * The rekey of one IKE SA (RFC 7296 §1.3.2, §2.18): CREATE_CHILD_SA with SA (an IKE proposal with the new SPI), Ni
 * and KEi; the new SA's keys from SKEYSEED = prf(SK_d (old), g^ir (new) | Ni | Nr); its message IDs start at 0 and
 * the initiator of the rekey is its original initiator; the Child SAs move to it and the rekey's initiator deletes
 * the old SA. When both sides rekey at once, the exchange with the lowest of the four nonces is redundant and its
 * initiator deletes the SA it made (§2.8.2). A rekey while this side deletes or has replaced the SA, or rekeys one of
 * its Child SAs, is answered TEMPORARY_FAILURE (§2.25).
 */
final class IkeRekey {
    /** How long a replaced SA waits for the peer's DELETE before it closes without (the retransmissions' span). */
    static final Duration REPLACED_WAIT = Duration.ofMinutes(3);
    private static final int IKE_SPI_LENGTH = 8;

    private final IkeSa sa;
    private Scheduled timer;
    private Instant due;
    /** This side's rekey under way. */
    private Outgoing own;
    /** The peer's rekey answered while this side's own was under way (§2.8.2). */
    private Collision collision;
    /** The SA that replaced this one, or that this one lost to: this one only waits for its DELETE. */
    private IkeSa replacement;

    private record Outgoing(long spi, byte[] ni, KeyExchange keyExchange) {
    }

    private record Collision(IkeSa made, byte[] lowestNonce) {
    }

    IkeRekey(IkeSa sa) {
        this.sa = sa;
    }

    /** Starts the rekey timer of an established SA. */
    void schedule() {
        Lifetimes lifetimes = sa.context.settings().lifetimes();
        later(lifetimes.jittered(lifetimes.ikeRekey(), sa.context.random()));
    }

    void cancel() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        due = null;
    }

    /** When the rekey timer fires; empty when none runs. */
    Optional<Instant> due() {
        return Optional.ofNullable(due);
    }

    /** Whether this SA is being rekeyed or was replaced: no Child SA is rekeyed on it (§2.25.2). */
    boolean busy() {
        return own != null || collision != null || replacement != null;
    }

    /** Whether another SA replaced this one, whose Child SAs it has; the peer's DELETE of it deletes no Child SA. */
    boolean replaced() {
        return replacement != null;
    }

    /**
     * Starts the rekey as its initiator.
     *
     * @return false when it cannot start now: the SA is not established, is being rekeyed, has a request under way
     *         or a Child SA being rekeyed or deleted
     */
    boolean start(String why) {
        if (sa.state != IkeSaState.ESTABLISHED || busy() || !sa.idle()
                || sa.children.stream().anyMatch(child -> child.state != ChildSa.State.INSTALLED)) {
            return false;
        }
        IkeContext context = sa.context;
        Outgoing mine = new Outgoing(sa.engine.newSpi(), context.nonce(), sa.suite.group().generate(context.random()));
        List<Payload> payloads = List.of(context.settings().ikeProposals().offer(spi(mine.spi())),
                new NoncePayload(mine.ni()),
                new KePayload(mine.keyExchange().group().transformId(), mine.keyExchange().publicValue()));
        own = mine;
        cancel();
        if (!sa.request(new LocalRequest(ExchangeType.CREATE_CHILD_SA, payloads, response -> answered(mine, response),
                "rekey the IKE SA (" + why + ")"))) {
            own = null;
            return false;
        }
        return true;
    }

    private void answered(Outgoing mine, List<Payload> response) {
        own = null;
        IkeContext context = sa.context;
        Optional<NotifyPayload> error = IkeSa.error(response);
        Optional<SaPayload> answer = ChildRekey.first(response, SaPayload.class);
        Optional<IkeSuite> accepted = error.isPresent() ? Optional.empty()
                : answer.flatMap(context.settings().ikeProposals()::accepted)
                        .filter(suite -> suite.group() == mine.keyExchange().group());
        Optional<byte[]> peerSpi = answer.filter(a -> a.proposals().size() == 1).map(a -> a.proposals().get(0).spi())
                .filter(spi -> spi.length == IKE_SPI_LENGTH && ByteBuffer.wrap(spi).getLong() != 0);
        Optional<byte[]> nr = ChildRekey.first(response, NoncePayload.class).map(NoncePayload::data);
        Optional<KePayload> ke = ChildRekey.first(response, KePayload.class)
                .filter(k -> k.group() == mine.keyExchange().group().transformId());
        if (accepted.isEmpty() || peerSpi.isEmpty() || nr.isEmpty() || ke.isEmpty()) {
            context.logger().info("IKE SA {}: {} refused its rekey: {}", sa, sa.peerFqdn,
                    error.map(IkeSa::name).orElse("an answer that is not one offered"));
            failed();
            return;
        }
        IkeSa made;
        try {
            made = replacement(true, mine.spi(), ByteBuffer.wrap(peerSpi.get()).getLong(), accepted.get(),
                    mine.keyExchange().sharedSecret(ke.get().data()), mine.ni(), nr.get());
        } catch (GeneralSecurityException e) {
            context.logger().info("IKE SA {}: the rekey's key exchange is refused: {}", sa, e.getMessage());
            failed();
            return;
        }
        if (collision != null && ChildRekey.lower(ChildRekey.lowest(mine.ni(), nr.get()), collision.lowestNonce())) {
            context.logger().info("IKE SA {}: both sides rekeyed it; this side's exchange had the lowest nonce and its"
                    + " new SA {} goes (RFC 7296 §2.8.2)", sa, made);
            IkeSa winner = collision.made();
            collision = null;
            made.ikeRekey.retire(winner);
            deleteLater(made, "redundant rekey of " + sa);
            moveTo(winner);
            return;
        }
        if (collision != null) {
            collision.made().ikeRekey.retire(made);
            collision = null;
        }
        moveTo(made);
        deleteLater(sa, "rekeyed as " + made);
    }

    /** This side's rekey failed: the peer's stands if it collided, else this side tries again later. */
    private void failed() {
        if (collision != null) {
            IkeSa winner = collision.made();
            collision = null;
            moveTo(winner);
        } else if (sa.state == IkeSaState.ESTABLISHED && replacement == null) {
            later(sa.context.settings().lifetimes().jittered(Lifetimes.RETRY, sa.context.random()));
        }
    }

    /** The peer's CREATE_CHILD_SA with an IKE proposal (§1.3.2), answered SK {SA, Nr, KEr}. */
    List<Payload> answer(SaPayload offer, List<Payload> payloads) {
        IkeContext context = sa.context;
        if (replacement != null || collision != null
                || sa.children.stream().anyMatch(child -> child.state == ChildSa.State.REKEYING)) {
            context.logger().info("IKE SA {}: a rekey of {} answered TEMPORARY_FAILURE: {}", sa, sa.peerFqdn,
                    replacement != null ? "it was replaced already" : "a rekey of this side is under way");
            return List.of(NotifyPayload.of(NotifyType.TEMPORARY_FAILURE));
        }
        Optional<NoncePayload> ni = ChildRekey.first(payloads, NoncePayload.class);
        Optional<KePayload> ke = ChildRekey.first(payloads, KePayload.class);
        Optional<byte[]> peerSpi = offer.proposals().stream().map(Proposal::spi)
                .filter(spi -> spi.length == IKE_SPI_LENGTH && ByteBuffer.wrap(spi).getLong() != 0).findFirst();
        Optional<IkeChoice> choice = ke.flatMap(k -> context.settings().ikeProposals().choose(offer, k.group()));
        if (ni.isEmpty() || peerSpi.isEmpty() || choice.isEmpty()) {
            context.logger().info("IKE SA {}: no IKE proposal of {} acceptable for its rekey (NO_PROPOSAL_CHOSEN)", sa,
                    sa.peerFqdn);
            return List.of(NotifyPayload.of(NotifyType.NO_PROPOSAL_CHOSEN));
        }
        int group = choice.get().suite().group().transformId();
        if (group != ke.get().group()) {
            return List.of(NotifyPayload.of(NotifyType.INVALID_KE_PAYLOAD,
                    ByteBuffer.allocate(2).putShort((short) group).array()));
        }
        KeyExchange keyExchange = choice.get().suite().group().generate(context.random());
        byte[] nr = context.nonce();
        long spi = sa.engine.newSpi();
        IkeSa made;
        try {
            made = replacement(false, ByteBuffer.wrap(peerSpi.get()).getLong(), spi, choice.get().suite(),
                    keyExchange.sharedSecret(ke.get().data()), ni.get().data(), nr);
        } catch (GeneralSecurityException e) {
            context.logger().info("IKE SA {}: the rekey's key exchange of {} is refused: {}", sa, sa.peerFqdn,
                    e.getMessage());
            return List.of(NotifyPayload.of(NotifyType.INVALID_SYNTAX));
        }
        if (own != null) {
            collision = new Collision(made, ChildRekey.lowest(ni.get().data(), nr));
        } else {
            moveTo(made);
        }
        return List.of(choice.get().answer(spi(spi)), new NoncePayload(nr),
                new KePayload(group, keyExchange.publicValue()));
    }

    /** The peer deletes this SA (§1.4.1): a rekey of the peer's that this side had answered stands. */
    void deletedByPeer() {
        if (collision != null) {
            IkeSa winner = collision.made();
            collision = null;
            moveTo(winner);
        }
    }

    /** The new SA, in the engine by its SPI, with the old one's peer and what the peer announced. */
    private IkeSa replacement(boolean initiator, long initiatorSpi, long responderSpi, IkeSuite suite,
            byte[] sharedSecret, byte[] ni, byte[] nr) throws GeneralSecurityException {
        IkeSaKeys keys = sa.keys.rekey(suite.prf(), suite.cipher().keyMaterialLength(), sharedSecret, ni, nr,
                initiatorSpi, responderSpi);
        RekeyedSa made = new RekeyedSa(sa.context, sa.engine, sa, initiator, initiatorSpi, responderSpi, suite, keys,
                ni, nr);
        sa.engine.adopt(made);
        return made;
    }

    /** The Child SAs move to the SA that replaces this one, which starts its rekey timer. */
    private void moveTo(IkeSa made) {
        retire(made);
        made.children.addAll(sa.children);
        made.children.forEach(child -> child.owner = made);
        sa.children.clear();
        made.established();
        sa.context.logger().info("IKE SA {} with {} rekeyed as {}", sa, sa.peerFqdn, made);
        sa.context.events().ikeRekeyed(sa.status(), made.status());
    }

    /**
     * This SA is replaced by another, or lost a collision to it: it only waits for a DELETE, closing by itself after
     * {@link #REPLACED_WAIT}.
     */
    private void retire(IkeSa by) {
        replacement = by;
        cancel();
        sa.context.scheduler().schedule(() -> sa.close("replaced by " + by + "; not deleted in time"), REPLACED_WAIT);
    }

    /** Deletes a replaced or redundant SA with an INFORMATIONAL DELETE and closes it on the response. */
    private static void deleteLater(IkeSa doomed, String why) {
        if (!doomed.request(new LocalRequest(ExchangeType.INFORMATIONAL, List.of(DeletePayload.ikeSa()),
                response -> doomed.close(why), "delete the IKE SA (" + why + ")"))) {
            doomed.delete(why);
        }
    }

    private void later(Duration delay) {
        cancel();
        due = sa.context.clock().instant().plus(delay);
        timer = sa.context.scheduler().schedule(() -> {
            timer = null;
            due = null;
            if (sa.state == IkeSaState.ESTABLISHED && replacement == null && !start("its rekey time")) {
                later(sa.context.settings().lifetimes().jittered(Lifetimes.RETRY, sa.context.random()));
            }
        }, delay);
    }

    private static byte[] spi(long spi) {
        return ByteBuffer.allocate(IKE_SPI_LENGTH).putLong(spi).array();
    }
}
