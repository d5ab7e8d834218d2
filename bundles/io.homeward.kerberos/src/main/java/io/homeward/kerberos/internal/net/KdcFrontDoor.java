package io.homeward.kerberos.internal.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.osgi.service.log.Logger;

import io.homeward.kerberos.internal.status.KdcCounters;
import io.homeward.kit.net.Endpoints;

/**
 * The KDC's front door: a UDP and a TCP listener on each of the given addresses (the host's ULAs), all on the same
 * configured port (RFC 4120 §7.2.3), answering only sources the predicate allows. It owns its sockets and threads —
 * one receiving thread per UDP listener, one accepting thread per TCP listener, a small pool of connection threads
 * shared by the TCP listeners, never more busy than {@link FrontDoorSettings#maxConnections}, and one thread that
 * closes connections whose client stopped reading its answers — and releases all of them on {@link #close}.
 */
public final class KdcFrontDoor implements AutoCloseable {
    /** How often connections whose client stopped reading its answers are looked for. */
    static final long REAPER_PERIOD_MILLIS = 250;

    private final List<UdpFrontDoor> udp;
    private final List<TcpFrontDoor> tcp;
    private final ExecutorService connections;
    private final ScheduledExecutorService reaper;

    private KdcFrontDoor(List<UdpFrontDoor> udp, List<TcpFrontDoor> tcp, ExecutorService connections,
            ScheduledExecutorService reaper) {
        this.udp = udp;
        this.tcp = tcp;
        this.connections = connections;
        this.reaper = reaper;
    }

    /**
     * Binds UDP and TCP on every address.
     *
     * @param allowedSources true for the sources to answer: the engine's "a ULA of a listed peer or of this host"
     * @throws IOException when an address cannot be bound (in use, not on this host, port 88 without the
     *                     privilege); nothing is left open then
     */
    public static KdcFrontDoor open(List<InetAddress> addresses, FrontDoorSettings settings,
            KdcRequestHandler handler, Predicate<InetAddress> allowedSources, KdcCounters counters, Logger log,
            Clock clock) throws IOException {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("the KDC needs at least one address to listen on");
        }
        FrontDoorLog frontDoorLog = new FrontDoorLog(clock, log);
        Semaphore slots = new Semaphore(settings.maxConnections());
        AtomicInteger threads = new AtomicInteger();
        // Cached: a thread per open connection, at most maxConnections busy (the slots), idle ones end after 60 s.
        ExecutorService connections = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "homeward-kdc-tcp-connection-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        List<UdpFrontDoor> udp = new ArrayList<>();
        List<TcpFrontDoor> tcp = new ArrayList<>();
        ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "homeward-kdc-tcp-reaper");
            thread.setDaemon(true);
            return thread;
        });
        KdcFrontDoor frontDoor = new KdcFrontDoor(udp, tcp, connections, reaper);
        try {
            for (InetAddress address : addresses) {
                InetSocketAddress at = new InetSocketAddress(address, settings.port());
                tcp.add(TcpFrontDoor.bind(at, settings, handler, allowedSources, counters, frontDoorLog, slots,
                        connections));
                udp.add(UdpFrontDoor.bind(at, settings, handler, allowedSources, counters, frontDoorLog));
            }
        } catch (IOException | RuntimeException e) {
            frontDoor.close();
            throw e;
        }
        reaper.scheduleWithFixedDelay(() -> tcp.forEach(TcpFrontDoor::closeStuck), REAPER_PERIOD_MILLIS,
                REAPER_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        log.info("KDC listening on {}", frontDoor.listening());
        return frontDoor;
    }

    /** Where it answers, for the status: {@code [fd00::1]:88 TCP}, {@code [fd00::1]:88 UDP}, … */
    public List<String> listening() {
        List<String> where = new ArrayList<>();
        tcp.forEach(t -> where.add(Endpoints.text(t.address()) + " TCP"));
        udp.forEach(u -> where.add(Endpoints.text(u.address()) + " UDP"));
        return where;
    }

    /** The bound TCP addresses, in the order of the addresses given (the ports are known here when 0 was asked). */
    public List<InetSocketAddress> tcpAddresses() {
        return tcp.stream().map(TcpFrontDoor::address).toList();
    }

    /** The bound UDP addresses, in the order of the addresses given. */
    public List<InetSocketAddress> udpAddresses() {
        return udp.stream().map(UdpFrontDoor::address).toList();
    }

    /** Stops listening, closes every connection and ends every thread (waiting up to a few seconds for them). */
    @Override
    public void close() {
        reaper.shutdownNow();
        tcp.forEach(TcpFrontDoor::close);
        udp.forEach(UdpFrontDoor::close);
        connections.shutdownNow();
        try {
            reaper.awaitTermination(2, TimeUnit.SECONDS);
            connections.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
