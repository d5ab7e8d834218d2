package io.homeward.watcher.internal.session;

import org.xbill.DNS.Rcode;

/** RFC 8765 §6.2.2: how long to wait after a SUBSCRIBE error when the server attaches no Retry Delay TLV. */
final class RetryDelays {
    private static final long MINUTE = 60_000;

    private RetryDelays() {
    }

    static long forRcode(int rcode) {
        return switch (rcode) {
            case Rcode.SERVFAIL -> MINUTE;
            case Rcode.NOTIMP, Rcode.DSOTYPENI -> 60 * MINUTE;
            default -> 5 * MINUTE;
        };
    }
}
