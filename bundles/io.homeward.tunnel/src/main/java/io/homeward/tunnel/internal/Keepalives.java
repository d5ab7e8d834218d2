package io.homeward.tunnel.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * NAT keepalives (RFC 3948 §2.3, §4): a UDP payload of the single octet 0xFF to every peer this host has sent
 * nothing for 20 seconds, so the NAT mappings on the path stay open. The owner calls {@link #sendDue} from a timer
 * a few times per interval.
 */
final class Keepalives {
    /** RFC 3948 §4 suggests 20 seconds. */
    static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(20);
    private static final byte[] KEEPALIVE = {(byte) 0xFF};

    private final SaTable table;
    private final DatagramSender sender;
    private final LongSupplier nanoTime;

    /** @param nanoTime the same monotonic time source the outbound path stamps sends with */
    Keepalives(SaTable table, DatagramSender sender, LongSupplier nanoTime) {
        this.table = table;
        this.sender = sender;
        this.nanoTime = nanoTime;
    }

    /** The sending pairs of the peers with a known endpoint that this host has sent nothing for the interval. */
    List<SecurityAssociation> due() {
        long now = nanoTime.getAsLong();
        return table.sendingPairs().stream()
                .filter(sa -> sa.endpoint() != null && now - sa.lastSentNanos() >= INTERVAL_NANOS).toList();
    }

    /**
     * Sends a keepalive to every peer that is due, once whatever its number of SA pairs.
     *
     * @return how many were sent
     * @throws IOException from the socket; the remaining keepalives go out on the next call
     */
    int sendDue() throws IOException {
        List<SecurityAssociation> due = due();
        for (SecurityAssociation sa : due) {
            InetSocketAddress to = sa.endpoint();
            sender.send(KEEPALIVE, 0, KEEPALIVE.length, to);
            sa.path().sent(nanoTime.getAsLong());
        }
        return due.size();
    }
}
