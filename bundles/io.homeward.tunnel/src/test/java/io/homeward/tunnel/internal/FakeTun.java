package io.homeward.tunnel.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.homeward.api.tunnel.TunDevice;
import io.homeward.api.tunnel.TunProvider;

/** A TUN provider whose device is two queues: what the host "sends" and what the tunnel wrote back. */
final class FakeTun implements TunProvider {
    final BlockingQueue<byte[]> fromHost = new LinkedBlockingQueue<>();
    final List<byte[]> toHost = new CopyOnWriteArrayList<>();
    final Set<Inet6Address> routes = ConcurrentHashMap.newKeySet();
    final List<String> opened = new ArrayList<>();
    volatile boolean open;

    @Override
    public TunDevice open(String name, Inet6Address address, int mtu) {
        opened.add(name + " " + address.getHostAddress() + " mtu " + mtu);
        open = true;
        return new TunDevice() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int mtu() {
                return mtu;
            }

            @Override
            public int read(ByteBuffer packet) throws IOException {
                while (open) {
                    try {
                        byte[] next = fromHost.poll(50, TimeUnit.MILLISECONDS);
                        if (next != null) {
                            packet.put(next);
                            return next.length;
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                throw new IOException("closed");
            }

            @Override
            public void write(ByteBuffer packet) {
                byte[] copy = new byte[packet.remaining()];
                packet.get(copy);
                toHost.add(copy);
            }

            @Override
            public void close() {
                open = false;
                routes.clear();
            }
        };
    }

    @Override
    public void addRoute(TunDevice device, Inet6Address peer) {
        routes.add(peer);
    }

    @Override
    public void removeRoute(TunDevice device, Inet6Address peer) {
        routes.remove(peer);
    }
}
