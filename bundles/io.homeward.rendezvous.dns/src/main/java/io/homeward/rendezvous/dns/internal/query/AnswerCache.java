package io.homeward.rendezvous.dns.internal.query;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.homeward.api.dns.DnsTransport;

/**
 * Answers repeated plain queries from their earlier wire-format answer, patching only the message ID
 * (a packet cache). Only a query that carries nothing but one question and an option-free OPT is
 * cached — no TSIG, no LLQ or other EDNS option — so an answer depends on the question bytes, the
 * flags, the EDNS payload size and the transport alone, all of which form the key. Every entry
 * remembers the zone generation it was computed from and is ignored once the zones have changed.
 */
public final class AnswerCache {
    private static final int HEADER = 12;
    private static final int OPT_WITHOUT_OPTIONS = 11;
    private static final int TYPE_OPT = 41;
    private static final int TYPE_AXFR = 252;
    private static final int TYPE_IXFR = 251;

    /** What identifies a question: everything after the ID, and the transport. */
    public record Key(DnsTransport transport, byte[] question) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.transport == transport && Arrays.equals(k.question, question);
        }

        @Override
        public int hashCode() {
            return 31 * transport.hashCode() + Arrays.hashCode(question);
        }
    }

    private record Entry(long generation, byte[] answer) {
    }

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier generation;
    private final int capacity;

    /** @param generation the zones' change counter: it moves whenever any answer could change */
    public AnswerCache(LongSupplier generation, int capacity) {
        this.generation = generation;
        this.capacity = capacity;
    }

    /** The key of a cacheable query, or empty for anything else (checked on the raw bytes, RFC 1035 §4.1). */
    public static Optional<Key> keyOf(byte[] m, DnsTransport transport) {
        if (m.length < HEADER + 5 || (m[2] & 0xF8) != 0 || u16(m, 4) != 1 || u16(m, 6) != 0 || u16(m, 8) != 0) {
            return Optional.empty(); // a response, not opcode QUERY, or not exactly one question
        }
        int additional = u16(m, 10);
        int at = HEADER;
        while (at < m.length && m[at] != 0) {
            int length = m[at] & 0xFF;
            if (length > 63) {
                return Optional.empty(); // a compression pointer in a question: not worth understanding here
            }
            at += length + 1;
        }
        at += 1;
        if (at + 4 > m.length) {
            return Optional.empty();
        }
        int type = u16(m, at);
        at += 4;
        if (type == TYPE_AXFR || type == TYPE_IXFR) {
            return Optional.empty();
        }
        boolean plain = additional == 0 && at == m.length;
        boolean bareOpt = additional == 1 && at + OPT_WITHOUT_OPTIONS == m.length && m[at] == 0
                && u16(m, at + 1) == TYPE_OPT && u16(m, at + 9) == 0;
        if (!plain && !bareOpt) {
            return Optional.empty();
        }
        return Optional.of(new Key(transport, Arrays.copyOfRange(m, 2, m.length)));
    }

    /** True for answers worth keeping: NOERROR and NXDOMAIN, never a passing SERVFAIL or a refusal. */
    public static boolean isDefinite(byte[] answer) {
        int rcode = answer.length > 3 ? answer[3] & 0x0F : -1;
        return rcode == 0 || rcode == 3;
    }

    /** The earlier answer with the query's ID, or null when there is none for the current zones. */
    public byte[] answer(Key key, byte[] query) {
        Entry entry = entries.get(key);
        if (entry == null || entry.generation() != generation.getAsLong()) {
            return null;
        }
        byte[] answer = entry.answer().clone();
        answer[0] = query[0];
        answer[1] = query[1];
        return answer;
    }

    /** The zone generation to pass to {@link #remember} once the answer is built. */
    public long generationNow() {
        return generation.getAsLong();
    }

    /**
     * Keeps an answer built from the zones as they were at {@code before}, unless they changed while
     * it was being built (then it may mix two states, and the next query builds it afresh).
     */
    public void remember(Key key, long before, byte[] answer) {
        if (generation.getAsLong() != before) {
            return;
        }
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(key, new Entry(before, answer.clone()));
    }

    private static int u16(byte[] m, int at) {
        return ((m[at] & 0xFF) << 8) | (m[at + 1] & 0xFF);
    }
}
