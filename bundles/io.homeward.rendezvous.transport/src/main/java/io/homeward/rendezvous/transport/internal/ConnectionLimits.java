package io.homeward.rendezvous.transport.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Shares the stream connection slots of the TCP and TLS listeners: at most so many per client address, per client
 * network (an IPv4 /24, an IPv6 /56) and in total, of which unauthenticated connections may hold only a part. When
 * that part or the total is used up, a new connection takes the slot of the oldest unauthenticated connection that
 * has not completed a message yet, which is evicted: slow senders cannot keep clients that talk DNS out. When a
 * client address or network is at its limit, a new connection from it takes the slot of that address's (or
 * network's) connection that has been quiet the longest, if quiet for {@link #QUIET_BEFORE_EVICTION}: a host that
 * moved away and back (docs/architecture.md, "The host moves") left connections the server cannot know are dead,
 * and the newcomer is the host itself.
 */
final class ConnectionLimits {
    static final int IPV4_NETWORK_BITS = 24;
    static final int IPV6_NETWORK_BITS = 56;
    /** Longer than a connection of a live client waits between its messages in a burst of connections. */
    static final Duration QUIET_BEFORE_EVICTION = Duration.ofSeconds(2);

    /** Told when its slot was given to a newcomer. Called with the limits locked: must only schedule the close. */
    interface Holder {
        void evicted(String reason);
    }

    private final int perClient;
    private final int perNetwork;
    private final int total;
    private final int unauthenticatedTotal;
    private final Clock clock;
    private final Map<InetAddress, Integer> byClient = new HashMap<>();
    private final Map<InetAddress, Integer> byNetwork = new HashMap<>();
    /** Unauthenticated slots whose connection has completed no message yet, oldest first: the eviction order. */
    private final Set<Slot> evictable = new LinkedHashSet<>();
    private final Set<Slot> held = new LinkedHashSet<>();
    private int open;
    private int unauthenticated;

    /**
     * @param unauthenticatedTotal slots that connections on which no signed message was verified may hold together
     */
    ConnectionLimits(int perClient, int perNetwork, int total, int unauthenticatedTotal, Clock clock) {
        this.perClient = perClient;
        this.perNetwork = perNetwork;
        this.total = total;
        this.unauthenticatedTotal = unauthenticatedTotal;
        this.clock = clock;
    }

    /** Takes a slot for a new, unauthenticated connection from this address; empty when it must be refused. */
    synchronized Optional<Slot> tryAcquire(InetAddress client) {
        InetAddress network = network(client);
        if (byClient.getOrDefault(client, 0) >= perClient && !evictQuietest(client, false)) {
            return Optional.empty();
        }
        if (byNetwork.getOrDefault(network, 0) >= perNetwork && !evictQuietest(network, true)) {
            return Optional.empty();
        }
        if ((open >= total || unauthenticated >= unauthenticatedTotal) && !evictOldest()) {
            return Optional.empty();
        }
        Slot slot = new Slot(client, network);
        byClient.merge(client, 1, Integer::sum);
        byNetwork.merge(network, 1, Integer::sum);
        open++;
        unauthenticated++;
        evictable.add(slot);
        held.add(slot);
        return Optional.of(slot);
    }

    /** Frees the slot of the address's (or network's) longest quiet connection, if it is quiet long enough. */
    private boolean evictQuietest(InetAddress owner, boolean network) {
        long quietSince = clock.millis() - QUIET_BEFORE_EVICTION.toMillis();
        Slot victim = null;
        for (Slot slot : held) {
            if ((network ? slot.network : slot.client).equals(owner) && slot.heardAt <= quietSince
                    && (victim == null || slot.heardAt < victim.heardAt)) {
                victim = slot;
            }
        }
        if (victim == null) {
            return false;
        }
        victim.free();
        if (victim.holder != null) {
            victim.holder.evicted("evicted for a new connection from the same " + (network ? "network" : "address")
                    + ", which is at its limit: quiet for " + (clock.millis() - victim.heardAt) / 1000 + " s, the"
                    + " longest of its connections");
        }
        return true;
    }

    private boolean evictOldest() {
        Iterator<Slot> oldest = evictable.iterator();
        if (!oldest.hasNext()) {
            return false;
        }
        Slot victim = oldest.next();
        victim.free();
        if (victim.holder != null) {
            victim.holder.evicted("evicted for a new connection: no complete message yet, and no slot for an"
                    + " unauthenticated connection free (" + open + " open, at most " + unauthenticatedTotal
                    + " unauthenticated and " + total + " in total)");
        }
        return true;
    }

    /** The client's network: the address with all but the first /24 (IPv4) or /56 (IPv6) bits cleared. */
    static InetAddress network(InetAddress client) {
        byte[] bytes = client.getAddress();
        int bits = client instanceof Inet4Address ? IPV4_NETWORK_BITS : IPV6_NETWORK_BITS;
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - 8 * i));
            bytes[i] &= (byte) (0xff << (8 - keep));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + bytes.length + " bytes", e);
        }
    }

    private static void decrement(Map<InetAddress, Integer> counts, InetAddress key) {
        counts.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
    }

    /** One connection's claim on the limits; released once, when the connection closes or is evicted. */
    final class Slot {
        private final InetAddress client;
        private final InetAddress network;
        private Holder holder;
        private boolean authenticated;
        private boolean released;

        /** When the client was last heard on this connection (the clock's milliseconds). */
        private volatile long heardAt;

        private Slot(InetAddress client, InetAddress network) {
            this.client = client;
            this.network = network;
            this.heardAt = clock.millis();
        }

        /** The client sent something at {@code now} (the clock's milliseconds): evicted for a newcomer only after a quiet time. */
        void heard(long now) {
            heardAt = now;
        }

        /**
         * Names the connection to tell when the slot is taken away.
         *
         * @return false when the slot was taken away already: the connection must close
         */
        boolean attach(Holder connection) {
            synchronized (ConnectionLimits.this) {
                holder = connection;
                return !released;
            }
        }

        /** The connection completed a message: it talks DNS, so it is no longer evicted for a newcomer. */
        void completedMessage() {
            synchronized (ConnectionLimits.this) {
                evictable.remove(this);
            }
        }

        /** A signed message was verified on the connection: it may use the slots kept for authenticated clients. */
        void authenticated() {
            synchronized (ConnectionLimits.this) {
                if (!released && !authenticated) {
                    authenticated = true;
                    unauthenticated--;
                    evictable.remove(this);
                }
            }
        }

        void release() {
            synchronized (ConnectionLimits.this) {
                free();
            }
        }

        private void free() {
            if (released) {
                return;
            }
            released = true;
            evictable.remove(this);
            held.remove(this);
            decrement(byClient, client);
            decrement(byNetwork, network);
            open--;
            if (!authenticated) {
                unauthenticated--;
            }
        }
    }
}
