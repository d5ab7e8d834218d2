package io.homeward.tunnel.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.log.Logger;

import io.homeward.api.tunnel.TunDevice;
import io.homeward.api.tunnel.TunProvider;
import io.homeward.kit.nio.ArrayViews;

/**
 * The tunnel's TUN interface while a provider is there: one thread reads what the host sends to its peers' ULAs
 * and hands it to the outbound path; the inbound path writes decapsulated packets back. Routes each peer's
 * ULA/128 into the interface; closing removes the interface and, with it, the routes.
 */
final class TunAttachment implements AutoCloseable {
    private final TunProvider provider;
    private final TunDevice device;
    private final Logger log;
    private final Set<Inet6Address> routes = ConcurrentHashMap.newKeySet();
    private final ArrayViews views = new ArrayViews();
    private final Thread reader;
    private volatile boolean closing;

    private TunAttachment(TunProvider provider, TunDevice device, OutboundPath outbound, TunnelDrops drops,
            Logger log) {
        this.provider = provider;
        this.device = device;
        this.log = log;
        this.reader = new Thread(() -> read(outbound, drops), "homeward-tunnel-tun-rx");
        reader.setDaemon(true);
    }

    /** @param drops where failed sends are counted */
    static TunAttachment open(TunProvider provider, String name, Inet6Address ula, int mtu, OutboundPath outbound,
            TunnelDrops drops, Logger log) throws IOException {
        TunAttachment a = new TunAttachment(provider, provider.open(name, ula, mtu), outbound, drops, log);
        a.reader.start();
        return a;
    }

    String name() {
        return device.name();
    }

    int mtu() {
        return device.mtu();
    }

    Set<Inet6Address> routes() {
        return Set.copyOf(routes);
    }

    void route(Inet6Address peer) {
        if (routes.add(peer)) {
            try {
                provider.addRoute(device, peer);
            } catch (IOException e) {
                routes.remove(peer);
                log.error("Cannot route {} into {}: {}", peer.getHostAddress(), device.name(), e.getMessage());
            }
        }
    }

    void unroute(Inet6Address peer) {
        if (routes.remove(peer)) {
            try {
                provider.removeRoute(device, peer);
            } catch (IOException e) {
                log.warn("Cannot remove the route of {} from {}: {}", peer.getHostAddress(), device.name(), e.getMessage());
            }
        }
    }

    /** Inbound thread only. */
    void write(byte[] packet, int offset, int length) throws IOException {
        device.write(views.view(packet, offset, length));
    }

    private void read(OutboundPath outbound, TunnelDrops drops) {
        byte[] array = new byte[65_535];
        ByteBuffer buffer = ByteBuffer.wrap(array);
        while (!closing) {
            int n;
            try {
                buffer.clear();
                n = device.read(buffer);
            } catch (IOException e) {
                if (!closing) {
                    log.error("Reading {} failed, the tunnel sends nothing until it is reopened: {}", device.name(),
                            e.getMessage());
                }
                return;
            }
            try {
                outbound.send(array, 0, n);
            } catch (IOException e) {
                // A peer's network is unreachable for a moment; the packet is lost like any other, TCP resends.
                drops.count(TunnelDrops.Reason.IO_FAILURE);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        try {
            device.close();
        } catch (IOException e) {
            log.warn("Closing {}: {}", device.name(), e.getMessage());
        }
        reader.join(2000);
        routes.clear();
    }
}
