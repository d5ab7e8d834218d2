package io.homeward.rendezvous.enroll.internal;

import java.net.InetAddress;

import io.homeward.kit.log.CountedLog;

/**
 * Logs each refused request with its reason, at a bounded rate: the first refusal of each kind (what was asked and
 * the status) in a minute is logged in full, the others counted into one summary line ({@link CountedLog}).
 */
final class RefusalLog {
    private final CountedLog log;

    RefusalLog(CountedLog log) {
        this.log = log;
    }

    void refused(InetAddress from, String what, int status, String reason) {
        log.info("refused " + what + " (" + status + ")", from, "enrollment server refused {} from {} with {}: {}", what,
                from.getHostAddress(), status, reason);
    }

    void failed(InetAddress from, String what, String reason) {
        log.info("failed " + what, from, "enrollment server: {} from {} failed: {}", what, from.getHostAddress(), reason);
    }

    void flush() {
        log.flush();
    }
}
