package io.homeward.watcher.internal;

import java.util.List;

/** The names {@code Subscription.mechanism()} reports, in the default order of preference. */
final class Mechanisms {
    static final String DNS_PUSH = "dns-push";
    static final String LLQ_TLS = "llq-tls";
    static final String LLQ_UDP = "llq-udp";
    static final String POLL = "poll";
    /** Nothing delivers changes: no credentials yet, or every mechanism failed and a retry is pending. */
    static final String NONE = "none";
    static final List<String> ALL = List.of(DNS_PUSH, LLQ_TLS, LLQ_UDP, POLL);

    private Mechanisms() {
    }

    static boolean usesUdp(String mechanism) {
        return LLQ_UDP.equals(mechanism) || POLL.equals(mechanism);
    }
}
