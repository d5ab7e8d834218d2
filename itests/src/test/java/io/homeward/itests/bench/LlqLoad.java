package io.homeward.itests.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

/** LLQ load: the names spread round-robin over several UDP sockets, each with a window of setups in flight. */
final class LlqLoad implements SubscriptionLoad {
    /**
     * Setups in flight per socket: few, so that a setup queued behind the others is answered before the client's
     * 2 s retransmission even when the server needs milliseconds per setup; more would only add retransmissions.
     */
    private static final int WINDOW = 16;

    private final InetSocketAddress server;
    private final TSIG key;
    private final int socketCount;
    private final LatencyLog log;
    private final List<LlqSocket> sockets = new ArrayList<>();
    private final ScheduledExecutorService retransmissions = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "llq-retransmissions");
        t.setDaemon(true);
        return t;
    });

    LlqLoad(InetSocketAddress server, TSIG key, int socketCount, LatencyLog log) {
        this.server = server;
        this.key = key;
        this.socketCount = socketCount;
        this.log = log;
    }

    @Override
    public Opened open(List<Name> names, Duration timeout) throws IOException, InterruptedException {
        for (int i = 0; i < socketCount; i++) {
            sockets.add(new LlqSocket(server, key, WINDOW, log));
        }
        retransmissions.scheduleWithFixedDelay(this::retransmit, 250, 250, TimeUnit.MILLISECONDS);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < names.size(); i++) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0 || !sockets.get(i % socketCount).setup(names.get(i), left)) {
                break;
            }
        }
        while (System.nanoTime() < deadline && !sockets.stream().allMatch(LlqSocket::idle)) {
            Thread.sleep(50);
        }
        List<Name> held = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (sockets.get(i % socketCount).isHeld(names.get(i))) {
                held.add(names.get(i));
            }
        }
        String why = sockets.stream().map(LlqSocket::firstFailure).filter(s -> !s.isEmpty()).findFirst()
                .orElse(held.size() < names.size() ? "not set up within " + timeout.toSeconds() + " s" : "");
        return new Opened(held, names.size() - held.size(), why);
    }

    @Override
    public String carriers() {
        return socketCount + " UDP sockets";
    }

    private void retransmit() {
        long now = System.nanoTime();
        sockets.forEach(s -> s.retransmit(now));
    }

    @Override
    public void close() {
        retransmissions.shutdownNow();
        sockets.forEach(LlqSocket::close);
    }
}
