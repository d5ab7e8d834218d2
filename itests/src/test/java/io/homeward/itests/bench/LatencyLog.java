package io.homeward.itests.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When each update was sent, how the server answered it and when its event arrived; thread-safe, since
 * updates are sent, answered and observed on different threads. Only the first event of an update counts:
 * LLQ events may be retransmitted.
 */
final class LatencyLog {
    private final Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<Integer, Long> latencyNanos = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> accepted = new ConcurrentHashMap<>();
    private final Map<Integer, Long> answerNanos = new ConcurrentHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger strangers = new AtomicInteger();

    /** Call before the update leaves, so that a fast event always finds its start time. */
    void sending(int sequence, long nanos) {
        sentAt.put(sequence, nanos);
    }

    void answered(int sequence, boolean noError, long nanos) {
        accepted.put(sequence, noError);
        Long start = sentAt.get(sequence);
        if (start != null) {
            answerNanos.put(sequence, nanos - start);
        }
    }

    void eventArrived(int sequence, long nanos) {
        Long start = sentAt.get(sequence);
        if (start == null) {
            strangers.incrementAndGet();
        } else if (latencyNanos.putIfAbsent(sequence, nanos - start) != null) {
            duplicates.incrementAndGet();
        }
    }

    /** True when every update the server accepted has had its event (or was answered otherwise). */
    boolean complete() {
        return sentAt.keySet().stream().allMatch(s -> latencyNanos.containsKey(s) || Boolean.FALSE.equals(accepted.get(s)));
    }

    Summary summary() {
        int accepts = (int) accepted.values().stream().filter(Boolean::booleanValue).count();
        int refusals = accepted.size() - accepts;
        int lost = (int) accepted.entrySet().stream()
                .filter(e -> e.getValue() && !latencyNanos.containsKey(e.getKey())).count();
        List<Long> sorted = sorted(latencyNanos);
        List<Long> answers = sorted(answerNanos);
        return new Summary(sentAt.size(), accepts, refusals, sentAt.size() - accepted.size(), sorted.size(), lost,
                duplicates.get(), strangers.get(), percentile(sorted, 50), percentile(sorted, 99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1), percentile(answers, 50),
                percentile(answers, 99));
    }

    private static List<Long> sorted(Map<Integer, Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos.values());
        sorted.sort(null);
        return sorted;
    }

    /** Nearest-rank percentile, 0 when nothing arrived. */
    static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /**
     * @param sent       updates sent
     * @param accepted   updates answered NOERROR
     * @param refused    updates answered with another RCODE
     * @param unanswered updates the server never answered
     * @param events     updates whose event arrived
     * @param lost       accepted updates whose event never arrived
     * @param duplicates events that arrived again for the same update
     * @param strangers  events carrying an address no update wrote
     * @param p50Nanos   update → event latency, median; p99Nanos and maxNanos likewise
     * @param answerP50Nanos update → NOERROR answer (durable on the server), median; answerP99Nanos likewise
     */
    record Summary(int sent, int accepted, int refused, int unanswered, int events, int lost, int duplicates,
            int strangers, long p50Nanos, long p99Nanos, long maxNanos, long answerP50Nanos, long answerP99Nanos) {
    }
}
