package io.homeward.tunnel.internal;

import java.util.List;
import java.util.Locale;

import io.homeward.kit.text.Ipv6Text;

/**
 * What the tunnel holds for destinations keyed on demand, for {@code homeward:tunnels} and the console.
 *
 * @param on      whether anything keys on demand (a missing-SA listener is registered), so packets are held
 * @param limits  the hold's bounds
 * @param waiting the destinations whose packets wait, in the order they started
 * @param held    packets held since the tunnel started
 * @param sent    held packets sent on a new SA pair since the tunnel started
 */
record HoldStatus(boolean on, HoldLimits limits, List<KeyingHold.Waiting> waiting, long held, long sent) {

    HoldStatus {
        waiting = List.copyOf(waiting);
    }

    /** A line saying whether and how much is held, then one line per waiting destination. */
    String text() {
        StringBuilder s = new StringBuilder("hold for keying: ");
        if (!on) {
            s.append("off (nothing keys on demand: packets to a peer without an SA pair are dropped)");
        } else {
            s.append(String.format(Locale.ROOT, "on (up to %d packets per peer for %d s, %d peers, %d KiB)",
                    limits.packetsPerPeer(), limits.seconds(), limits.peers(), HoldLimits.BUFFER_BYTES / 1024));
        }
        s.append(String.format(Locale.ROOT, "; %d held, %d sent once keyed%n", held, sent));
        for (KeyingHold.Waiting w : waiting) {
            s.append(String.format(Locale.ROOT, "  %d packet%s for keying with %s (%.1f s)%n", w.packets(),
                    w.packets() == 1 ? " waits" : "s wait", Ipv6Text.format(w.destination()),
                    w.waited().toNanos() / 1e9));
        }
        return s.toString();
    }
}
