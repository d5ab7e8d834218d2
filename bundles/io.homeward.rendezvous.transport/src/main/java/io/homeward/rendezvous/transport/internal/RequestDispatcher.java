package io.homeward.rendezvous.transport.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.log.Logger;

import io.homeward.api.dns.DnsRequestHandler;
import io.homeward.api.dns.DnsResponder;
import io.homeward.api.dns.DnsTransport;

/**
 * Runs the request handler on a fixed pool of worker threads with a bounded backlog, so the
 * receiving threads never wait for it. When the backlog is full the message is dropped and counted:
 * the client retries, as it would after a lost datagram.
 */
final class RequestDispatcher implements AutoCloseable {
    private final DnsRequestHandler handler;
    private final Logger log;
    private final ThreadPoolExecutor executor;
    private final AtomicLong dropped = new AtomicLong();
    private final Map<DnsTransport, AtomicLong> droppedBy = new EnumMap<>(DnsTransport.class);

    RequestDispatcher(DnsRequestHandler handler, int workers, int backlog, Logger log) {
        this.handler = handler;
        this.log = log;
        for (DnsTransport transport : DnsTransport.values()) {
            droppedBy.put(transport, new AtomicLong());
        }
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(backlog), r -> {
                    Thread t = new Thread(r, "homeward-dns-worker-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Hands one message to the handler; runs {@code done} afterwards on the worker thread.
     *
     * @return false when the message was dropped because the workers are saturated
     */
    boolean dispatch(byte[] message, DnsResponder responder, Runnable done) {
        try {
            executor.execute(() -> {
                try {
                    handler.handle(message, responder);
                } catch (RuntimeException e) {
                    log.error("the DNS request handler failed on a {}-byte message from {} over {}",
                            message.length, responder.client(), responder.transport(), e);
                } finally {
                    done.run();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            dropped.incrementAndGet();
            droppedBy.get(responder.transport()).incrementAndGet();
            return false;
        }
    }

    long droppedCount() {
        return dropped.get();
    }

    long droppedCount(DnsTransport transport) {
        return droppedBy.get(transport).get();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("DNS worker threads still busy 5 s after shutdown; a request handler ignores interrupts");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
