package io.homeward.rendezvous.transport.internal;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/** Counts open stream connections, in total and per client address, shared by the TCP and TLS listeners. */
final class ConnectionLimits {
    private final int perClient;
    private final int total;
    private final Map<InetAddress, Integer> byClient = new HashMap<>();
    private int open;

    ConnectionLimits(int perClient, int total) {
        this.perClient = perClient;
        this.total = total;
    }

    /** Takes a slot for a new connection from this address; false when either limit is reached. */
    synchronized boolean tryAcquire(InetAddress client) {
        int current = byClient.getOrDefault(client, 0);
        if (open >= total || current >= perClient) {
            return false;
        }
        byClient.put(client, current + 1);
        open++;
        return true;
    }

    synchronized void release(InetAddress client) {
        Integer current = byClient.get(client);
        if (current == null) {
            return;
        }
        if (current == 1) {
            byClient.remove(client);
        } else {
            byClient.put(client, current - 1);
        }
        open--;
    }
}
