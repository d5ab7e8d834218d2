package io.homeward.rendezvous.transport.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
 * has not completed a message yet, which is evicted: slow senders cannot keep clients that talk DNS out.
 */
final class ConnectionLimits {
    static final int IPV4_NETWORK_BITS = 24;
    static final int IPV6_NETWORK_BITS = 56;

    /** Told when its slot was given to a newcomer. Called with the limits locked: must only schedule the close. */
    interface Holder {
        void evicted(String reason);
    }

    private final int perClient;
    private final int perNetwork;
    private final int total;
    private final int unauthenticatedTotal;
    private final Map<InetAddress, Integer> byClient = new HashMap<>();
    private final Map<InetAddress, Integer> byNetwork = new HashMap<>();
    /** Unauthenticated slots whose connection has completed no message yet, oldest first: the eviction order. */
    private final Set<Slot> evictable = new LinkedHashSet<>();
    private int open;
    private int unauthenticated;

    /**
     * @param unauthenticatedTotal slots that connections on which no signed message was verified may hold together
     */
    ConnectionLimits(int perClient, int perNetwork, int total, int unauthenticatedTotal) {
        this.perClient = perClient;
        this.perNetwork = perNetwork;
        this.total = total;
        this.unauthenticatedTotal = unauthenticatedTotal;
    }

    /** Takes a slot for a new, unauthenticated connection from this address; empty when it must be refused. */
    synchronized Optional<Slot> tryAcquire(InetAddress client) {
        InetAddress network = network(client);
        if (byClient.getOrDefault(client, 0) >= perClient || byNetwork.getOrDefault(network, 0) >= perNetwork) {
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
        return Optional.of(slot);
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

        private Slot(InetAddress client, InetAddress network) {
            this.client = client;
            this.network = network;
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
            decrement(byClient, client);
            decrement(byNetwork, network);
            open--;
            if (!authenticated) {
                unauthenticated--;
            }
        }
    }
}
