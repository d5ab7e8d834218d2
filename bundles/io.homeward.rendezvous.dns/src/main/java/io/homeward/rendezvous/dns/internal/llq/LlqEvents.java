package io.homeward.rendezvous.dns.internal.llq;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.homeward.kit.dns.wire.LlqOption;
import io.homeward.rendezvous.dns.internal.response.EdnsPolicy;

/**
 * Sends LLQ events (RFC 8764 §7.1) and resends unacknowledged UDP events: after 2 s, then 4 s, and gives up
 * when the third transmission has gone unanswered for 8 s more. TCP and TLS deliver or fail on their own, so
 * events on a stream are sent once.
 */
final class LlqEvents {
    static final Duration FIRST_RETRANSMISSION = Duration.ofSeconds(2);
    static final int MAX_TRANSMISSIONS = 3;

    private final int udpPayload;
    private final Clock clock;
    private final Random random;

    /** @param udpPayload the largest UDP event this server sends */
    LlqEvents(int udpPayload, Clock clock, Random random) {
        this.udpPayload = udpPayload;
        this.clock = clock;
        this.random = random;
    }

    /** Sends the changes in as few events as fit the transport. */
    void send(LlqEntry entry, List<byte[]> answers, Instant now) {
        boolean udp = !entry.responder.transport().isStream();
        int room = (udp ? udpPayload : EdnsPolicy.STREAM_LIMIT)
                - EventMessage.overhead(entry.question, entry.key, udpPayload);
        List<byte[]> batch = new ArrayList<>();
        int size = 0;
        for (byte[] answer : answers) {
            if (!batch.isEmpty() && size + answer.length > room) {
                sendOne(entry, batch, udp, now);
                batch = new ArrayList<>();
                size = 0;
            }
            batch.add(answer);
            size += answer.length;
        }
        sendOne(entry, batch, udp, now);
    }

    /** Resends what is due; false when an event went unanswered too often and the LLQ must end. */
    boolean retransmit(LlqEntry entry, Instant now) {
        for (LlqEntry.PendingEvent event : entry.pending.values()) {
            if (now.isBefore(event.next)) {
                continue;
            }
            if (event.transmissions >= MAX_TRANSMISSIONS) {
                return false;
            }
            entry.responder.send(event.wire);
            event.transmissions++;
            event.next = now.plus(FIRST_RETRANSMISSION.multipliedBy(1L << (event.transmissions - 1)));
        }
        return true;
    }

    private void sendOne(LlqEntry entry, List<byte[]> answers, boolean udp, Instant now) {
        int messageId;
        do {
            messageId = random.nextInt(0x10000);
        } while (entry.pending.containsKey(messageId));
        LlqOption option = LlqOption.reply(LlqOption.EVENT, LlqOption.NO_ERROR, entry.id, entry.remainingSeconds(now));
        byte[] wire = EventMessage.build(messageId, entry.question, answers, option, udpPayload, entry.key, clock);
        entry.lastEvent = now;
        if (udp) {
            entry.pending.put(messageId, new LlqEntry.PendingEvent(wire, now.plus(FIRST_RETRANSMISSION)));
        }
        entry.responder.send(wire);
    }
}
